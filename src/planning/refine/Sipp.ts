import type { PlanGraph } from '../PlanGraph';
import type { Reservations } from './Reservations';

/**
 * In one safe interval, arrival (ta, ga) is at least as good as (tb, gb) when it is no later and waiting from ta to
 * tb costs no more than the difference (waits are free on the agent's goal).
 */
function dominates(ta: number, ga: number, tb: number, gb: number, freeWait: boolean): boolean {
  return ta <= tb && ga + (freeWait ? 0 : tb - ta) <= gb;
}

/** Interval end of a safe interval that never ends. */
const OPEN = 0x3fffffff;

/**
 * Safe-interval path planning (Phillips & Likhachev, "SIPP: Safe Interval Path Planning for Dynamic Environments",
 * ICRA 2011), the low level Li et al. use in their anytime LNS (IJCAI 2021). Where space-time A* has one state per
 * vertex and step, SIPP has one per vertex and safe interval (a maximal run of steps nobody holds the vertex), and a
 * wait is part of a move: from (v, arrival t) it tries each neighbour w at the earliest step of each of w's safe
 * intervals it can reach before v's interval ends. In the long queues of a crowded warehouse, where an agent waits
 * tens of steps, that cuts the states by the length of the waits.
 *
 * Cost is LaCAM3's sum of loss (a step on the goal is free). Since a wait off the goal costs, an earlier arrival in
 * an interval is not always better: an arrival is dropped only when another in the same interval is no later and
 * no dearer counting the wait between them. From its goal the agent steps aside as late as it can.
 * The safe intervals are read from the reservation table's columns as needed (no interval lists to keep in step
 * with every replan). Same contract as SpaceTimeAstar.
 *
 * @example
 *   const sipp = new Sipp(graph, reservations);
 *   const path = sipp.search(start, goal, distanceToGoal, Infinity); // Int32Array of vertices, or undefined
 */
export class Sipp {
  expanded = 0;
  deadline = Infinity;
  now: () => number = () => 0;
  private readonly graph: PlanGraph;
  private readonly res: Reservations;
  /** seen[row * V + v] === stamp: the interval of v ending at row (the horizon + 1 for an open one) was reached. */
  private seen = new Int32Array(0);
  private best = new Int32Array(0);
  private stamp = 0;
  private nodeV = new Int32Array(1 << 12);
  private nodeT = new Int32Array(1 << 12);
  private nodeHi = new Int32Array(1 << 12);
  private nodeG = new Int32Array(1 << 12);
  private nodeF = new Int32Array(1 << 12);
  private nodeParent = new Int32Array(1 << 12);
  private heap = new Int32Array(1 << 12);
  private horizon = -1;

  constructor(graph: PlanGraph, reservations: Reservations) {
    this.graph = graph;
    this.res = reservations;
  }

  /** Is w free at step τ (nobody passing or resting on it)? */
  private free(w: number, tau: number): boolean {
    if (this.res.restFrom[w]! <= tau) return false;
    return tau > this.horizon || this.res.occupant[tau * this.res.vertexCount + w] === 0;
  }

  /** Last step of the safe interval of w that holds step τ (w free at τ); OPEN when it never ends. */
  private intervalEnd(w: number, tau: number): number {
    const H = this.horizon;
    const V = this.res.vertexCount;
    const occ = this.res.occupant;
    const rest = this.res.restFrom[w]!;
    let s = tau + 1;
    for (; s <= H; s++) if (occ[s * V + w] !== 0 || rest <= s) return s - 1;
    return rest <= s ? Math.max(tau, s - 1) : OPEN;
  }

