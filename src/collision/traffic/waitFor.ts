/**
 * Predicted deadlocks: cycles in the wait-for graph. AGV A waits for B when A stands with a route ahead (slower
 * than the standing speed now, or its prediction shows it coming to rest before its route's end and staying so
 * to the horizon) and B, standing too, holds the space A needs: B's footprint, grown by the near-miss clearance,
 * overlaps A's way ahead: the strip as wide as A along its route, from A's front for one AGV length plus the
 * clearance. Each strongly connected set of two or more AGVs
 * (Tarjan's algorithm, iterative, over arrays allocated once) is one deadlock: every AGV in it waits, through
 * the others, for itself. The pairs are tested all against all among the AGVs at rest (a cheap distance test
 * first): a round has few of them.
 *
 * @example
 *   const scratch = waitForScratch(200);
 *   const deadlocks: PredictedDeadlock[] = [];
 *   findDeadlocks(input, routes, setup, scratch, deadlocks);
 */
import { META_COUNT, META_SAMPLE_S, META_SAMPLES, UNKNOWN_NODE, type PredictedRoutes, type TrafficInput } from '../../domain/trafficFrame';
import type { PredictedDeadlock } from '../../domain/trafficFindings';
import { nodesReached, stripMeetsBox } from './routeGeometry';
import type { TrafficSetup } from './trafficParams';

export interface WaitForScratch {
  readonly capacity: number;
  /** AGVs at rest this round, and per AGV: the sample it rests from (-1: moving), where, and when. */
  readonly resting: Int32Array;
  readonly restK: Int32Array;
  readonly restX: Float64Array;
  readonly restY: Float64Array;
  readonly restHeading: Float64Array;
  /** Wait-for edges, CSR by position in `resting`: waits of resting[p] are edges[first[p] … first[p + 1]). */
  readonly first: Int32Array;
  edges: Int32Array;
  /** Tarjan's state per AGV and its two stacks. */
  readonly order: Int32Array;
  readonly low: Int32Array;
  readonly onStack: Uint8Array;
  readonly stack: Int32Array;
  readonly callV: Int32Array;
  readonly callE: Int32Array;
}

export function waitForScratch(capacity: number): WaitForScratch {
  return {
    capacity,
    resting: new Int32Array(capacity),
    restK: new Int32Array(capacity),
    restX: new Float64Array(capacity),
    restY: new Float64Array(capacity),
    restHeading: new Float64Array(capacity),
    first: new Int32Array(capacity + 1),
    edges: new Int32Array(capacity * 4),
    order: new Int32Array(capacity),
    low: new Int32Array(capacity),
    onStack: new Uint8Array(capacity),
    stack: new Int32Array(capacity),
    callV: new Int32Array(capacity),
    callE: new Int32Array(capacity),
  };
}

/** Appends this round's deadlocks to `out`. */
export function findDeadlocks(input: TrafficInput, routes: PredictedRoutes, setup: TrafficSetup, s: WaitForScratch, out: PredictedDeadlock[]): void {
  const n = routes.meta[META_COUNT]!;
  if (n > s.capacity) throw new RangeError(`${n} AGVs exceed the wait-for graph's capacity of ${s.capacity}`);
  const m = findResting(input, routes, setup, s, n);
  buildEdges(input, routes, setup, s, m);
  cycles(routes, s, m, out);
}

/** Marks the AGVs at rest (placed, with a route ahead), their resting sample and pose; returns how many. */
function findResting(input: TrafficInput, routes: PredictedRoutes, setup: TrafficSetup, s: WaitForScratch, n: number): number {
  const used = routes.meta[META_SAMPLES]!;
  const sampleS = routes.meta[META_SAMPLE_S]!;
  const eps = setup.params.standingSpeedMps * sampleS;
  const { px, py, heading, samples } = routes;
  let m = 0;
  for (let i = 0; i < n; i++) {
    s.restK[i] = -1;
    const o = i * samples;
    if (input.routeLen[i]! === 0 || Number.isNaN(px[o]!) || used < 1) continue;
    let k = 0;
    if (!(input.speed[i]! < setup.params.standingSpeedMps)) {
      // The sample it comes to rest at for good: after its last move within the horizon.
      k = used - 1;
      while (k > 0 && Math.hypot(px[o + k]! - px[o + k - 1]!, py[o + k]! - py[o + k - 1]!) <= eps) k--;
      if (k >= used - 1 || nodesReached(input, routes, i, k * sampleS) >= input.routeLen[i]!) continue;
    }
    s.restK[i] = k;
    s.restX[i] = px[o + k]!;
    s.restY[i] = py[o + k]!;
    s.restHeading[i] = heading[o + k]!;
    s.resting[m++] = i;
  }
  return m;
}

