/**
 * A design-of-experiments run over layouts and fleets: every layout × every fleet size × seeds 1..N, each job one
 * simulated day (or the asked hours) after the warm-up, as a capacity study runs it. Jobs are ordered seed by
 * seed (every point's seed 1, then every point's seed 2, …), so a run stopped early has every point at some seeds
 * rather than some points at every seed.
 *
 * @example
 *   const jobs = experimentJobs(['a', 'b'], { ...spec, agvs: [40, 80], seeds: 5 }); // 20 jobs, seed 1 first
 */
import experiment from '../../../data/experiment.json' with { type: 'json' };
import { checkScene } from '../../domain/checks/checkScene';
import type { Scene } from '../../domain/sceneSchema';
import type { SimOptions } from '../simParams';

/** A layout of the experiment: its id (unique), how people name it, and the scene. */
export interface ExperimentLayout {
  readonly id: string;
  readonly label: string;
  readonly scene: Scene;
}

export interface ExperimentSpec {
  readonly vehiclesPerDay: number;
  /** Cleared/day a point must reach (on the lower bound of its 95 % interval, with two seeds or more). */
  readonly target: number;
  readonly hours: number;
  readonly warmupDays: number;
  readonly seeds: number;
  /** The fleet sizes tried on every layout. */
  readonly agvs: readonly number[];
}

export interface ExperimentJob {
  readonly layout: string;
  readonly agvs: number;
  readonly seed: number;
}

export const jobKey = (j: ExperimentJob): string => `${j.layout}|${j.agvs}|${j.seed}`;

export function experimentJobs(layouts: readonly string[], spec: ExperimentSpec): ExperimentJob[] {
  const jobs: ExperimentJob[] = [];
  for (let seed = 1; seed <= spec.seeds; seed++) for (const layout of layouts) for (const agvs of spec.agvs) jobs.push({ layout, agvs, seed });
  return jobs;
}

/** The simulation options of a job. */
export function jobOptions(spec: ExperimentSpec, job: ExperimentJob): SimOptions {
  return { seed: job.seed, vehiclesPerDay: spec.vehiclesPerDay, agvs: job.agvs, hours: spec.hours, warmupHours: 24 * spec.warmupDays };
}

const whole = (x: number) => Number.isInteger(x);

/** Every problem with a spec and its layouts, each naming the field; empty when it can run. */
export function experimentProblems(spec: ExperimentSpec, layouts: readonly ExperimentLayout[]): string[] {
  const bad: (string | false)[] = [
    !(spec.vehiclesPerDay > 0 && Number.isFinite(spec.vehiclesPerDay)) && `vehiclesPerDay: a number > 0 (got ${spec.vehiclesPerDay})`,
    !(spec.target > 0 && Number.isFinite(spec.target)) && `target: a number > 0 (got ${spec.target})`,
    !(spec.hours > 0 && spec.hours <= 24 * 14) && `hours: in (0, 336] (got ${spec.hours})`,
    !(whole(spec.warmupDays) && spec.warmupDays >= 0 && spec.warmupDays <= 7) && `warmupDays: a whole number from 0 to 7 (got ${spec.warmupDays})`,
    !(whole(spec.seeds) && spec.seeds >= 1 && spec.seeds <= 50) && `seeds: a whole number from 1 to 50 (got ${spec.seeds})`,
    spec.agvs.length === 0 && 'agvs: at least one fleet size',
    ...spec.agvs.map((n, k) => !(whole(n) && n >= 0 && n <= 400) && `agvs[${k}]: a whole number from 0 to 400 (got ${n})`),
    new Set(spec.agvs).size !== spec.agvs.length && `agvs: a fleet size appears twice (${spec.agvs.join(', ')})`,
    layouts.length === 0 && 'layouts: at least one',
    new Set(layouts.map((l) => l.id)).size !== layouts.length && `layouts: two have the same id (${layouts.map((l) => l.id).join(', ')})`,
  ];
  for (const l of layouts) {
    const n = checkScene(l.scene).length;
    if (n > 0) bad.push(`layout ${l.label}: ${n} problem${n === 1 ? '' : 's'} in the layout; fix them before an experiment`);
  }
  const runs = layouts.length * spec.agvs.length * spec.seeds;
  const maxRuns = experiment.limits.maxRuns.value;
  if (runs > maxRuns) bad.push(`${runs} runs asked (layouts × fleet sizes × seeds); at most ${maxRuns}: fewer of one of them`);
  return bad.filter((m): m is string => typeof m === 'string');
}
