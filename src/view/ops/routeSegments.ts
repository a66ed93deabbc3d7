/**
 * The route of one AGV as line segments in the zone frame, for drawing: from its VDA 5050 state (the nodes and
 * edges released to it, and those planned beyond the horizon) mapped onto the scene's lane nodes, or, for the
 * simulation, its chain out of the planned-path segments of the whole fleet. Pure.
 */
import type { Scene } from '../../domain/sceneSchema';
import type { EdgeStateReport, NodeStateReport } from '../../telemetry/vda5050/agvReport';

export interface RouteSegments {
  /** x1, y1, x2, y2 per released edge. */
  readonly released: number[];
  /** The same per planned (not yet released) edge. */
  readonly planned: number[];
  /** x, y of each released node. */
  readonly releasedNodes: number[];
  /** Node ids the scene does not know and that carry no position: not drawn. */
  readonly unknownNodes: string[];
}

export interface LaneIndex {
  readonly node: ReadonlyMap<string, readonly [number, number]>;
  readonly edge: ReadonlyMap<string, readonly [string, string]>;
}

export function laneIndex(scene: Scene): LaneIndex {
  return {
    node: new Map(scene.lanes.nodes.map((n) => [n.id, [n.position[0], n.position[1]] as const])),
    edge: new Map(scene.lanes.edges.map((e) => [e.id, [e.from, e.to] as const])),
  };
}

/**
 * Segments of a state's `nodeStates` and `edgeStates`. A node is placed by its id (our simulated fleet names lane
 * nodes as the scene does), else by its `nodePosition` through `place` (map to zone frame). An edge is drawn
 * between its scene nodes when the scene knows its id, else between its neighbours in sequence (VDA 5050 numbers
 * node, edge, node… with sequence ids 0, 1, 2…). Without edge states, consecutive nodes are joined.
 */
export function routeSegments(
  state: { readonly nodeStates: readonly NodeStateReport[]; readonly edgeStates: readonly EdgeStateReport[] },
  lanes: LaneIndex,
  place?: (mapId: string, x: number, y: number) => readonly [number, number] | undefined,
): RouteSegments {
  const out: RouteSegments = { released: [], planned: [], releasedNodes: [], unknownNodes: [] };
  const nodes = [...state.nodeStates].sort((a, b) => a.sequenceId - b.sequenceId);
  const at = new Map<number, readonly [number, number]>();
  for (const n of nodes) {
    const p = lanes.node.get(n.nodeId) ?? (n.nodePosition && place?.(n.nodePosition.mapId, n.nodePosition.x, n.nodePosition.y));
    if (!p) {
      out.unknownNodes.push(n.nodeId);
      continue;
    }
    at.set(n.sequenceId, p);
    if (n.released) out.releasedNodes.push(p[0], p[1]);
  }
  const push = (a: readonly [number, number] | undefined, b: readonly [number, number] | undefined, released: boolean) => {
    if (a && b) (released ? out.released : out.planned).push(a[0], a[1], b[0], b[1]);
  };
  if (state.edgeStates.length === 0) {
    for (let k = 1; k < nodes.length; k++)
      push(at.get(nodes[k - 1]!.sequenceId), at.get(nodes[k]!.sequenceId), nodes[k - 1]!.released && nodes[k]!.released);
    return out;
  }
  for (const e of [...state.edgeStates].sort((a, b) => a.sequenceId - b.sequenceId)) {
    const ends = lanes.edge.get(e.edgeId);
    if (ends) push(lanes.node.get(ends[0]), lanes.node.get(ends[1]), e.released);
    else push(at.get(e.sequenceId - 1), at.get(e.sequenceId + 1), e.released);
  }
  return out;
}

/**
 * The chain of connected segments (x1, y1, x2, y2 each; a chain continues while a segment starts where the
 * previous one ended) whose first point is nearest (x, y) within `maxDistanceM`: one AGV's planned path out of
 * the whole fleet's. Returns [first, end) in segments, or [0, 0] when no chain starts near enough.
 */
export function chainNear(segments: Float32Array, x: number, y: number, maxDistanceM: number): [number, number] {
  const n = segments.length >> 2;
  let best = -1;
  let bestD2 = maxDistanceM * maxDistanceM;
  for (let k = 0; k < n; k++) {
    const o = k * 4;
    const head = k === 0 || segments[o] !== segments[o - 2] || segments[o + 1] !== segments[o - 1];
    if (!head) continue;
    const dx = segments[o]! - x;
    const dy = segments[o + 1]! - y;
    const d2 = dx * dx + dy * dy;
    if (d2 <= bestD2) {
      bestD2 = d2;
      best = k;
    }
  }
  if (best < 0) return [0, 0];
  let end = best + 1;
  while (end < n && segments[end * 4] === segments[end * 4 - 2] && segments[end * 4 + 1] === segments[end * 4 - 1]) end++;
  return [best, end];
}
