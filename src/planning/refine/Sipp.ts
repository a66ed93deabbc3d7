import type { PlanGraph } from '../PlanGraph';
import type { Reservations } from './Reservations';

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
 * Cost is LaCAM3's sum of loss (a step on the goal is free). Each interval keeps one arrival: the cheapest counted
 * at a common later step, then the earliest; from its goal the agent steps aside both at the earliest and at the
 * latest step it can. With free waits on the goal that is not exact (an arrival kept for its cost may be too late
 * for a way out an earlier one had), so on paths that leave and re-enter their goal the result can be above the
 * optimum or missing; the tests hold it against space-time A*. It is always valid.
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
  /** Heap order in one number: f × 2^20 − t (lower f first, then the later arrival, nearer its goal). */
  private nodeKey = new Float64Array(1 << 12);
  private nodeParent = new Int32Array(1 << 12);
  private heap = new Int32Array(1 << 12);
  private horizon = -1;
  private nodeCount = 0;
  private goal = -1;

  constructor(graph: PlanGraph, reservations: Reservations) {
    this.graph = graph;
    this.res = reservations;
  }

  /** Is w free at step τ (nobody passing or resting on it)? */
  private free(w: number, tau: number): boolean {
    if (this.res.restFrom[w]! <= tau) return false;
    return tau > this.horizon || this.res.occupant[w * this.res.capacity + tau] === 0;
  }

  /** Last step of the safe interval of w that holds step τ (w free at τ); OPEN when it never ends. */
  private intervalEnd(w: number, tau: number): number {
    const occ = this.res.occupant;
    const base = w * this.res.capacity;
    // After w's last occupied step nothing reaches it (a rest starts with a path's last step, so it is counted).
    const end = Math.min(this.horizon, this.res.lastOccupied[w]!);
    for (let s = tau + 1; s <= end; s++) if (occ[base + s] !== 0) return s - 1;
    return OPEN;
  }

  search(start: number, goal: number, h: Int32Array, maxCost: number, maxExpansions = 1 << 22): Int32Array | undefined {
    const V = this.graph.nodeCount;
    const offsets = this.graph.offsets;
    const targets = this.graph.targets;
    const occ = this.res.occupant;
    const cap = this.res.capacity;
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
    this.nodeCount = 0;
    this.goal = goal;
    let size = 0;
    const hi0 = this.intervalEnd(start, 0);
    const key0 = Math.min(hi0, H + 1) * V + start;
    seen[key0] = stamp;
    best[key0] = 0;
    this.pushNode(this.nodeCount++, start, 0, hi0, 0, h[start]!, -1, size++);

    while (size > 0) {
      const n = this.heap[0]!;
      size = this.popTop(size);
      const v = this.nodeV[n]!;
      const t = this.nodeT[n]!;
      const hi = this.nodeHi[n]!;
      const gn = this.nodeG[n]!;
      if (best[Math.min(hi, H + 1) * V + v] !== n) continue; // superseded
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
            const a = occ[w * cap + tau - 1]!;
            if (a !== 0 && occ[v * cap + tau] === a) {
              tau++;
              continue;
            }
          }
          const hiW = this.intervalEnd(w, tau);
          if (v === goal) {
            // Waiting on the goal is free and waiting anywhere else is not: step aside at the earliest (to get out of
            // the way early) and at the latest this interval of w allows without a swap (to wait for free).
            let late = Math.min(hiW, last);
            while (late > tau && late <= H && occ[w * cap + late - 1] !== 0 && occ[w * cap + late - 1] === occ[v * cap + late]) late--;
            size = this.offer(w, tau, hiW, gn + 1, hw, maxCost, n, size, H);
            if (late !== tau) size = this.offer(w, late, hiW, gn + 1, hw, maxCost, n, size, H);
          } else if (gn + 1 + tau - 1 - t + hw > maxCost) {
            break; // later arrivals from v cost more still
          } else {
            size = this.offer(w, tau, hiW, gn + tau - t, hw, maxCost, n, size, H);
          }
          if (hiW === OPEN) break;
          tau = hiW + 2;
        }
      }
    }
    return undefined;
  }

  /**
   * Adds arrival (w at t, cost g) in w's interval ending hi unless that interval holds a better one already. One
   * arrival per interval: the one that costs least counted at a common later step (g − t: lower when more of its
   * waits were on the goal; on the goal itself, g), then the earliest. Returns the heap size.
   */
  private offer(w: number, t: number, hi: number, g: number, hw: number, maxCost: number, parent: number, size: number, H: number): number {
    const f = g + hw;
    if (f > maxCost) return size;
    const key = Math.min(hi, H + 1) * this.graph.nodeCount + w;
    if (this.seen[key] === this.stamp) {
      const old = this.best[key]!;
      // On the goal a wait is free, so compare costs as they are.
      const d = w === this.goal ? g - this.nodeG[old]! : g - t - (this.nodeG[old]! - this.nodeT[old]!);
      if (d > 0 || (d === 0 && t >= this.nodeT[old]!)) return size;
    }
    this.seen[key] = this.stamp;
    const n = this.nodeCount++;
    this.best[key] = n;
    if (n === this.nodeV.length) this.growNodes();
    this.pushNode(n, w, t, hi, g, f, parent, size);
    return size + 1;
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
    const key = new Float64Array(this.nodeKey.length * 2);
    key.set(this.nodeKey);
    this.nodeKey = key;
    this.nodeParent = grow(this.nodeParent);
    this.heap = grow(this.heap);
  }

  private pushNode(n: number, v: number, t: number, hi: number, g: number, f: number, parent: number, at: number): void {
    this.nodeV[n] = v;
    this.nodeT[n] = t;
    this.nodeHi[n] = hi;
    this.nodeG[n] = g;
    const key = f * 1048576 - t;
    this.nodeKey[n] = key;
    this.nodeParent[n] = parent;
    const heap = this.heap;
    const keys = this.nodeKey;
    let i = at;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[heap[p]!]! <= key) break;
      heap[i] = heap[p]!;
      i = p;
    }
    heap[i] = n;
  }

  private popTop(size: number): number {
    const heap = this.heap;
    const keys = this.nodeKey;
    const last = heap[--size]!;
    const lastKey = keys[last]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && keys[heap[c + 1]!]! < keys[heap[c]!]!) c++;
      if (keys[heap[c]!]! >= lastKey) break;
      heap[i] = heap[c]!;
      i = c;
    }
    if (size > 0) heap[i] = last;
    return size;
  }
}
