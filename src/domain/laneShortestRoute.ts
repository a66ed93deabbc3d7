/**
 * The quickest way between two lane nodes on the scene's lane network, as a master control plans an operator's
 * "drive to node" order: Dijkstra over the directed lane edges (one-way edges are driven their way only), each
 * costing its length over the slower of its speed limit and the AGV's top speed. Small networks (tens to a few
 * thousand nodes), called once per order: a binary heap keeps it O(E log V). A vehicle driving along a lane edge
 * cannot turn back to its last node's other ways: given `via`, the node it drives to now, the route goes there first.
 *
 * @example
 *   const r = laneShortestRoute(buildLaneGraph(scene.lanes.nodes, scene.lanes.edges), 'yard-3', 'scanner-1', 6.94);
 *   if (r.ok) r.nodes; // lane node indices from yard-3 to scanner-1; r.edges[k] leads from nodes[k] to nodes[k + 1]
 */
import type { LaneGraph } from './laneGraph';

export type LaneRouteResult =
  | {
      readonly ok: true;
      /** Lane node indices, from the start to the target (just the start when both are one). */
      readonly nodes: readonly number[];
      /** Lane edge indices: `edges[k]` leads from `nodes[k]` to `nodes[k + 1]`. */
      readonly edges: readonly number[];
      /** Travel time at the allowed speeds, without acceleration (s). */
      readonly seconds: number;
    }
  | { readonly ok: false; readonly reason: string };

export function laneShortestRoute(graph: LaneGraph, fromId: string, toId: string, maxSpeedMps: number, viaId?: string): LaneRouteResult {
  const onEdge = viaId === undefined || viaId === fromId ? -1 : graph.edges.findIndex((e) => e.from === fromId && e.to === viaId);
  if (onEdge >= 0) {
    const rest = laneShortestRoute(graph, viaId!, toId, maxSpeedMps);
    if (!rest.ok)
      return rest.reason.startsWith('no lane node')
        ? rest
        : { ok: false, reason: rest.reason.replace(`from "${viaId}"`, `from "${fromId}" by "${viaId}"`) };
    const a = graph.nodes[graph.indexOf.get(fromId)!]!.position;
    const b = graph.nodes[graph.indexOf.get(viaId!)!]!.position;
    const first = Math.hypot(b[0] - a[0], b[1] - a[1]) / Math.min(graph.edges[onEdge]!.speedLimitMps, maxSpeedMps);
    return { ok: true, nodes: [graph.indexOf.get(fromId)!, ...rest.nodes], edges: [onEdge, ...rest.edges], seconds: first + rest.seconds };
  }
  if (!(maxSpeedMps > 0)) throw new RangeError(`AGV top speed ${maxSpeedMps} m/s: expected a positive number`);
  const from = graph.indexOf.get(fromId);
  const to = graph.indexOf.get(toId);
  if (from === undefined) return { ok: false, reason: `no lane node "${fromId}" in the scene (where the AGV is)` };
  if (to === undefined) return { ok: false, reason: `no lane node "${toId}" in the scene` };
  const { nodes, edges } = graph;
  const leaving: number[][] = nodes.map(() => []);
  const ends = edges.map((e, k) => {
    const a = graph.indexOf.get(e.from);
    const b = graph.indexOf.get(e.to);
    if (a !== undefined && b !== undefined) leaving[a]!.push(k);
    return b ?? -1;
  });
  const cost = new Float64Array(nodes.length).fill(Infinity);
  const via = new Int32Array(nodes.length).fill(-1);
  const done = new Uint8Array(nodes.length);
  const heap = new MinHeap();
  cost[from] = 0;
  heap.push(from, 0);
  while (heap.size > 0) {
    const n = heap.pop();
    if (done[n]) continue;
    done[n] = 1;
    if (n === to) break;
    const p = nodes[n]!.position;
    for (const k of leaving[n]!) {
      const m = ends[k]!;
      const q = nodes[m]!.position;
      const c = cost[n]! + Math.hypot(q[0] - p[0], q[1] - p[1]) / Math.min(edges[k]!.speedLimitMps, maxSpeedMps);
      if (c < cost[m]!) {
        cost[m] = c;
        via[m] = k;
        heap.push(m, c);
      }
    }
  }
  if (!done[to]) return { ok: false, reason: `lane node "${toId}" cannot be reached from "${fromId}" on the lane network (one-way lanes)` };
  const routeEdges: number[] = [];
  for (let n = to; n !== from; n = graph.indexOf.get(edges[via[n]!]!.from)!) routeEdges.push(via[n]!);
  routeEdges.reverse();
  return { ok: true, nodes: [from, ...routeEdges.map((k) => ends[k]!)], edges: routeEdges, seconds: cost[to]! };
}

/** A binary min-heap of (node, cost) pairs; stale pairs are skipped by the caller. */
class MinHeap {
  private readonly items: number[] = [];
  private readonly keys: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: number, key: number): void {
    const { items, keys } = this;
    let i = items.length;
    items.push(item);
    keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      items[i] = items[parent]!;
      keys[i] = keys[parent]!;
      i = parent;
    }
    items[i] = item;
    keys[i] = key;
  }

  pop(): number {
    const { items, keys } = this;
    const top = items[0]!;
    const lastItem = items.pop()!;
    const lastKey = keys.pop()!;
    const n = items.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= lastKey) break;
      items[i] = items[child]!;
      keys[i] = keys[child]!;
      i = child;
    }
    items[i] = lastItem;
    keys[i] = lastKey;
    return top;
  }
}
