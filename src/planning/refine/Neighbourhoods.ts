import type { PlanGraph } from '../PlanGraph';
import type { Reservations } from './Reservations';

/** The three neighbourhoods of Li et al. (IJCAI 2021), in the order the LNS keeps their weights. */
export const NEIGHBOURHOOD_KINDS = ['random-walk', 'intersection', 'random'] as const;
export type NeighbourhoodKind = (typeof NEIGHBOURHOOD_KINDS)[number];

/** What the pickers read of the current solution: paths, their costs, each agent's distance table. */
export interface SolutionView {
  readonly paths: Int32Array[];
  readonly costs: Int32Array;
  /** h[i][v]: hops from v to agent i's goal. */
  readonly h: readonly Int32Array[];
}

/**
 * Chooses the agents whose paths one LNS iteration removes and replans (Li et al., "Anytime Multi-Agent Path
 * Finding via Large Neighborhood Search", IJCAI 2021, section 4):
 * - `random-walk` (agent-based): the agent with the largest delay (cost − shortest distance) not yet tried, then a
 *   random walk in space-time from a point of its path towards where a shorter path could go, collecting the
 *   agents that stand in the walk's way; those are the agents that keep it from its shortest path;
 * - `intersection` (map-based): agents that pass through intersections (vertices of degree ≥ 3) near a random one,
 *   since agents that meet there can often trade the order they cross in;
 * - `random`: agents drawn uniformly, which suits solutions where delays are spread everywhere.
 * Each writes up to `size` distinct agents into `out` and returns how many.
 *
 * @example
 *   const picker = new Neighbourhoods(graph, reservations, solution, random);
 *   const k = picker.pick('random-walk', 8, out);
 */
export class Neighbourhoods {
  private readonly graph: PlanGraph;
  private readonly res: Reservations;
  private readonly sol: SolutionView;
  private readonly random: () => number;
  private readonly n: number;
  private readonly inSet: Uint8Array;
  /** Agents tried by `random-walk` since its last reset (the paper's tabu list). */
  private readonly tabu: Uint8Array;
  private readonly intersections: Int32Array;
  private readonly visitStamp: Int32Array;
  private readonly queue: Int32Array;
  private stamp = 0;
  private candidates: Int32Array;

  constructor(graph: PlanGraph, reservations: Reservations, solution: SolutionView, random: () => number) {
    this.graph = graph;
    this.res = reservations;
    this.sol = solution;
    this.random = random;
    this.n = solution.paths.length;
    this.inSet = new Uint8Array(this.n);
    this.tabu = new Uint8Array(this.n);
    const crossings: number[] = [];
    for (let v = 0; v < graph.nodeCount; v++) if (graph.offsets[v + 1]! - graph.offsets[v]! >= 3) crossings.push(v);
    this.intersections = Int32Array.from(crossings);
    this.visitStamp = new Int32Array(graph.nodeCount);
    this.queue = new Int32Array(graph.nodeCount);
    this.candidates = new Int32Array(Math.max(16, this.n));
  }

  pick(kind: NeighbourhoodKind, size: number, out: Int32Array): number {
    const k = kind === 'random-walk' ? this.randomWalk(size, out) : kind === 'intersection' ? this.intersection(size, out) : this.uniform(size, out);
    for (let j = 0; j < k; j++) this.inSet[out[j]!] = 0;
    return k;
  }

  private randomInt(m: number): number {
    return Math.floor(this.random() * m);
  }

  private addAgent(a: number, out: Int32Array, k: number): number {
    if (a < 0 || this.inSet[a]) return k;
    this.inSet[a] = 1;
    out[k] = a;
    return k + 1;
  }

  private mostDelayed(): number {
    const { costs, h, paths } = this.sol;
    for (let round = 0; round < 2; round++) {
      let best = -1;
      let bestDelay = 0;
      for (let i = 0; i < this.n; i++) {
        if (this.tabu[i]) continue;
        const delay = costs[i]! - h[i]![paths[i]![0]!]!;
        if (delay > bestDelay) {
          bestDelay = delay;
          best = i;
        }
      }
      if (best >= 0) {
        this.tabu[best] = 1;
        return best;
      }
      this.tabu.fill(0); // every delayed agent tried: start over
    }
    return -1;
  }

  private randomWalk(size: number, out: Int32Array): number {
    const a = this.mostDelayed();
    if (a < 0) return this.uniform(size, out);
    let k = this.addAgent(a, out, 0);
    const { offsets, targets } = this.graph;
    // Walk from each chosen agent's path in turn (the delayed one first) until the set is full.
    for (let tries = 0; k < size && tries < 4 * size; tries++) {
      const b = tries === 0 ? a : out[this.randomInt(k)]!;
      const path = this.sol.paths[b]!;
      const hb = this.sol.h[b]!;
      const cost = this.sol.costs[b]!;
      let t = this.randomInt(Math.max(1, path.length - 1));
      let v = path[t]!;
      for (let step = 0; step < cost && k < size; step++) {
        // A random move after which b could still arrive before its current cost.
        const degree = offsets[v + 1]! - offsets[v]!;
        let next = -1;
        const first = this.randomInt(degree + 1);
        for (let j = 0; j <= degree && next < 0; j++) {
          const c = (first + j) % (degree + 1);
          const w = c === degree ? v : targets[offsets[v]! + c]!;
          if (t + 1 + hb[w]! < cost) next = w;
        }
        if (next < 0) break;
        t++;
        v = next;
        k = this.addAgent(this.res.agentAt(v, t), out, k);
      }
    }
    return k;
  }

  private intersection(size: number, out: Int32Array): number {
    if (this.intersections.length === 0) return this.uniform(size, out);
    const { offsets, targets } = this.graph;
    const stamp = ++this.stamp;
    const queue = this.queue;
    const root = this.intersections[this.randomInt(this.intersections.length)]!;
    queue[0] = root;
    this.visitStamp[root] = stamp;
    let tail = 1;
    let found = 0;
    for (let head = 0; head < tail && found < size; head++) {
      const v = queue[head]!;
      if (offsets[v + 1]! - offsets[v]! >= 3) found = this.collectVisitors(v, found);
      for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
        const w = targets[k]!;
        if (this.visitStamp[w] !== stamp) {
          this.visitStamp[w] = stamp;
          queue[tail++] = w;
        }
      }
    }
    // More visitors than room: keep a uniform sample of them.
    for (let j = 0; j < found; j++) this.inSet[this.candidates[j]!] = 0;
    let k = 0;
    for (let j = 0; j < found && k < size; j++) {
      const r = j + this.randomInt(found - j);
      const c = this.candidates[r]!;
      this.candidates[r] = this.candidates[j]!;
      this.candidates[j] = c;
      k = this.addAgent(c, out, k);
    }
    return k;
  }

  /** Appends the agents whose paths pass v (marked in inSet while collecting); returns the new count. */
  private collectVisitors(v: number, found: number): number {
    const occ = this.res.occupant;
    const base = v * this.res.capacity;
    const end = this.res.horizon();
    for (let t = 0; t <= end; t++) {
      const a = occ[base + t]! - 1;
      if (a >= 0 && !this.inSet[a]) {
        this.inSet[a] = 1;
        if (found === this.candidates.length) {
          const c = new Int32Array(found * 2);
          c.set(this.candidates);
          this.candidates = c;
        }
        this.candidates[found++] = a;
      }
    }
    return found;
  }

  private uniform(size: number, out: Int32Array): number {
    let k = 0;
    const want = Math.min(size, this.n);
    while (k < want) k = this.addAgent(this.randomInt(this.n), out, k);
    return k;
  }
}
