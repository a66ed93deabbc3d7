/**
 * What a capacity study asks: the run options (vehicles/day, AGVs, hours), how many replications (seeds 1..N),
 * the cleared/day to reach, and optionally a sweep of one parameter. Defaults come from the scene (the zone's
 * 2030 target, its fleet) and data/study.json (each with its source); {@link resolveStudySpec} fills them in and
 * names every value out of range, so a study never starts on a mistake.
 */
import study from '../../../data/study.json' with { type: 'json' };
import type { Scene } from '../../domain/sceneSchema';

export type SweepParameter = 'agvs' | 'vehiclesPerDay';

export interface SweepSpec {
  readonly parameter: SweepParameter;
  readonly from: number;
  readonly to: number;
  readonly step: number;
}

export interface StudySpec {
  readonly vehiclesPerDay?: number;
  readonly agvs?: number;
  readonly hours?: number;
  readonly replications?: number;
  /** Whole days simulated, unmeasured, before each replication's measured hours (data/study.json). */
  readonly warmupDays?: number;
  /** Cleared/day the layout should reach; the zone's 2030 target minimum by default. */
  readonly target?: number;
  readonly sweep?: SweepSpec;
}

export type ResolvedStudySpec = Required<Omit<StudySpec, 'sweep'>> & { readonly sweep?: SweepSpec };

/** The study a form opens with: the zone's 2030 target minimum asked, the scene's fleet, data/study.json. */
export function defaultStudySpec(scene: Scene): ResolvedStudySpec {
  const target = scene.zone.capacity.target2030VehiclesPerDay.min;
  return {
    vehiclesPerDay: target,
    agvs: scene.fleet.agv.count.value,
    hours: study.hours.value,
    replications: study.replications.value,
    warmupDays: study.warmupDays.value,
    target,
  };
}

/** The default range of a sweep of `parameter` (data/study.json). */
export function defaultSweep(parameter: SweepParameter): SweepSpec {
  const s = study.sweep[parameter];
  return { parameter, from: s.from, to: s.to, step: s.step };
}

/** The values a sweep visits: from, from + step, … up to and including `to` when the steps land on it. */
export function sweepValues(s: SweepSpec): number[] {
  return Array.from({ length: sweepCount(s) }, (_, k) => Number((s.from + k * s.step).toFixed(6)));
}

function sweepCount(s: SweepSpec): number {
  return Math.floor((s.to - s.from) / s.step + 1e-9) + 1;
}

const whole = (x: number) => Number.isInteger(x);

/** The spec with defaults filled in; throws naming every value out of range. */
export function resolveStudySpec(scene: Scene, spec: StudySpec): ResolvedStudySpec {
  const d = defaultStudySpec(scene);
  const r: ResolvedStudySpec = {
    vehiclesPerDay: spec.vehiclesPerDay ?? d.vehiclesPerDay,
    agvs: spec.agvs ?? d.agvs,
    hours: spec.hours ?? d.hours,
    replications: spec.replications ?? d.replications,
    warmupDays: spec.warmupDays ?? d.warmupDays,
    target: spec.target ?? d.target,
    ...(spec.sweep ? { sweep: spec.sweep } : {}),
  };
  const maxReps = study.limits.maxReplications.value;
  const bad: (string | false)[] = [
    !(r.vehiclesPerDay > 0 && Number.isFinite(r.vehiclesPerDay)) && `vehicles/day must be a number > 0 (got ${r.vehiclesPerDay})`,
    !(whole(r.agvs) && r.agvs >= 0) && `AGVs must be a whole number ≥ 0 (got ${r.agvs})`,
    !(r.hours > 0 && r.hours <= 24 * 14) && `hours must be in (0, 336] (got ${r.hours})`,
    !(whole(r.replications) && r.replications >= 1 && r.replications <= maxReps) &&
      `replications must be a whole number from 1 to ${maxReps} (got ${r.replications})`,
    !(r.target > 0 && Number.isFinite(r.target)) && `the target must be a number > 0 (got ${r.target})`,
    !(whole(r.warmupDays) && r.warmupDays >= 0 && r.warmupDays <= 7) && `warm-up days must be a whole number from 0 to 7 (got ${r.warmupDays})`,
  ];
  const s = r.sweep;
  if (s) {
    const name = s.parameter === 'agvs' ? 'AGV' : 'vehicles/day';
    const ok = [s.from, s.to, s.step].every(Number.isFinite);
    bad.push(
      !ok && `the ${name} sweep needs numbers for from, to and step (got ${s.from}, ${s.to}, ${s.step})`,
      ok && !(s.step > 0) && `the ${name} sweep step must be > 0 (got ${s.step})`,
      ok && !(s.from <= s.to) && `the ${name} sweep must go up: from ${s.from} is above to ${s.to}`,
      ok &&
        s.parameter === 'agvs' &&
        !(whole(s.from) && whole(s.step) && s.from >= 0) &&
        `the AGV sweep needs whole numbers ≥ 0 (got from ${s.from}, step ${s.step})`,
      ok && s.parameter === 'vehiclesPerDay' && !(s.from > 0) && `the vehicles/day sweep must start above 0 (got ${s.from})`,
    );
  }
  const errors = bad.filter((m): m is string => typeof m === 'string');
  if (errors.length === 0) {
    const runs = (1 + (s ? sweepCount(s) : 0)) * r.replications;
    const maxRuns = study.limits.maxRuns.value;
    if (runs > maxRuns) errors.push(`about ${runs} runs asked (points × replications); at most ${maxRuns}: fewer points or replications`);
  }
  if (errors.length > 0) throw new Error(errors.join('; '));
  return r;
}

/** The distinct (vehicles/day, AGVs) points a study runs: the base point, then the sweep's, without repeats. */
export function studyPoints(r: ResolvedStudySpec): { vehiclesPerDay: number; agvs: number }[] {
  const points = [{ vehiclesPerDay: r.vehiclesPerDay, agvs: r.agvs }];
  if (r.sweep) {
    for (const v of sweepValues(r.sweep)) {
      const p = r.sweep.parameter === 'agvs' ? { vehiclesPerDay: r.vehiclesPerDay, agvs: v } : { vehiclesPerDay: v, agvs: r.agvs };
      if (!points.some((q) => q.vehiclesPerDay === p.vehiclesPerDay && q.agvs === p.agvs)) points.push(p);
    }
  }
  return points;
}
