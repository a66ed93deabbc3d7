/**
 * What the simulation needs to know about a layout, read from its scene: the resources trucks queue for
 * (barrier lanes, scanner lanes, yard loading slots, cranes), where along each truck route they stand, and
 * which yards AGVs shuttle between.
 *
 * Rules (documented in docs/simulation.md): a route serves the trucks of its flow ("both" serves both); the
 * barriers and scanner bays it passes through are its stops, in the order met; when the layout runs AGVs,
 * trucks take the route that passes closest to their flow's yard on the Vietnamese side and stop there (export
 * trucks drop their container, import trucks pick one up); without AGVs they take the route farthest from any
 * yard, crossing by road.
 */
import { footprintCorners, polylineTouchesConvex } from '../domain/geometry';
import type { Scene } from '../domain/sceneSchema';
import { nearestArc, routeLine, type RouteLine } from './routeGeometry';

export type Flow = 'export' | 'import';

export interface ServerSpec {
  readonly facility: number;
  readonly id: string;
  readonly kind: 'barrier' | 'scanner-bay';
  readonly servers: number;
  readonly serviceS: number;
}

export interface YardSpec {
  readonly facility: number;
  readonly id: string;
  readonly flow: Flow;
  readonly side: 'VN' | 'CN';
  readonly slots: number;
  readonly capacityTeu: number;
  /** Indices into {@link GateLayout.cranes}. */
  readonly cranes: number[];
}

export interface CraneSpec {
  readonly facility: number;
  readonly id: string;
  readonly cycleS: number;
  readonly yard: number;
  /** Index of the crane's first lane node (its first handover bay), or -1 when AGVs cannot reach it. */
  readonly laneNode: number;
  /**
   * Every lane node serving this crane, in scene order: its handover bays. A crane with bays beside the through
   * lane works an AGV in one while others pass, and the next AGV waits in another bay rather than on the lane.
   */
  readonly bays: readonly number[];
}

export interface Stop {
  readonly kind: 'server' | 'yard';
  /** Index into servers or yards. */
  readonly index: number;
  /** Arc length along the route (m). */
  readonly arc: number;
}

export interface RoutePlan {
  readonly line: RouteLine;
  readonly stops: readonly Stop[];
  readonly viaYard: boolean;
}

export interface GateLayout {
  readonly servers: readonly ServerSpec[];
  readonly yards: readonly YardSpec[];
  readonly cranes: readonly CraneSpec[];
  readonly routes: Readonly<Record<Flow, RoutePlan>>;
  readonly usesAgvs: boolean;
  /** Yards AGVs carry containers between: VN export → CN import, CN export → VN import. */
  readonly agvLegs: Readonly<Record<Flow, { from: number; to: number }>> | undefined;
}

function yardOf(yards: readonly YardSpec[], flow: Flow, side: 'VN' | 'CN'): number {
  return yards.findIndex((y) => y.flow === flow && y.side === side);
}

/** Reads the simulation's view of a scene; throws an Error naming what is missing when it cannot run. */
export function gateLayout(scene: Scene, agvCount: number): GateLayout {
  const servers: ServerSpec[] = [];
  const yards: YardSpec[] = [];
  const cranes: CraneSpec[] = [];
  scene.facilities.forEach((f, i) => {
    if (f.kind === 'barrier') servers.push({ facility: i, id: f.id, kind: f.kind, servers: f.lanes, serviceS: f.openingTimeS.value });
    if (f.kind === 'scanner-bay') servers.push({ facility: i, id: f.id, kind: f.kind, servers: f.lanes, serviceS: f.scanTimeS.value });
    if (f.kind === 'export-storage' || f.kind === 'import-storage') {
      const flow = f.kind === 'export-storage' ? 'export' : 'import';
      yards.push({ facility: i, id: f.id, flow, side: f.side, slots: f.loadingSlots, capacityTeu: f.capacityTeu, cranes: [] });
    }
  });
  const baysOf = new Map<string, number[]>();
  scene.lanes.nodes.forEach((n, k) => {
    if (n.serves !== undefined) baysOf.set(n.serves, [...(baysOf.get(n.serves) ?? []), k]);
  });
  scene.facilities.forEach((f, i) => {
    if (f.kind !== 'crane') return;
    const yard = yards.findIndex((y) => y.id === f.serves);
    if (yard < 0) return;
    yards[yard]!.cranes.push(cranes.length);
    const bays = baysOf.get(f.id) ?? [];
    cranes.push({ facility: i, id: f.id, cycleS: f.cycleTimeS.value, yard, laneNode: bays[0] ?? -1, bays });
  });

  const hasLanes = scene.lanes.edges.length > 0;
  const usesAgvs = agvCount > 0 && hasLanes;
  let agvLegs: GateLayout['agvLegs'];
  if (usesAgvs) {
    const legs = {
      export: { from: yardOf(yards, 'export', 'VN'), to: yardOf(yards, 'import', 'CN') },
      import: { from: yardOf(yards, 'export', 'CN'), to: yardOf(yards, 'import', 'VN') },
    };
    for (const [flow, leg] of Object.entries(legs)) {
      if (leg.from < 0 || leg.to < 0) throw new Error(`${flow} by AGV needs an export yard on one side and an import yard on the other`);
      for (const y of [leg.from, leg.to]) {
        const yard = yards[y]!;
        if (!yard.cranes.some((c) => cranes[c]!.laneNode >= 0)) {
          throw new Error(`yard "${yard.id}" has no crane with a lane node serving it, so AGVs cannot be loaded there`);
        }
      }
    }
    agvLegs = legs;
  }

  const routeFor = (flow: Flow): RoutePlan => {
    const candidates = scene.truckRoutes.filter((r) => r.flow === flow || r.flow === 'both');
    if (candidates.length === 0) throw new Error(`no truck route for ${flow} trucks (truckRoutes[].flow "${flow}" or "both")`);
    const yard = yards.findIndex((y) => y.flow === flow && y.side === 'VN');
    const yardPos = yard >= 0 ? scene.facilities[yards[yard]!.facility]!.footprint.position : undefined;
    const scored = candidates.map((r) => {
      const line = routeLine(r.id, r.points);
      return { r, line, near: yardPos ? nearestArc(line, yardPos) : { arc: 0, distance: Infinity } };
    });
    scored.sort((a, b) => (usesAgvs ? a.near.distance - b.near.distance : b.near.distance - a.near.distance));
    const { r, line, near } = scored[0]!;
    const stops: Stop[] = [];
    servers.forEach((s, k) => {
      const fp = scene.facilities[s.facility]!.footprint;
      if (polylineTouchesConvex(r.points, footprintCorners(fp))) stops.push({ kind: 'server', index: k, arc: nearestArc(line, fp.position).arc });
    });
    const viaYard = usesAgvs && yard >= 0;
    if (viaYard) stops.push({ kind: 'yard', index: yard, arc: near.arc });
    stops.sort((a, b) => a.arc - b.arc);
    return { line, stops, viaYard };
  };

  return { servers, yards, cranes, routes: { export: routeFor('export'), import: routeFor('import') }, usesAgvs, agvLegs };
}
