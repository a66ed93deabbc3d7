/**
 * A scene's AGV lane network as a VDMA LIF 1.0.0 document: one layout, one vehicle type (the scene's fleet),
 * nodes with their positions, one-way edges with their speed limits, and a station per facility the lanes
 * serve. The mapping, and what LIF cannot carry, is docs/formats.md.
 *
 * @example
 *   const lif = sceneToLif(scene, { exportTimestamp: new Date().toISOString() });
 *   writeFileSync('lanes.lif.json', `${JSON.stringify(lif, null, 2)}\n`);
 */
import type { Facility, LaneNode, Scene } from '../sceneSchema';
import { LIF_VERSION, TWIN_VEHICLE_TYPE, type LifAction, type LifDocument, type LifNode, type LifStation } from './lifTypes';

/**
 * The VDA 5050 actions (2.x section 6.8.2, also 3.0) that say a node's role; LIF identifies a station's purpose
 * by the actions on its interaction nodes (LIF.md 8.3.13.1). CONDITIONAL: an AGV may drive through such a node
 * on its way elsewhere; HARD: nothing else happens while a container is lifted or the battery charges.
 */
export const ROLE_ACTIONS: Readonly<Record<'load' | 'unload' | 'charge', readonly string[]>> = {
  load: ['pick'],
  unload: ['drop'],
  charge: ['startCharging', 'stopCharging'],
};

const action = (actionType: string): LifAction => ({ actionType, requirementType: 'CONDITIONAL', blockingType: 'HARD' });

/** Radians in [-π, π], the range LIF gives its angles. */
function lifAngle(rad: number): number {
  return Math.atan2(Math.sin(rad), Math.cos(rad));
}

/** The role a node reads back as from its actions and stations alone; where it differs, the extension says it. */
function roleFromStandard(n: LaneNode): LaneNode['role'] {
  if (n.role === 'load' || n.role === 'unload' || n.role === 'charge') return n.role;
  return n.serves === undefined ? 'waypoint' : 'park';
}

export interface LifExportOptions {
  /** ISO 8601 in UTC; given by the caller so the same scene gives the same file in a test. */
  readonly exportTimestamp: string;
  readonly layoutVersion?: string;
}

export function sceneToLif(scene: Scene, options: LifExportOptions): LifDocument {
  // The VDA 5050 map the fleet reports in, when it is the zone frame itself (LIF positions are in that frame).
  const mapId = scene.telemetry?.maps.find((m) => m.origin[0] === 0 && m.origin[1] === 0 && m.rotation === 0)?.mapId;
  const nodes: LifNode[] = scene.lanes.nodes.map((n) => {
    const actions = n.role === 'waypoint' || n.role === 'park' ? [] : ROLE_ACTIONS[n.role].map(action);
    return {
      nodeId: n.id,
      ...(mapId === undefined ? {} : { mapId }),
      nodePosition: { x: n.position[0], y: n.position[1] },
      vehicleTypeNodeProperties: [
        {
          vehicleTypeId: TWIN_VEHICLE_TYPE,
          ...(actions.length > 0 ? { actions } : {}),
          ...(roleFromStandard(n) === n.role ? {} : { smartGateTwin: { role: n.role } }),
        },
      ],
    };
  });
  const edges = scene.lanes.edges.map((e) => ({
    edgeId: e.id,
    startNodeId: e.from,
    endNodeId: e.to,
    vehicleTypeEdgeProperties: [
      {
        vehicleTypeId: TWIN_VEHICLE_TYPE,
        // The twin does not model an AGV turning on the spot along a lane; false is what it can vouch for.
        rotationAllowed: false,
        maxSpeed: e.speedLimitMps,
        smartGateTwin: { laneWidthM: e.widthM },
      },
    ],
  }));
  const facilities = new Map<string, Facility>(scene.facilities.map((f) => [f.id, f]));
  const byFacility = new Map<string, string[]>();
  for (const n of scene.lanes.nodes) {
    if (n.serves === undefined) continue;
    const list = byFacility.get(n.serves) ?? [];
    list.push(n.id);
    byFacility.set(n.serves, list);
  }
  const stations: LifStation[] = [...byFacility].map(([id, interactionNodeIds]) => {
    const f = facilities.get(id);
    return {
      stationId: id,
      interactionNodeIds,
      ...(f?.name ? { stationName: f.name.en } : {}),
      ...(f
        ? {
            stationDescription: f.kind,
            stationPosition: { x: f.footprint.position[0], y: f.footprint.position[1], theta: lifAngle(f.footprint.rotation) },
          }
        : {}),
    };
  });
  const [marker] = scene.zone.border.markers;
  return {
    metaInformation: {
      projectIdentification: `${scene.title.en} (${scene.id})`,
      creator: 'Smart Gate Twin',
      exportTimestamp: options.exportTimestamp,
      lifVersion: LIF_VERSION,
    },
    layouts: [
      {
        layoutId: scene.id,
        layoutName: scene.title.en,
        layoutVersion: options.layoutVersion ?? '1',
        layoutDescription:
          `AGV lanes of zone ${scene.zone.id}: x metres east and y metres north of ${marker ? `border marker ${marker.number}` : 'the zone anchor'} ` +
          `(${scene.zone.geoAnchor.lat} N, ${scene.zone.geoAnchor.lon} E)`,
        nodes,
        edges,
        stations,
      },
    ],
  };
}
