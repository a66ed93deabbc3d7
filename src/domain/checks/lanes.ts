import { convexPenetration, footprintCorners, pointInConvex, segmentCrossesPolyline, segmentStrip } from '../geometry';
import { coded, type Problem } from '../problem';
import type { FacilityKind, LaneNode, Scene } from '../sceneSchema';
import { TOUCH_TOLERANCE_M } from './overlap';

/** Facilities an AGV lane may not pass through: buildings and the truck side of the gate. */
export const LANE_BLOCKING_KINDS: ReadonlySet<FacilityKind> = new Set(['admin-building', 'road', 'truck-holding', 'scanner-bay', 'barrier']);

/** Lane edges: they stay clear of buildings, their cross-border flag is true to the map, they fit an AGV. */
export function checkLanes(scene: Scene): Problem[] {
  const out: Problem[] = [];
  const pos = new Map(scene.lanes.nodes.map((n) => [n.id, n.position]));
  const blockers = scene.facilities.map((f, i) => ({ f, i, corners: footprintCorners(f.footprint) })).filter(({ f }) => LANE_BLOCKING_KINDS.has(f.kind));
  const agvWidth = scene.fleet.agv.widthM.value;

  scene.lanes.edges.forEach((e, i) => {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) return;
    const strip = segmentStrip(a, b, e.widthM);
    for (const { f, i: fi, corners } of blockers) {
      if (convexPenetration(strip, corners) > TOUCH_TOLERANCE_M) {
        const other = `facilities[${fi}]`;
        out.push(
          coded(`lanes.edges[${i}]`, `lane ${e.from} → ${e.to} crosses ${other} ("${f.id}", ${f.kind})`, {
            code: 'lane-crosses-facility',
            params: { from: e.from, to: e.to, other, id: f.id, kind: f.kind },
          }),
        );
      }
    }
    const crosses = segmentCrossesPolyline(a, b, scene.zone.border.line);
    if (crosses !== e.crossBorder) {
      out.push(
        crosses
          ? coded(`lanes.edges[${i}].crossBorder`, 'is false but the edge crosses the border line', { code: 'border-crossing-unflagged', params: {} })
          : coded(`lanes.edges[${i}].crossBorder`, 'is true but the edge does not cross the border line', { code: 'border-crossing-flagged', params: {} }),
      );
    }
    if (e.widthM < agvWidth) {
      out.push(
        coded(`lanes.edges[${i}].widthM`, `${e.widthM} m is narrower than an AGV (${agvWidth} m, fleet.agv.widthM)`, {
          code: 'lane-too-narrow',
          params: { width: e.widthM, agvWidth },
        }),
      );
    }
  });

  const facilities = new Map(scene.facilities.map((f) => [f.id, f]));
  scene.lanes.nodes.forEach((n, i) => {
    const served = n.serves === undefined ? undefined : facilities.get(n.serves);
    if (served && !pointInConvex(n.position, footprintCorners(served.footprint))) {
      out.push(
        coded(`lanes.nodes[${i}].position`, `lies outside the facility it serves ("${served.id}")`, {
          code: 'node-outside-served',
          params: { id: served.id },
        }),
      );
    }
    const wanted = ROLE_SERVES[n.role];
    if (wanted && (!served || !wanted.includes(served.kind))) {
      const must = `a "${n.role}" node must serve a facility of kind ${wanted.join(', ')}`;
      out.push(
        served
          ? coded(`lanes.nodes[${i}].serves`, `${must} ("${served.id}" is ${served.kind})`, {
              code: 'role-serves-wrong-kind',
              params: { role: n.role, kinds: wanted, id: served.id, kind: served.kind },
            })
          : coded(`lanes.nodes[${i}].serves`, `${must} (set "serves")`, { code: 'role-needs-serves', params: { role: n.role, kinds: wanted } }),
      );
    }
    if (served?.kind === 'agv-charging' && n.role !== 'charge' && n.role !== 'park') {
      out.push(
        coded(`lanes.nodes[${i}].role`, `serves a charging area, so its role must be "charge" or "park", not "${n.role}"`, {
          code: 'charging-node-role',
          params: { role: n.role },
        }),
      );
    }
  });
  return out;
}

/** What a work node's role requires it to serve. */
const ROLE_SERVES: Partial<Record<LaneNode['role'], readonly FacilityKind[]>> = {
  load: ['import-storage', 'export-storage', 'crane'],
  unload: ['import-storage', 'export-storage', 'crane'],
  charge: ['agv-charging'],
};
