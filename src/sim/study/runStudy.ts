/**
 * A capacity study of a layout: replications with seeds 1..N at the asked point (vehicles/day, AGVs), and, when
 * asked, at each point of a one-parameter sweep, each reduced to a mean and 95 % confidence interval; for a sweep
 * of the AGV count, the smallest fleet that reaches the target. Deterministic: same scene and spec, same result.
 * Runs synchronously (in a worker in the browser, directly in Node); `onProgress` hears the share done after every
 * simulated hour of every run.
 */
import { checkScene } from '../../domain/checks/checkScene';
import { formatProblem } from '../../domain/problem';
import type { Scene } from '../../domain/sceneSchema';
import { runReplication, type ReplicationResult } from './runReplication';
import { resolveStudySpec, studyPoints, sweepValues, type ResolvedStudySpec, type StudySpec, type SweepParameter } from './studySpec';
import { studyCaveats, type StudyCaveat } from './studyCaveats';
import { summarisePoint, type PointResult } from './summarisePoint';

/**
 * The smallest fleet of an AGV sweep whose cleared/day reaches the target. With two or more replications the
 * criterion is the LOWER bound of the 95 % interval, not the mean: a fleet sized on its mean reaches the target
 * on about half of the days like those simulated; sized on the lower bound, the mean cleared/day is at or above
 * the target with 97.5 % confidence. With one replication there is no interval, and the mean is used.
 */
export interface FleetAnswer {
  readonly criterion: 'ci-low' | 'mean';
  /** Undefined when no point of the sweep reaches the target. */
  readonly agvs?: number;
}

export interface StudySweep {
  readonly parameter: SweepParameter;
  readonly points: readonly PointResult[];
  /** Only for a sweep of the AGV count. */
  readonly smallestFleet?: FleetAnswer;
}

export interface StudyResult {
  readonly sceneId: string;
  readonly zoneId: string;
  readonly spec: ResolvedStudySpec;
  /** The zone's 2030 target range of vehicles/day. */
  readonly targetRange: { readonly min: number; readonly max: number };
  readonly base: PointResult;
  readonly sweep?: StudySweep;
  /** What the numbers cannot be taken to say (a scaled window, too few replications, identical runs, cut intervals). */
  readonly caveats: readonly StudyCaveat[];
}

export interface StudyProgress {
  /** Share of the study done, 0..1: finished runs plus the share of the current one. */
  readonly fraction: number;
  readonly runsDone: number;
  readonly runs: number;
}

/** Throws when the layout fails its checks: a study of a layout that cannot be built answers nothing. */
function requireValidScene(scene: Scene): void {
  const problems = checkScene(scene);
  if (problems.length === 0) return;
  const shown = problems
    .slice(0, 3)
    .map((p) => formatProblem(p))
    .join('; ');
  throw new Error(
    `the layout has ${problems.length} problem${problems.length === 1 ? '' : 's'} (${shown}${problems.length > 3 ? '; …' : ''}); fix them before a study`,
  );
}

/** The smallest AGV count whose criterion value reaches `target`, in ascending order of fleet size. */
export function smallestFleet(points: readonly PointResult[], target: number): FleetAnswer {
  const criterion = points.every((p) => p.clearedPerDay.low !== undefined) ? 'ci-low' : 'mean';
  const reached = [...points]
    .sort((a, b) => a.agvs - b.agvs)
    .find((p) => (criterion === 'ci-low' ? p.clearedPerDay.low! : p.clearedPerDay.mean) >= target);
  return reached ? { criterion, agvs: reached.agvs } : { criterion };
}

/**
 * @example
 *   const r = runStudy(scene, { hours: 24, replications: 5, sweep: { parameter: 'agvs', from: 50, to: 400, step: 50 } });
 *   r.base.clearedPerDay; // { n: 5, mean, half, low, high }
 *   r.sweep?.smallestFleet?.agvs; // e.g. 150, or undefined: not reached within the range
 */
export function runStudy(scene: Scene, spec: StudySpec, onProgress?: (p: StudyProgress) => void): StudyResult {
  const r = resolveStudySpec(scene, spec);
  requireValidScene(scene);
  const points = studyPoints(r);
  const runs = points.length * r.replications;
  let runsDone = 0;
  const results = points.map(({ vehiclesPerDay, agvs }) => {
    const reps: ReplicationResult[] = [];
    for (let seed = 1; seed <= r.replications; seed++) {
      reps.push(
        runReplication(scene, { seed, vehiclesPerDay, agvs, hours: r.hours, warmupHours: 24 * r.warmupDays }, (f) =>
          onProgress?.({ fraction: (runsDone + f) / runs, runsDone, runs }),
        ),
      );
      runsDone++;
    }
    return summarisePoint(vehiclesPerDay, agvs, reps);
  });
  onProgress?.({ fraction: 1, runsDone, runs });
  const capacity = scene.zone.capacity.target2030VehiclesPerDay;
  const sweep = r.sweep ? sweepOf(r, results) : undefined;
  const shown = [results[0]!, ...(sweep?.points ?? []).filter((p) => p !== results[0])];
  return {
    sceneId: scene.id,
    zoneId: scene.zone.id,
    spec: r,
    targetRange: { min: capacity.min, max: capacity.max },
    base: results[0]!,
    ...(sweep ? { sweep } : {}),
    caveats: studyCaveats(scene, r, shown),
  };
}

function sweepOf(r: ResolvedStudySpec, results: readonly PointResult[]): StudySweep {
  const s = r.sweep!;
  const points = sweepValues(s).map((v) =>
    results.find((p) => (s.parameter === 'agvs' ? p.agvs === v && p.vehiclesPerDay === r.vehiclesPerDay : p.vehiclesPerDay === v && p.agvs === r.agvs))!,
  );
  return { parameter: s.parameter, points, ...(s.parameter === 'agvs' ? { smallestFleet: smallestFleet(points, r.target) } : {}) };
}
