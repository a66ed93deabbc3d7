import { DistanceTables } from '../DistanceTables';
import { solveLacam } from '../lacam';
import type { PlanGraph } from '../PlanGraph';
import { makespanOf, sumOfLoss } from './pathCosts';
import { refineLns, type NeighbourhoodStats } from './refineLns';

export interface AnytimeOptions {
  /** The whole budget: the first solution is searched within it, and the rest goes to refining it. */
  readonly timeLimitMs: number;
  readonly seed: number;
  readonly now?: () => number;
  readonly neighbourhoodSize?: number;
  /** Times after the start (ms) at which to note the sum of loss, e.g. [1000] for a 1 s mark in a 5 s run. */
  readonly checkpointsMs?: readonly number[];
}

export interface AnytimeResult {
  readonly solved: boolean;
  readonly paths?: Int32Array[];
  /** Final solution: sum of costs, LaCAM3's sum of loss, makespan, time it was found (ms from the start). */
  readonly soc: number;
  readonly sumOfLoss: number;
  readonly makespan: number;
  readonly ms: number;
  /** First solution (LaCAM). */
  readonly firstSoc: number;
  readonly firstSumOfLoss: number;
  readonly firstMs: number;
  /** Sum of each agent's shortest-path distance. */
  readonly lowerBound: number;
  readonly iterations: number;
  /** Wall time of the search (ms): the budget, or less when LaCAM failed early (the lower bound's BFS after it not counted). */
  readonly totalMs: number;
  readonly neighbourhoods: readonly NeighbourhoodStats[];
  readonly checkpoints: readonly { readonly ms: number; readonly soc: number; readonly sumOfLoss: number }[];
}

/**
 * One-shot MAPF within a time budget, anytime: LaCAM's first solution, then large-neighbourhood search on it until
 * the budget is spent (see refineLns). What `npm run mapf` and the refinement bench run.
 *
 * @example
 *   const r = solveAnytime(map.graph, starts, goals, { timeLimitMs: 5000, seed: 0 });
 *   console.log(r.firstSoc, r.soc, r.sumOfLoss / r.lowerBound);
 */
export function solveAnytime(graph: PlanGraph, starts: Int32Array, goals: Int32Array, options: AnytimeOptions): AnytimeResult {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const tables = new DistanceTables(graph, Number.MAX_SAFE_INTEGER);
  const first = solveLacam(graph, starts, goals, { timeLimitMs: options.timeLimitMs, seed: options.seed, now, tables });
  const deadline = t0 + options.timeLimitMs;
  if (!first.solved) {
    const totalMs = now() - t0;
    const base = { soc: 0, sumOfLoss: 0, makespan: 0, firstSoc: 0, firstSumOfLoss: 0, iterations: 0, neighbourhoods: [], checkpoints: [] };
    return { solved: false, ...base, ms: totalMs, firstMs: first.ms, lowerBound: lowerBound(graph, starts, goals), totalMs };
  }
  const firstPaths = first.paths!;
  const firstSumOfLoss = sumOfLoss(firstPaths, goals);
  // With the budget spent on the first solution, the refiner's set-up (a BFS per goal) would only overrun it.
  const r =
    now() < deadline
      ? refineLns(graph, starts, goals, firstPaths, {
          deadline,
          seed: options.seed,
          now,
          tables,
          ...(options.neighbourhoodSize === undefined ? {} : { neighbourhoodSize: options.neighbourhoodSize }),
          checkpoints: (options.checkpointsMs ?? []).map((ms) => t0 + ms),
        })
      : undefined;
  const totalMs = now() - t0;
  const paths = r?.paths ?? firstPaths;
  return {
    solved: true,
    paths,
    soc: r?.soc ?? first.soc,
    sumOfLoss: r?.sumOfLoss ?? firstSumOfLoss,
    makespan: makespanOf(paths, goals),
    ms: r?.improvedAt === undefined ? first.ms : r.improvedAt - t0,
    firstSoc: first.soc,
    firstSumOfLoss,
    firstMs: first.ms,
    lowerBound: lowerBound(graph, starts, goals, tables),
    iterations: r?.iterations ?? 0,
    totalMs,
    neighbourhoods: r?.stats ?? [],
    checkpoints: (r?.checkpoints ?? []).map((c) => ({ ms: c.at - t0, soc: c.soc, sumOfLoss: c.sumOfLoss })),
  };
}

/** Sum of each agent's shortest-path distance: the lower bound every figure is divided by. */
function lowerBound(graph: PlanGraph, starts: Int32Array, goals: Int32Array, tables = new DistanceTables(graph, Number.MAX_SAFE_INTEGER)): number {
  let sum = 0;
  for (let i = 0; i < starts.length; i++) sum += tables.distance(goals[i]!, starts[i]!);
  return sum;
}
