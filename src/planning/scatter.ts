import { seededRandom } from '../domain/random';
import type { PlanGraph } from './PlanGraph';

/**
 * A round that removes less than this share of the collisions is the last. LaCAM3 goes on while the count falls at
 * all; on warehouse-10-20-10-2-1 with 1,000 agents the rounds after the sixth remove 1–3 % each and cost as much
 * as the first, and stopping at 3 % left the first solutions within 0.96–1.02 × LaCAM3's on the shared instances.
 */
const MIN_GAIN = 0.03;

/** Edge-step counters kept at most (2 bytes each: 128 MiB). */
const EDGE_BUDGET = 1 << 26;

export interface ScatterOptions {
  /** Extra steps a path may take over the agent's shortest path to dodge others (LaCAM3's default: 10). */
  readonly margin: number;
  readonly seed: number;
  /** Rounds stop once a round removes under 3 % of the collisions left, or here. */
  readonly maxRounds: number;
  /** Stop early when this returns true (a deadline); the best round so far is kept. */
  readonly expired: () => boolean;
}

/**
 * One suggested next vertex per agent and vertex: `next(i, v)` is where agent i's scatter path goes after v, or
 * -1 when v is not on it. PIBT tries that vertex first, so agents spread over routes that do not meet.
 */
export interface Scatter {
  next(agent: number, vertex: number): number;
  /** Collisions (vertex, swap and parked-at-goal meetings) among the kept paths. */
  readonly collisions: number;
  readonly rounds: number;
}

/**
 * LaCAM3's space-utilisation optimisation ("scatter"; Okumura, "Engineering LaCAM*", AAMAS 2024): before the
 * search, each agent in turn gets a path of at most its shortest length plus `margin` that meets the others' paths
 * as seldom as possible (A* ordered by collisions, then length, with one visit per vertex), in shuffled order,
 * round after round while the collision count falls by 3 % or more. PIBT then prefers each agent's next scatter vertex, so on a
 * warehouse two agents heading the same way take different aisles instead of queueing in one.
 *
 * Meetings are counted in space-time tables of counts per vertex and per edge (two agents crossing one edge in
 * opposite directions at one step is a swap); an agent parked at its goal collides with every later visitor.
 *
 * @example
 *   const s = buildScatter(graph, starts, goals, tables, { margin: 10, seed: 0, maxRounds: 8, expired: () => false });
 *   s.next(0, starts[0]); // agent 0's first step along its scatter path
 */
export function buildScatter(graph: PlanGraph, starts: Int32Array, goals: Int32Array, tables: readonly Int32Array[], options: ScatterOptions): Scatter {
  const n = starts.length;
  const V = graph.nodeCount;
  let longest = 0;
  for (let i = 0; i < n; i++) longest = Math.max(longest, tables[i]![starts[i]!]!);
  const horizon = longest + options.margin + 1;
  const table = new SpaceTime(graph, horizon);
  const search = new BoundedAStar(graph, horizon);
  const pathStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) pathStart[i + 1] = pathStart[i]! + tables[i]![starts[i]!]! + options.margin + 1;
  let paths = new Int32Array(pathStart[n]!);
  let pathLen = new Int32Array(n);
  let kept = new Int32Array(0);
  let keptLen = new Int32Array(0);
  let keptCollisions = Number.MAX_SAFE_INTEGER;
  const random = seededRandom(options.seed ^ 0x3c6ef372);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let rounds = 0;
  let last = Number.MAX_SAFE_INTEGER;
  while (rounds < options.maxRounds && !options.expired()) {
    rounds++;
    for (let k = n - 1; k > 0; k--) {
      const r = Math.floor(random() * (k + 1));
      const t = order[k]!;
      order[k] = order[r]!;
      order[r] = t;
    }
    let complete = true;
    for (let k = 0; k < n; k++) {
      if (options.expired()) {
        complete = false;
        break;
      }
      const i = order[k]!;
      const base = pathStart[i]!;
      if (pathLen[i]! > 0) table.remove(paths, base, pathLen[i]!);
      const bound = tables[i]![starts[i]!]! + options.margin;
      const len = search.run(starts[i]!, goals[i]!, tables[i]!, bound, table, paths, base);
      pathLen[i] = len;
      if (len > 0) table.add(paths, base, len);
    }
    if (!complete && kept.length > 0) break;
    if (table.collisions < keptCollisions) {
      keptCollisions = table.collisions;
      kept = paths.slice();
      keptLen = pathLen.slice();
    }
    if (table.collisions === 0 || (rounds >= 2 && table.collisions > last * (1 - MIN_GAIN)) || !complete) break;
    last = table.collisions;
  }
  paths = kept;
  pathLen = keptLen;
  return new ScatterLookup(V, pathStart, paths, pathLen, keptCollisions === Number.MAX_SAFE_INTEGER ? 0 : keptCollisions, rounds);
}

