import { seededRandom } from '../../domain/random';
import { DistanceTables } from '../DistanceTables';
import type { PlanGraph } from '../PlanGraph';
import { NEIGHBOURHOOD_KINDS, Neighbourhoods, type NeighbourhoodKind } from './Neighbourhoods';
import { pathLoss, sumOfCosts, sumOfLoss, trimmedPath } from './pathCosts';
import { Reservations } from './Reservations';
import { Sipp } from './Sipp';
import { SpaceTimeAstar } from './SpaceTimeAstar';

export interface RefineOptions {
  /** Stop at this reading of `now()`. */
  readonly deadline: number;
  readonly seed: number;
  /** Clock in ms; performance.now() by default. Only the deadline and checkpoints read it. */
  readonly now?: () => number;
  /** Agents replanned per iteration; 4 by default (on warehouse-10-20-10-2-1 with 1,000 agents, 4 s: 2–4 beat 8, 16 and 32). */
  readonly neighbourhoodSize?: number;
  /** Clock readings at which to note the solution's sum of loss (for anytime curves); ascending. */
  readonly checkpoints?: readonly number[];
  /** The single-agent search: SIPP (default) or space-time A*, which the tests hold it against. */
  readonly lowLevel?: 'sipp' | 'space-time-astar';
  /** Distance tables to reuse (one BFS per goal: about 0.1 s for 1,000 agents on warehouse-10-20-10-2-1). */
  readonly tables?: DistanceTables;
  /** Stop after this many iterations (tests); unlimited by default. */
  readonly maxIterations?: number;
}

export interface NeighbourhoodStats {
  readonly kind: NeighbourhoodKind;
  /** Iterations that used it, and how many of them lowered the sum of loss. */
  tried: number;
  improved: number;
  /** Sum of loss it removed in all. */
  gain: number;
}

export interface RefineResult {
  /** Trimmed: paths[i] ends at agent i's last arrival at its goal, where it then stays. */
  readonly paths: Int32Array[];
  readonly soc: number;
  readonly sumOfLoss: number;
  readonly iterations: number;
  /** States the A* searches expanded in all. */
  readonly expansions: number;
  /** Clock reading of the last improvement (undefined when none). */
  readonly improvedAt: number | undefined;
  readonly stats: readonly NeighbourhoodStats[];
  /** One entry per checkpoint passed: its clock reading and the solution then. */
  readonly checkpoints: readonly { readonly at: number; readonly soc: number; readonly sumOfLoss: number }[];
}

/** Li et al.'s reaction factor: how fast a neighbourhood's roulette weight follows its recent gains. */
const REACTION = 0.01;
/** Floor of a weight, so a kind that stopped paying is still tried now and then (and weights never all reach 0). */
const MIN_WEIGHT = 0.01;

/**
 * Anytime refinement of a valid one-shot MAPF solution by large-neighbourhood search (Li et al., "Anytime
 * Multi-Agent Path Finding via Large Neighborhood Search", IJCAI 2021; the refiner of LaCAM3, Okumura AAMAS 2024):
 * until the deadline, pick a few agents (a neighbourhood, its kind drawn by roulette over weights that follow each
 * kind's recent gains), remove their paths, replan them one by one in random order with space-time A* against
 * everyone else's, and keep the new paths when their cost is not larger than the old (equal is kept: it
 * moves the search along plateaus). The cost is LaCAM3's sum of loss (see pathCosts), so the figure compares with
 * its published results; it never rises, and the result is always valid.
 *
 * Deterministic for a seed apart from where the deadline cuts it (`maxIterations` makes it fully so).
 *
 * @example
 *   const first = solveLacam(graph, starts, goals, { timeLimitMs: 1000, seed: 0 });
 *   const r = refineLns(graph, starts, goals, first.paths!, { deadline: performance.now() + 4000, seed: 0 });
 *   r.soc <= first.soc; // true
 */