  search(start: number, goal: number, h: Int32Array, maxCost: number, maxExpansions = 1 << 22): Int32Array | undefined {
    const V = this.graph.nodeCount;
    const offsets = this.graph.offsets;
    const targets = this.graph.targets;
    const occ = this.res.occupant;
    const H = this.res.horizon();
    this.horizon = H;
    const rows = H + 2;
    if (this.seen.length < rows * V) {
      this.seen = new Int32Array(Math.max(rows * V, this.seen.length * 2));
      this.best = new Int32Array(this.seen.length);
    }
    if (++this.stamp === 0x7fffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const seen = this.seen;
    const best = this.best;
    this.expanded = 0;
    if (!this.free(start, 0) || h[start]! > maxCost) return undefined;
    let nodes = 0;
    let size = 0;
    const hi0 = this.intervalEnd(start, 0);
    const key0 = Math.min(hi0, H + 1) * V + start;
    seen[key0] = stamp;
    best[key0] = 0;
    this.pushNode(nodes++, start, 0, hi0, 0, h[start]!, -1, size++);

    while (size > 0) {
      const n = this.heap[0]!;
      size = this.popTop(size);
      const v = this.nodeV[n]!;
      const t = this.nodeT[n]!;
      const hi = this.nodeHi[n]!;
      const gn = this.nodeG[n]!;
      const holder = best[Math.min(hi, H + 1) * V + v]!;
      if (holder !== n && dominates(this.nodeT[holder]!, this.nodeG[holder]!, t, gn, v === goal)) continue; // superseded
      if (v === goal && hi === OPEN) return this.pathTo(n);
      if (++this.expanded > maxExpansions) return undefined;
      if ((this.expanded & 1023) === 0 && this.now() > this.deadline) return undefined;
      const last = hi === OPEN ? OPEN : hi + 1;
      for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
        const w = targets[k]!;
        const hw = h[w]!;
        // Arrive at w at τ: the earliest step of each safe interval of w reachable while v is still free.
        for (let tau = t + 1; tau <= last;) {
          if (!this.free(w, tau)) {
            if (tau > H) break; // nothing changes after the horizon
            tau++;
            continue;
          }
          // The agent on w at τ − 1 that stands on v at τ would trade places with us.
          if (tau <= H) {
            const a = occ[(tau - 1) * V + w]!;
            if (a !== 0 && occ[tau * V + v] === a) {
              tau++;
              continue;
            }
          }
          const hiW = this.intervalEnd(w, tau);
          let arrive = tau;
          if (v === goal) {
            // Waiting on the goal is free and waiting anywhere else is not: leave it as late as this interval of w
            // allows (the latest arrival without a swap).
            arrive = Math.min(hiW, last);
            while (arrive > tau && arrive <= H && occ[(arrive - 1) * V + w] !== 0 && occ[(arrive - 1) * V + w] === occ[arrive * V + v]) arrive--;
          }
          const g = gn + 1 + (v === goal ? 0 : tau - 1 - t);
          const f = g + hw;
          if (f <= maxCost) {
            const key = Math.min(hiW, H + 1) * V + w;
            const old = seen[key] === stamp ? best[key]! : -1;
            const free = w === goal;
            if (old < 0 || !dominates(this.nodeT[old]!, this.nodeG[old]!, arrive, g, free)) {
              if (old < 0 || dominates(arrive, g, this.nodeT[old]!, this.nodeG[old]!, free)) {
                seen[key] = stamp;
                best[key] = nodes;
              }
              if (nodes === this.nodeV.length) this.growNodes();
              this.pushNode(nodes++, w, arrive, hiW, g, f, n, size++);
            }
          } else if (v !== goal) {
            break; // later arrivals from v cost more still
          }
          if (hiW === OPEN) break;
          tau = hiW + 2;
        }
      }
    }
    return undefined;
  }

  private pathTo(n: number): Int32Array {
    const path = new Int32Array(this.nodeT[n]! + 1);
    for (let c = n; c >= 0;) {
      const p = this.nodeParent[c]!;
      path[this.nodeT[c]!] = this.nodeV[c]!;
      if (p >= 0) for (let s = this.nodeT[p]!; s < this.nodeT[c]!; s++) path[s] = this.nodeV[p]!;
      c = p;
    }
    return path;
  }

  private growNodes(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.nodeV = grow(this.nodeV);
    this.nodeT = grow(this.nodeT);
    this.nodeHi = grow(this.nodeHi);
    this.nodeG = grow(this.nodeG);
    this.nodeF = grow(this.nodeF);
    this.nodeParent = grow(this.nodeParent);
    this.heap = grow(this.heap);
  }

  /** Lower f first; on equal f the later arrival, which is nearer its goal. */
  private before(a: number, b: number): boolean {
    const fa = this.nodeF[a]!;
    const fb = this.nodeF[b]!;
    return fa < fb || (fa === fb && this.nodeT[a]! > this.nodeT[b]!);
  }

  private pushNode(n: number, v: number, t: number, hi: number, g: number, f: number, parent: number, at: number): void {
    this.nodeV[n] = v;
    this.nodeT[n] = t;
    this.nodeHi[n] = hi;
    this.nodeG[n] = g;
    this.nodeF[n] = f;
    this.nodeParent[n] = parent;
    const heap = this.heap;
    let i = at;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(n, heap[p]!)) break;
      heap[i] = heap[p]!;
      i = p;
    }
    heap[i] = n;
  }

  private popTop(size: number): number {
    const heap = this.heap;
    const last = heap[--size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && this.before(heap[c + 1]!, heap[c]!)) c++;
      if (!this.before(heap[c]!, last)) break;
      heap[i] = heap[c]!;
      i = c;
    }
    if (size > 0) heap[i] = last;
    return size;
  }
}