/**
 * Agents per vertex and step, and per directed edge and step (for swaps), over the scatter horizon, and goal
 * arrivals. The edge counts are kept only while they fit `EDGE_BUDGET` entries (random-32-32-20 and
 * warehouse-10-20-10-2-1 by far; not the 10,000-agent warehouse-20-40), else swaps are not counted at all, so
 * that adding and removing a path always change the total by the same amount.
 */
class SpaceTime {
  private readonly V: number;
  private readonly E: number;
  private readonly horizon: number;
  private readonly offsets: Int32Array;
  private readonly targets: Int32Array;
  private readonly count: Uint16Array;
  private readonly edgeCount: Uint16Array | undefined;
  /** reverse[e]: the edge u → v for e = v → u, or -1. */
  private readonly reverse: Int32Array;
  /** Step at which the agent whose path ends at v arrives (goals are distinct), or -1. */
  private readonly arrival: Int32Array;
  collisions = 0;

  constructor(graph: PlanGraph, horizon: number) {
    const V = graph.nodeCount;
    const { offsets, targets } = graph;
    this.V = V;
    this.E = targets.length;
    this.horizon = horizon;
    this.offsets = offsets;
    this.targets = targets;
    this.count = new Uint16Array(V * horizon);
    this.arrival = new Int32Array(V).fill(-1);
    this.reverse = new Int32Array(this.E).fill(-1);
    for (let v = 0; v < V; v++) {
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const u = targets[e]!;
        for (let f = offsets[u]!; f < offsets[u + 1]!; f++) if (targets[f] === v) this.reverse[e] = f;
      }
    }
    this.edgeCount = this.E * horizon <= EDGE_BUDGET ? new Uint16Array(this.E * horizon) : undefined;
  }

  /** Meetings caused by moving along `edge` (from → to) from step t to t + 1. */
  cost(edge: number, to: number, t: number): number {
    const t1 = t + 1;
    let c = 0;
    if (t1 < this.horizon) {
      c += this.count[t1 * this.V + to]!;
      const back = this.reverse[edge]!;
      if (this.edgeCount !== undefined && back >= 0) c += this.edgeCount[t * this.E + back]!;
    }
    const a = this.arrival[to]!;
    if (a >= 0 && t1 > a) c++;
    return c;
  }

  add(paths: Int32Array, base: number, len: number): void {
    const { V, E, count, edgeCount } = this;
    for (let t = 0; t < len; t++) {
      const v = paths[base + t]!;
      if (t > 0) {
        const e = this.edge(paths[base + t - 1]!, v);
        this.collisions += this.cost(e, v, t - 1);
        if (edgeCount !== undefined) edgeCount[(t - 1) * E + e]!++;
      }
      count[t * V + v]!++;
    }
    const goal = paths[base + len - 1]!;
    this.arrival[goal] = len - 1;
    for (let t = len; t < this.horizon; t++) this.collisions += count[t * V + goal]!;
  }

  remove(paths: Int32Array, base: number, len: number): void {
    const { V, E, count, edgeCount } = this;
    const goal = paths[base + len - 1]!;
    for (let t = len; t < this.horizon; t++) this.collisions -= count[t * V + goal]!;
    this.arrival[goal] = -1;
    for (let t = 0; t < len; t++) {
      const v = paths[base + t]!;
      count[t * V + v]!--;
      if (t > 0) {
        const e = this.edge(paths[base + t - 1]!, v);
        if (edgeCount !== undefined) edgeCount[(t - 1) * E + e]!--;
        this.collisions -= this.cost(e, v, t - 1);
      }
    }
  }

  private edge(from: number, to: number): number {
    let e = this.offsets[from]!;
    while (this.targets[e] !== to) e++;
    return e;
  }
}

/**
 * A* over vertices (not space-time: one visit per vertex, its step the cost to reach it), ordered by collisions,
 * then f, then vertex, among paths no longer than `bound`. Keys pack the three into one float.
 */
class BoundedAStar {
  private readonly graph: PlanGraph;
  private readonly parent: Int32Array;
  private readonly closedIn: Int32Array;
  private readonly heapKey: Float64Array;
  private readonly heapNode: Int32Array;
  private readonly nodeV: Int32Array;
  private readonly nodeG: Int32Array;
  private readonly nodeC: Int32Array;
  private readonly nodeFrom: Int32Array;
  private readonly fScale: number;
  private searchId = 0;

