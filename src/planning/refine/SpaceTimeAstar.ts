import type { PlanGraph } from '../PlanGraph';
import type { Reservations } from './Reservations';

/**
 * Space-time A* for one agent through the reservations of the others (the low level of prioritised planning in
 * Li et al., "Anytime Multi-Agent Path Finding via Large Neighborhood Search", IJCAI 2021). A state is (vertex,
 * step); g is LaCAM3's loss so far (each step costs one except staying on the goal, so an agent may reach its goal
 * early and step aside for someone passing, as LaCAM's own paths do); h is the hop distance to the goal. Forbidden: a vertex someone holds at that step (moving or resting
 * on its goal), and trading vertices with someone in one step. The agent may only finish at its goal after the last
 * step anyone else passes through it, since it then stays there forever.
 *
 * After the reservations' horizon nothing moves any more, so states later than it are merged per vertex (the
 * earliest arrival wins): the search space is finite, and a search with no way through ends instead of waiting
 * forever. `maxCost` prunes states whose f exceeds it, which is how the LNS gives up early on a neighbourhood that
 * cannot beat its old cost. All buffers are typed arrays kept between calls, reset by stamping, so a search
 * allocates nothing but the path it returns.
 *
 * @example
 *   const astar = new SpaceTimeAstar(graph, reservations);
 *   const path = astar.search(start, goal, distanceToGoal, Infinity); // Int32Array of vertices, or undefined
 */
export class SpaceTimeAstar {
  /** States expanded by the last search. */
  expanded = 0;
  private readonly graph: PlanGraph;
  private readonly res: Reservations;
  /** seen[t * V + v] === stamp: (v, t) generated in this search, best[t * V + v] its cheapest node so far. */
  private seen = new Int32Array(0);
  private best = new Int32Array(0);
  /** Past the horizon, per vertex: staticStamp[v] === stamp means staticBest[v] is v's cheapest node so far. */
  private readonly staticStamp: Int32Array;
  private readonly staticBest: Int32Array;
  private stamp = 0;
  /** Searches give up at this reading of `now` (checked every 4,096 expansions), so the LNS keeps its budget. */
  deadline = Infinity;
  now: () => number = () => 0;
  private nodeV = new Int32Array(1 << 14);
  private nodeT = new Int32Array(1 << 14);
  private nodeF = new Int32Array(1 << 14);
  private nodeG = new Int32Array(1 << 14);
  private nodeParent = new Int32Array(1 << 14);
  private heap = new Int32Array(1 << 14);

  constructor(graph: PlanGraph, reservations: Reservations) {
    this.graph = graph;
    this.res = reservations;
    this.staticStamp = new Int32Array(graph.nodeCount);
    this.staticBest = new Int32Array(graph.nodeCount);
  }

  /**
   * Cheapest path from `start` to `goal` in LaCAM3's sum of loss (every step counts except staying on the goal) that
   * conflicts with no reservation and costs at most `maxCost`, or undefined. It ends at the agent's last arrival.
   * `h[v]` must be the hop distance from v to `goal`.
   */
  search(start: number, goal: number, h: Int32Array, maxCost: number, maxExpansions = 1 << 22): Int32Array | undefined {
    const res = this.res;
    const V = this.graph.nodeCount;
    const offsets = this.graph.offsets;
    const targets = this.graph.targets;
    const horizon = res.horizon();
    const earliestEnd = res.lastVisit(goal) + 1;
    const rows = horizon + 2;
    if (this.seen.length < rows * V) {
      this.seen = new Int32Array(Math.max(rows * V, this.seen.length * 2));
      this.best = new Int32Array(this.seen.length);
    }
    if (++this.stamp === 0x7fffffff) {
      this.seen.fill(0);
      this.staticStamp.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const seen = this.seen;
    const best = this.best;
    const occ = res.occupant;
    const cap = res.capacity;
    const restFrom = res.restFrom;
    const staticStamp = this.staticStamp;
    const staticBest = this.staticBest;
    if (restFrom[start]! <= 0) return undefined;

    let nodes = 0;
    let size = 0;
    this.expanded = 0;
    const f0 = h[start]!;
    if (f0 > maxCost) return undefined;
    this.pushNode(nodes++, start, 0, 0, f0, -1, size++);
    if (horizon < 0) {
      staticStamp[start] = stamp;
      staticBest[start] = 0;
    } else {
      seen[start] = stamp;
      best[start] = 0;
    }

    while (size > 0) {
      const n = this.heap[0]!;
      size = this.popTop(size);
      const v = this.nodeV[n]!;
      const t = this.nodeT[n]!;
      const gn = this.nodeG[n]!;
      if (t > horizon ? staticBest[v] !== n : best[t * V + v] !== n) continue; // superseded by a cheaper copy
      if (v === goal && t >= earliestEnd) return this.pathTo(n);
      if (++this.expanded > maxExpansions) return undefined;
      if ((this.expanded & 4095) === 0 && this.now() > this.deadline) return undefined;
      const nt = t + 1;
      const inTable = nt <= horizon;
      // Past the horizon only resting agents remain (restFrom), and they never trade places. Inside it, the agent on
      // w at t that stands on v at t + 1 would trade places with us.
      const rowNt = nt * V;
      for (let k = offsets[v]!, end = offsets[v + 1]! + 1; k < end; k++) {
        const w = k === end - 1 ? v : targets[k]!;
        if (restFrom[w]! <= nt) continue;
        if (inTable) {
          if (occ[w * cap + nt] !== 0) continue;
          if (w !== v && t <= horizon) {
            const a = occ[w * cap + t]!;
            if (a !== 0 && occ[v * cap + nt] === a) continue;
          }
        }
        // Sum of loss: staying on the goal is free, every other step costs one.
        const g = w === goal && v === goal ? gn : gn + 1;
        const f = g + h[w]!;
        if (f > maxCost) continue;
        if (inTable) {
          const key = rowNt + w;
          if (seen[key] === stamp && this.nodeG[best[key]!]! <= g) continue;
          seen[key] = stamp;
          best[key] = nodes;
        } else {
          if (staticStamp[w] === stamp && this.nodeG[staticBest[w]!]! <= g) continue;
          staticStamp[w] = stamp;
          staticBest[w] = nodes;
        }
        if (nodes === this.nodeV.length) this.growNodes();
        this.pushNode(nodes++, w, nt, g, f, n, size++);
      }
    }
    return undefined;
  }

  private pathTo(n: number): Int32Array {
    const path = new Int32Array(this.nodeT[n]! + 1);
    for (let c = n; c >= 0; c = this.nodeParent[c]!) path[this.nodeT[c]!] = this.nodeV[c]!;
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
    this.nodeF = grow(this.nodeF);
    this.nodeG = grow(this.nodeG);
    this.nodeParent = grow(this.nodeParent);
    this.heap = grow(this.heap);
  }

  /** Lower f first; on equal f the deeper state, which is nearer its goal. */
  private before(a: number, b: number): boolean {
    const fa = this.nodeF[a]!;
    const fb = this.nodeF[b]!;
    return fa < fb || (fa === fb && this.nodeT[a]! > this.nodeT[b]!);
  }

  private pushNode(n: number, v: number, t: number, g: number, f: number, parent: number, at: number): void {
    this.nodeV[n] = v;
    this.nodeG[n] = g;
    this.nodeT[n] = t;
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

  /** Removes the top of a heap of `size`; returns the new size. */
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
