import { seededRandom } from '../domain/random';
import { ConfigStore } from './ConfigStore';
import { DistanceTables, UNREACHABLE } from './DistanceTables';
import { isSymmetric } from './isSymmetric';
import { PibtCore } from './PibtCore';
import type { PlanGraph } from './PlanGraph';
import { buildScatter } from './scatter';

/** LaCAM3's scatter margin (Okumura, AAMAS 2024). */
const SCATTER_MARGIN = 10;
/** Cap on scatter rounds; the 3 % rule in scatter.ts ends them after 3–6 on the shared instances. */
const SCATTER_ROUNDS = 32;
/**
 * PIBT runs per successor, the one with the least sum of loss plus distances left kept (LaCAM3 runs 10 in
 * parallel threads). On random-32-32-20 with 400 agents, six seeds: 1 run gives 0.96–1.10 × LaCAM3's first-solution
 * SOC, 3 runs 0.97–1.05, 5 runs 0.92–1.04; runs stop early when one reaches the ideal score.
 */
const PIBT_RUNS = 5;

export interface LacamOptions {
  readonly timeLimitMs: number;
  readonly seed: number;
  /** Clock in ms, for the time limit only; performance.now() by default. */
  readonly now?: () => number;
  /**
   * Detour allowed to the scatter paths PIBT prefers (LaCAM3's default 10 steps); -1 turns scatter off. At most
   * half the time limit goes to building them.
   */
  readonly scatterMargin?: number;
  /** PIBT runs per successor, the best kept (default 5; LaCAM3 runs 10 in parallel threads). */
  readonly pibtRuns?: number;
  /** Distance tables to fill and reuse (uncapped: one per goal), e.g. shared with the refinement after it. */
  readonly tables?: DistanceTables;
}

export interface LacamResult {
  readonly solved: boolean;
  /** paths[i][t]: agent i's vertex at step t, from its start to its goal, padded at the goal up to the makespan. */
  readonly paths?: Int32Array[];
  /** Sum over agents of the step of their last arrival at the goal. */
  readonly soc: number;
  readonly makespan: number;
  readonly ms: number;
  /** High-level nodes (configurations) generated. */
  readonly expanded: number;
}

/**
 * LaCAM (Okumura, "LaCAM: Search-Based Algorithm for Quick Multi-Agent Pathfinding", AAAI 2023): a depth-first
 * search over whole configurations where each successor comes from one PIBT step, and a lazily grown low-level
 * tree of constraints ("agent i goes to vertex v") makes PIBT try something else whenever the search comes back
 * to a configuration. Returns the first solution found. Complete: on a solvable instance it finds a solution given
 * time, and with the time limit it reports `solved: false` rather than run on.
 *
 * As in LaCAM3 (Okumura, "Engineering LaCAM*", AAMAS 2024): a configuration already seen is pushed again instead
 * of dropped, on undirected graphs PIBT runs with swap emulation, and PIBT prefers each agent's next vertex on its
 * precomputed scatter path (`scatter.ts`), which brings the first solution's sum of costs to LaCAM3's on the
 * MovingAI benchmarks (docs/planning.md). Refinement after the first solution is `refine/`'s work.
 *
 * @example
 *   const r = solveLacam(graph, starts, goals, { timeLimitMs: 30_000, seed: 0 });
 *   if (r.solved) console.log(r.soc, r.makespan, r.paths![0]);
 */