  constructor(graph: PlanGraph, horizon: number) {
    this.graph = graph;
    const V = graph.nodeCount;
    this.parent = new Int32Array(V);
    this.closedIn = new Int32Array(V);
    // Each vertex is expanded once and pushes at most its out-edges: E + 1 entries in all.
    const cap = graph.targets.length + 1;
    this.heapKey = new Float64Array(cap);
    this.heapNode = new Int32Array(cap);
    this.nodeV = new Int32Array(cap);
    this.nodeG = new Int32Array(cap);
    this.nodeC = new Int32Array(cap);
    this.nodeFrom = new Int32Array(cap);
    this.fScale = (horizon + 1) * V;
  }

  /** Writes the path start…goal at out[base…] and returns its vertex count, or 0 if none within the bound. */
  run(start: number, goal: number, d: Int32Array, bound: number, table: SpaceTime, out: Int32Array, base: number): number {
    const { offsets, targets, nodeCount: V } = this.graph;
    const { parent, closedIn, heapKey, heapNode, nodeV, nodeG, nodeC, nodeFrom, fScale } = this;
    const id = ++this.searchId;
    let size = 0;
    let nodes = 0;
    const push = (v: number, g: number, c: number, from: number) => {
      const k = nodes++;
      nodeV[k] = v;
      nodeG[k] = g;
      nodeC[k] = c;
      nodeFrom[k] = from;
      const key = c * fScale + (g + d[v]!) * V + v;
      let p = size++;
      while (p > 0) {
        const q = (p - 1) >> 1;
        if (heapKey[q]! <= key) break;
        heapKey[p] = heapKey[q]!;
        heapNode[p] = heapNode[q]!;
        p = q;
      }
      heapKey[p] = key;
      heapNode[p] = k;
    };
    push(start, 0, 0, -1);
    let found = false;
    while (size > 0) {
      const k = heapNode[0]!;
      size--;
      if (size > 0) {
        const key = heapKey[size]!;
        const node = heapNode[size]!;
        let p = 0;
        for (;;) {
          let c = 2 * p + 1;
          if (c >= size) break;
          if (c + 1 < size && heapKey[c + 1]! < heapKey[c]!) c++;
          if (heapKey[c]! >= key) break;
          heapKey[p] = heapKey[c]!;
          heapNode[p] = heapNode[c]!;
          p = c;
        }
        heapKey[p] = key;
        heapNode[p] = node;
      }
      const v = nodeV[k]!;
      if (closedIn[v] === id) continue;
      closedIn[v] = id;
      parent[v] = nodeFrom[k]!;
      if (v === goal) {
        found = true;
        break;
      }
      const g = nodeG[k]!;
      const c = nodeC[k]!;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const u = targets[e]!;
        if (u === start || closedIn[u] === id || g + 1 + d[u]! > bound) continue;
        push(u, g + 1, c + table.cost(e, u, g), v);
      }
    }
    if (!found) return 0;
    let len = 0;
    for (let v = goal; v >= 0; v = parent[v]!) len++;
    let w = base + len - 1;
    for (let v = goal; v >= 0; v = parent[v]!) out[w--] = v;
    return len;
  }
}

/** next(i, v) through an open-addressing hash on i·V + v. */
class ScatterLookup implements Scatter {
  readonly collisions: number;
  readonly rounds: number;
  private readonly V: number;
  private readonly keys: Float64Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(V: number, pathStart: Int32Array, paths: Int32Array, pathLen: Int32Array, collisions: number, rounds: number) {
    this.V = V;
    this.collisions = collisions;
    this.rounds = rounds;
    let entries = 0;
    for (let i = 0; i < pathLen.length; i++) entries += Math.max(0, pathLen[i]! - 1);
    let cap = 16;
    while (cap < entries * 2) cap *= 2;
    this.keys = new Float64Array(cap).fill(-1);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
    for (let i = 0; i < pathLen.length; i++) {
      const base = pathStart[i]!;
      for (let t = 0; t + 1 < pathLen[i]!; t++) this.put(i * V + paths[base + t]!, paths[base + t + 1]!);
    }
  }

  next(agent: number, vertex: number): number {
    const key = agent * this.V + vertex;
    for (let s = this.slot(key); ; s = (s + 1) & this.mask) {
      const k = this.keys[s]!;
      if (k === key) return this.values[s]!;
      if (k < 0) return -1;
    }
  }

  private put(key: number, value: number): void {
    let s = this.slot(key);
    while (this.keys[s]! >= 0) s = (s + 1) & this.mask;
    this.keys[s] = key;
    this.values[s] = value;
  }

  private slot(key: number): number {
    return (Math.imul((key % 0x7fffffff) | 0, 0x9e3779b1) >>> 0) & this.mask;
  }
}