function buildEdges(input: TrafficInput, routes: PredictedRoutes, setup: TrafficSetup, s: WaitForScratch, m: number): void {
  const { lengthM, widthM } = setup.agv;
  const c = setup.params.clearanceM;
  const hl = lengthM / 2;
  // Farthest a waited-for centre can lie from A's centre: A's half length, the way ahead, A's half width and B's grown half diagonal.
  const reach = hl + lengthM + c + widthM / 2 + Math.hypot(hl + c, widthM / 2 + c);
  let e = 0;
  for (let p = 0; p < m; p++) {
    s.first[p] = e;
    const a = s.resting[p]!;
    for (let q = 0; q < m; q++) {
      const b = s.resting[q]!;
      if (b === a || Math.hypot(s.restX[b]! - s.restX[a]!, s.restY[b]! - s.restY[a]!) > reach) continue;
      if (!needs(input, routes, setup, s, a, b)) continue;
      if (e === s.edges.length) {
        const grown = new Int32Array(e * 2);
        grown.set(s.edges);
        s.edges = grown;
      }
      s.edges[e++] = q;
    }
  }
  s.first[m] = e;
}

/** Does B's grown footprint cover A's way ahead (from A's front, one AGV length plus the clearance)? */
function needs(input: TrafficInput, routes: PredictedRoutes, setup: TrafficSetup, s: WaitForScratch, a: number, b: number): boolean {
  const { lengthM, widthM } = setup.agv;
  const c = setup.params.clearanceM;
  const from = lengthM / 2;
  const to = from + lengthM + c;
  const bh = s.restHeading[b]!;
  const bc = Math.cos(bh);
  const bs = Math.sin(bh);
  const gl = lengthM / 2 + c;
  const gw = widthM / 2 + c;
  const len = input.routeLen[a]!;
  const o = a * input.routeCap;
  let x0 = s.restX[a]!;
  let y0 = s.restY[a]!;
  let along = 0;
  for (let k = nodesReached(input, routes, a, s.restK[a]! * routes.meta[META_SAMPLE_S]!); k < len && along < to; k++) {
    const node = input.route[o + k]!;
    if (node === UNKNOWN_NODE || node >= setup.nodeX.length) return false;
    const x1 = setup.nodeX[node]!;
    const y1 = setup.nodeY[node]!;
    const d = Math.hypot(x1 - x0, y1 - y0);
    if (d > 0 && along + d > from) {
      const f0 = along >= from ? 0 : (from - along) / d;
      const f1 = along + d <= to ? 1 : (to - along) / d;
      const x = x1 - x0;
      const y = y1 - y0;
      if (stripMeetsBox(x0 + x * f0, y0 + y * f0, x0 + x * f1, y0 + y * f1, widthM / 2, s.restX[b]!, s.restY[b]!, bc, bs, gl, gw)) return true;
    }
    along += d;
    x0 = x1;
    y0 = y1;
  }
  return false;
}

/** Tarjan's strongly connected components over positions 0 … m − 1 in `resting`; sets of two or more are deadlocks. */
function cycles(routes: PredictedRoutes, s: WaitForScratch, m: number, out: PredictedDeadlock[]): void {
  const { order, low, onStack, stack, callV, callE, first, edges } = s;
  order.fill(-1, 0, m);
  onStack.fill(0, 0, m);
  let next = 0;
  let top = 0;
  for (let root = 0; root < m; root++) {
    if (order[root]! >= 0) continue;
    let depth = 0;
    callV[0] = root;
    callE[0] = first[root]!;
    order[root] = low[root] = next++;
    stack[top++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callV[depth]!;
      const e = callE[depth]!;
      if (e < first[v + 1]!) {
        callE[depth] = e + 1;
        const w = edges[e]!;
        if (order[w]! < 0) {
          order[w] = low[w] = next++;
          stack[top++] = w;
          onStack[w] = 1;
          depth++;
          callV[depth] = w;
          callE[depth] = first[w]!;
        } else if (onStack[w] && order[w]! < low[v]!) {
          low[v] = order[w]!;
        }
        continue;
      }
      if (low[v] === order[v]) {
        let size = 0;
        while (stack[top - 1 - size] !== v) size++;
        size++;
        if (size >= 2) out.push(deadlock(routes, s, top - size, top));
        for (let k = top - size; k < top; k++) onStack[stack[k]!] = 0;
        top -= size;
      }
      depth--;
      if (depth >= 0) {
        const u = callV[depth]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
    }
  }
}

function deadlock(routes: PredictedRoutes, s: WaitForScratch, from: number, to: number): PredictedDeadlock {
  const agvs: number[] = [];
  let x = 0;
  let y = 0;
  let inS = 0;
  for (let k = from; k < to; k++) {
    const i = s.resting[s.stack[k]!]!;
    agvs.push(i);
    x += s.restX[i]!;
    y += s.restY[i]!;
    inS = Math.max(inS, s.restK[i]! * routes.meta[META_SAMPLE_S]!);
  }
  agvs.sort((p, q) => p - q);
  return { agvs, inS, x: x / agvs.length, y: y / agvs.length };
}