export function refineLns(graph: PlanGraph, starts: Int32Array, goals: Int32Array, initial: readonly Int32Array[], options: RefineOptions): RefineResult {
  const now = options.now ?? (() => performance.now());
  const n = starts.length;
  const random = seededRandom(options.seed ^ 0x5bd1e995);
  const size = Math.min(n, options.neighbourhoodSize ?? 4);
  const tables = options.tables ?? new DistanceTables(graph, Number.MAX_SAFE_INTEGER);
  const paths = initial.map((p, i) => trimmedPath(p, goals[i]!));
  // The objective is LaCAM3's sum of loss, the figure its published results report.
  const costs = Int32Array.from(paths, (p, i) => pathLoss(p, goals[i]!));
  let loss = sumOfLoss(paths, goals);
  // One BFS per goal (about 0.1 s for 1,000 agents on warehouse-10-20-10-2-1): with the deadline that near, stop.
  const h: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    if ((i & 63) === 63 && now() >= options.deadline) {
      const none = { iterations: 0, expansions: 0, improvedAt: undefined, stats: [], checkpoints: [] };
      return { paths, soc: sumOfCosts(paths, goals), sumOfLoss: loss, ...none };
    }
    h.push(tables.table(goals[i]!));
  }
  const res = new Reservations(graph.nodeCount);
  for (let i = 0; i < n; i++) res.add(i, paths[i]!);
  const astar = options.lowLevel === 'space-time-astar' ? new SpaceTimeAstar(graph, res) : new Sipp(graph, res);
  astar.deadline = options.deadline;
  astar.now = now;
  const picker = new Neighbourhoods(graph, res, { paths, costs, h }, random);
  const stats: NeighbourhoodStats[] = NEIGHBOURHOOD_KINDS.map((kind) => ({ kind, tried: 0, improved: 0, gain: 0 }));
  const weights = new Float64Array(NEIGHBOURHOOD_KINDS.length).fill(1);
  const chosen = new Int32Array(size);
  const fresh: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(size);
  const checkpointsAt = options.checkpoints ?? [];
  const checkpoints: { at: number; soc: number; sumOfLoss: number }[] = [];
  const maxIterations = options.maxIterations ?? Infinity;
  let improvedAt: number | undefined;
  let iterations = 0;
  let expansions = 0;

  for (;;) {
    const clock = now();
    while (checkpoints.length < checkpointsAt.length && clock >= checkpointsAt[checkpoints.length]!) {
      checkpoints.push({ at: clock, soc: sumOfCosts(paths, goals), sumOfLoss: loss });
    }
    if (clock >= options.deadline || iterations >= maxIterations || n < 2) break;
    iterations++;

    let total = 0;
    for (let k = 0; k < weights.length; k++) total += weights[k]!;
    let pickAt = random() * total;
    let kindIndex = 0;
    while (kindIndex < weights.length - 1 && pickAt >= weights[kindIndex]!) pickAt -= weights[kindIndex++]!;
    const kind = NEIGHBOURHOOD_KINDS[kindIndex]!;
    const m = picker.pick(kind, size, chosen);
    if (m < 2) continue;

    let oldCost = 0;
    let bound = 0;
    for (let j = 0; j < m; j++) {
      const i = chosen[j]!;
      oldCost += costs[i]!;
      bound += h[i]![starts[i]!]!;
      res.remove(i, paths[i]!);
    }
    for (let j = m - 1; j > 0; j--) {
      const r = Math.floor(random() * (j + 1));
      const c = chosen[j]!;
      chosen[j] = chosen[r]!;
      chosen[r] = c;
    }
    // Replan in that order; give up as soon as the rest cannot fit in the old cost even on shortest paths.
    let newCost = 0;
    let planned = 0;
    for (; planned < m; planned++) {
      const i = chosen[planned]!;
      const hi = h[i]!;
      bound -= hi[starts[i]!]!;
      const path = astar.search(starts[i]!, goals[i]!, hi, oldCost - newCost - bound);
      expansions += astar.expanded;
      if (path === undefined) break;
      fresh[planned] = path;
      res.add(i, path);
      newCost += pathLoss(path, goals[i]!);
    }
    const s = stats[kindIndex]!;
    s.tried++;
    if (planned === m) {
      for (let j = 0; j < m; j++) {
        const i = chosen[j]!;
        paths[i] = fresh[j]!;
        costs[i] = pathLoss(fresh[j]!, goals[i]!);
      }
      const gain = oldCost - newCost;
      if (gain > 0) {
        s.improved++;
        s.gain += gain;
        loss -= gain;
        improvedAt = now();
      }
      weights[kindIndex] = Math.max(MIN_WEIGHT, REACTION * gain + (1 - REACTION) * weights[kindIndex]!);
    } else {
      for (let j = 0; j < planned; j++) res.remove(chosen[j]!, fresh[j]!);
      for (let j = 0; j < m; j++) res.add(chosen[j]!, paths[chosen[j]!]!);
      weights[kindIndex] = Math.max(MIN_WEIGHT, (1 - REACTION) * weights[kindIndex]!);
    }
    fresh.fill(undefined);
  }
  return { paths, soc: sumOfCosts(paths, goals), sumOfLoss: loss, iterations, expansions, improvedAt, stats, checkpoints };
}