export function solveLacam(graph: PlanGraph, starts: Int32Array, goals: Int32Array, options: LacamOptions): LacamResult {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const n = starts.length;
  checkInstance(graph, starts, goals);
  const tables = options.tables ?? new DistanceTables(graph, Number.MAX_SAFE_INTEGER);
  const agentTables = Array.from(starts, (_, i) => tables.table(goals[i]!));
  const unsolvable = (expanded: number): LacamResult => ({ solved: false, soc: 0, makespan: 0, ms: now() - t0, expanded });
  for (let i = 0; i < n; i++) if (agentTables[i]![starts[i]!]! >= UNREACHABLE) return unsolvable(0);

  const core = new PibtCore(graph, n, options.seed, isSymmetric(graph));
  core.setTables(agentTables);
  const margin = options.scatterMargin ?? SCATTER_MARGIN;
  if (margin >= 0) {
    const expired = () => now() - t0 > options.timeLimitMs / 2;
    core.setScatter(buildScatter(graph, starts, goals, agentTables, { margin, seed: options.seed, maxRounds: SCATTER_ROUNDS, expired }));
  }
  const random = seededRandom(options.seed ^ 0x2545f491);
  const store = new ConfigStore(n);

  // Priority of agent i at a node is level + fraction[i]; fraction < 1 is fixed, so only levels are stored and a
  // child's order is the parent's under-way agents in the parent's order, then its arrivals by fraction.
  const byFraction = Int32Array.from(starts, (_, i) => i).sort((a, b) => agentTables[b]![starts[b]!]! - agentTables[a]![starts[a]!]! || a - b);

  let hCap = 1024;
  let parent = new Int32Array(hCap);
  let level = new Int32Array(hCap * n);
  let order = new Int32Array(hCap * n);
  let lHead = new Int32Array(hCap);
  let lTail = new Int32Array(hCap);
  let lCap = 8192;
  let lParent = new Int32Array(lCap);
  let lWho = new Int32Array(lCap);
  let lWhere = new Int32Array(lCap);
  let lDepth = new Int32Array(lCap);
  let lNext = new Int32Array(lCap);
  let lCount = 0;
  let stack = new Int32Array(1024);
  let top = 0;
  const next = new Int32Array(n);
  const trial = new Int32Array(n);
  const pibtRuns = options.pibtRuns ?? PIBT_RUNS;
  /** LaCAM3's choice among PIBT runs: the step's sum of loss plus the sum of distances left. */
  const successorScore = (fromBase: number, to: Int32Array): number => {
    const from = store.data;
    let score = 0;
    for (let i = 0; i < n; i++) {
      const g = goals[i]!;
      if (from[fromBase + i] !== g || to[i] !== g) score++;
      score += agentTables[i]![to[i]!]!;
    }
    return score;
  };
  /** The score if every agent away from its goal stepped closer and the others stayed: no run can beat it. */
  const idealScore = (fromBase: number): number => {
    const from = store.data;
    let score = 0;
    for (let i = 0; i < n; i++) {
      const d = agentTables[i]![from[fromBase + i]!]!;
      if (d > 0) score += d;
    }
    return score;
  };
  let maxDegree = 0;
  for (let v = 0; v < graph.nodeCount; v++) maxDegree = Math.max(maxDegree, graph.offsets[v + 1]! - graph.offsets[v]!);
  const shuffle = new Int32Array(maxDegree + 1);

  const newLNode = (from: number, who: number, where: number, depth: number): number => {
    if (lCount === lCap) {
      lCap *= 2;
      lParent = grown(lParent, lCap);
      lWho = grown(lWho, lCap);
      lWhere = grown(lWhere, lCap);
      lDepth = grown(lDepth, lCap);
      lNext = grown(lNext, lCap);
    }
    const l = lCount++;
    lParent[l] = from;
    lWho[l] = who;
    lWhere[l] = where;
    lDepth[l] = depth;
    lNext[l] = -1;
    return l;
  };
  const push = (h: number) => {
    if (top === stack.length) stack = grown(stack, top * 2);
    stack[top++] = h;
  };
  /** Stores `config` as a child of `from` (-1 for the root); returns its index and whether all agents are home. */
  const createNode = (config: Int32Array, from: number): number => {
    const h = store.add(config);
    if (h === hCap) {
      hCap *= 2;
      parent = grown(parent, hCap);
      level = grown(level, hCap * n);
      order = grown(order, hCap * n);
      lHead = grown(lHead, hCap);
      lTail = grown(lTail, hCap);
    }
    parent[h] = from;
    const base = h * n;
    let w = base;
    if (from >= 0) {
      const pBase = from * n;
      for (let i = 0; i < n; i++) level[base + i] = config[i] === goals[i] ? 0 : level[pBase + i]! + 1;
      for (let k = 0; k < n; k++) {
        const i = order[pBase + k]!;
        if (level[base + i]! > 0) order[w++] = i;
      }
    } else {
      for (let i = 0; i < n; i++) level[base + i] = config[i] === goals[i] ? 0 : 1;
      for (let k = 0; k < n; k++) {
        const i = byFraction[k]!;
        if (level[base + i]! > 0) order[w++] = i;
      }
    }
    for (let k = 0; k < n; k++) {
      const i = byFraction[k]!;
      if (level[base + i] === 0) order[w++] = i;
    }
    const root = newLNode(-1, -1, -1, 0);
    lHead[h] = root;
    lTail[h] = root;
    return h;
  };
  const atGoals = (config: Int32Array) => {
    for (let i = 0; i < n; i++) if (config[i] !== goals[i]) return false;
    return true;
  };
  const solution = (h: number): LacamResult => {
    const ms = now() - t0;
    let makespan = 0;
    for (let c = parent[h]!; c >= 0; c = parent[c]!) makespan++;
    const paths = Array.from(starts, () => new Int32Array(makespan + 1));
    for (let c = h, t = makespan; c >= 0; c = parent[c]!, t--) {
      const base = c * n;
      for (let i = 0; i < n; i++) paths[i]![t] = store.data[base + i]!;
    }
    let soc = 0;
    for (let i = 0; i < n; i++) {
      let t = makespan;
      while (t > 0 && paths[i]![t - 1] === goals[i]) t--;
      soc += t;
    }
    return { solved: true, paths, soc, makespan, ms, expanded: store.count };
  };

  const root = createNode(starts, -1);
  if (atGoals(starts)) return solution(root);
  push(root);
  for (let iteration = 0; top > 0; iteration++) {
    if ((iteration & 31) === 0 && now() - t0 > options.timeLimitMs) return unsolvable(store.count);
    const h = stack[top - 1]!;
    const l = lHead[h]!;
    if (l < 0) {
      top--;
      continue;
    }
    lHead[h] = lNext[l]!;
    if (lHead[h]! < 0) lTail[h] = -1;
    const depth = lDepth[l]!;
    const base = h * n;
    if (depth < n) {
      const who = order[base + depth]!;
      const v = store.data[base + who]!;
      let m = 0;
      for (let k = graph.offsets[v]!; k < graph.offsets[v + 1]!; k++) shuffle[m++] = graph.targets[k]!;
      shuffle[m++] = v;
      for (let k = m - 1; k > 0; k--) {
        const r = Math.floor(random() * (k + 1));
        const t = shuffle[k]!;
        shuffle[k] = shuffle[r]!;
        shuffle[r] = t;
      }
      for (let k = 0; k < m; k++) {
        const c = newLNode(l, who, shuffle[k]!, depth + 1);
        if (lTail[h]! >= 0) lNext[lTail[h]!] = c;
        else lHead[h] = c;
        lTail[h] = c;
      }
    }
    let bestScore = Number.MAX_SAFE_INTEGER;
    const ideal = pibtRuns === 1 ? 0 : idealScore(base);
    for (let run = 0; run < pibtRuns && bestScore > ideal; run++) {
      trial.fill(-1);
      for (let c = l; lDepth[c]! > 0; c = lParent[c]!) trial[lWho[c]!] = lWhere[c]!;
      if (!core.generate(n, store.data, base, trial, order, base, true)) continue;
      const score = pibtRuns === 1 ? 0 : successorScore(base, trial);
      if (score < bestScore) {
        bestScore = score;
        next.set(trial);
      }
    }
    if (bestScore === Number.MAX_SAFE_INTEGER) continue;
    const known = store.find(next);
    if (known >= 0) {
      push(known);
      continue;
    }
    const child = createNode(next, h);
    if (atGoals(next)) return solution(child);
    push(child);
  }
  return unsolvable(store.count);
}

function grown(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}

function checkInstance(graph: PlanGraph, starts: Int32Array, goals: Int32Array): void {
  if (starts.length !== goals.length) throw new Error(`solveLacam: ${starts.length} starts but ${goals.length} goals`);
  const seen = new Uint8Array(graph.nodeCount * 2);
  for (let i = 0; i < starts.length; i++) {
    for (const [name, v, bit] of [
      ['start', starts[i]!, 0],
      ['goal', goals[i]!, 1],
    ] as const) {
      if (!(v >= 0 && v < graph.nodeCount)) throw new Error(`solveLacam: agent ${i}'s ${name} ${v} is not a vertex`);
      if (seen[v * 2 + bit]) throw new Error(`solveLacam: agent ${i}'s ${name} ${v} is shared with another agent`);
      seen[v * 2 + bit] = 1;
    }
  }
}
