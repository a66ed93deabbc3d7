/**
 * The replications of one study point (same vehicles/day and AGVs, seeds 1..N) reduced to what an engineer reads:
 * mean and 95 % interval of cleared/day, time in system and each resource's utilisation, each interval within
 * what its quantity allows (counts and times from 0, shares up to 1); the resource that binds most often; the
 * truck holding areas (how full, for how long, from when, and the queue spilling back onto the road beyond them);
 * and the hour-by-hour means of queues, holding areas, spill-back and utilisation.
 */
import type { HoldingKpi, SimKpis } from '../simKpis';
import type { HourStat, ReplicationResult } from './runReplication';
import { COUNT, DURATION, estimate, SHARE, type Estimate } from './studyStats';

export interface BindingResource {
  readonly resource: string;
  /** Replications in which it was the bottleneck. */
  readonly runs: number;
  /**
   * Its mean utilisation over the replications; for `agv-lanes`, the share of the AGVs' working time spent waiting
   * for one another, which is not a utilisation and reads wrong beside a fleet 97 % busy without the next field.
   */
  readonly utilisation: number;
  /** For `agv-lanes`: the fleet's mean utilisation, the reason the lanes bind (the fleet is busy, mostly waiting). */
  readonly fleetUtilisation?: number;
}

/** A truck holding area over the replications (SimKpis.holding): each figure's mean and 95 % interval. */
export interface HoldingEstimate {
  /** Its capacity in trucks (0: the route has none, its queue stands on the road from the first truck). */
  readonly capacity: number;
  /** The most trucks in it in a run. */
  readonly trucksMax: Estimate;
  /** The queue on the road beyond it (m): the most in a run, the run's time-mean. */
  readonly roadQueueMaxM: Estimate;
  readonly roadQueueMeanM: Estimate;
  /** Hours of the window it was full. */
  readonly fullHours: Estimate;
  /** Runs in which it was full at some time, and when it first was (s into the window) over those runs. */
  readonly fullRuns: number;
  readonly fullFirstS?: Estimate;
}

export interface PointResult {
  readonly vehiclesPerDay: number;
  readonly agvs: number;
  readonly runs: readonly SimKpis[];
  /** Trucks cleared in the simulated window (the study's hours from 00:00). */
  readonly clearedInWindow: Estimate;
  /** Cleared × 24 h / the window: a day's figure only when the window is whole days (see studyCaveats). */
  readonly clearedPerDay: Estimate;
  readonly timeInSystemP50S: Estimate;
  readonly timeInSystemP95S: Estimate;
  readonly utilisation: Readonly<Record<string, Estimate>>;
  readonly binding: BindingResource;
  /**
   * Per truck holding area (by id; a route with none by its first stop's id); the longest spill-back onto an
   * approach road (m, the worst area's in each run) and the most hours a holding area was full. Absent from a
   * study kept before trucks had length.
   */
  readonly holding?: Readonly<Record<string, HoldingEstimate>>;
  readonly spillBackMaxM?: Estimate;
  readonly holdingFullHours?: Estimate;
  /** Per simulated hour, the mean over the replications. */
  readonly hourly: readonly HourStat[];
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number, digits: number) => Number(x.toFixed(digits));

function union(records: readonly Readonly<Record<string, unknown>>[]): string[] {
  const keys: string[] = [];
  for (const r of records) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  return keys;
}

/** Means per key; a key missing from a record counts as 0 (a yard no truck used has no utilisation entry). */
function meanRecord(records: readonly Readonly<Record<string, number>>[], digits: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of union(records)) out[k] = round(mean(records.map((r) => r[k] ?? 0)), digits);
  return out;
}

function holdingEstimates(runs: readonly SimKpis[]): Record<string, HoldingEstimate> {
  const out: Record<string, HoldingEstimate> = {};
  for (const id of union(runs.map((k) => k.holding))) {
    const of = runs.map((k) => k.holding[id]).filter((h): h is HoldingKpi => h !== undefined);
    const firsts = of.flatMap((h) => (h.fullFirstS === null ? [] : [h.fullFirstS]));
    out[id] = {
      capacity: of[0]!.capacity,
      trucksMax: estimate(
        of.map((h) => h.trucksMax),
        COUNT,
      ),
      roadQueueMaxM: estimate(
        of.map((h) => h.roadQueueMaxM),
        COUNT,
      ),
      roadQueueMeanM: estimate(
        of.map((h) => h.roadQueueMeanM),
        COUNT,
      ),
      fullHours: estimate(
        of.map((h) => h.fullHours),
        DURATION,
      ),
      fullRuns: firsts.length,
      ...(firsts.length > 0 ? { fullFirstS: estimate(firsts, DURATION) } : {}),
    };
  }
  return out;
}

export function summarisePoint(vehiclesPerDay: number, agvs: number, reps: readonly ReplicationResult[]): PointResult {
  const runs = reps.map((r) => r.kpis);
  const utilisation: Record<string, Estimate> = {};
  for (const id of union(runs.map((k) => k.utilisation)))
    utilisation[id] = estimate(
      runs.map((k) => k.utilisation[id] ?? 0),
      SHARE,
    );
  const counts = new Map<string, number>();
  for (const k of runs) if (k.bottleneck !== '') counts.set(k.bottleneck, (counts.get(k.bottleneck) ?? 0) + 1);
  let resource = '';
  for (const [id, n] of counts) {
    const best = counts.get(resource) ?? 0;
    if (n > best || (n === best && (utilisation[id]?.mean ?? 0) > (utilisation[resource]?.mean ?? 0))) resource = id;
  }
  const hourly = reps[0]!.hours.map((_, h): HourStat => {
    const at = reps.map((r) => r.hours[h]!);
    return {
      hour: h,
      arrived: round(mean(at.map((s) => s.arrived)), 2),
      cleared: round(mean(at.map((s) => s.cleared)), 2),
      inside: round(mean(at.map((s) => s.inside)), 2),
      agvsBusy: round(mean(at.map((s) => s.agvsBusy)), 2),
      containersWaiting: round(mean(at.map((s) => s.containersWaiting)), 2),
      queues: meanRecord(
        at.map((s) => s.queues),
        2,
      ),
      holding: meanRecord(
        at.map((s) => s.holding ?? {}),
        2,
      ),
      roadQueueM: meanRecord(
        at.map((s) => s.roadQueueM ?? {}),
        1,
      ),
      utilisation: meanRecord(
        at.map((s) => s.utilisation),
        3,
      ),
    };
  });
  return {
    vehiclesPerDay,
    agvs,
    runs,
    clearedInWindow: estimate(
      runs.map((k) => k.cleared),
      COUNT,
    ),
    clearedPerDay: estimate(
      runs.map((k) => k.clearedPerDay),
      COUNT,
    ),
    timeInSystemP50S: estimate(
      runs.map((k) => k.timeInSystemP50S),
      DURATION,
    ),
    timeInSystemP95S: estimate(
      runs.map((k) => k.timeInSystemP95S),
      DURATION,
    ),
    utilisation,
    binding: {
      resource,
      runs: counts.get(resource) ?? 0,
      utilisation: utilisation[resource]?.mean ?? 0,
      ...(resource === 'agv-lanes' ? { fleetUtilisation: utilisation['agv-fleet']?.mean ?? 0 } : {}),
    },
    holding: holdingEstimates(runs),
    spillBackMaxM: estimate(
      runs.map((k) => k.spillBackMaxM),
      COUNT,
    ),
    holdingFullHours: estimate(
      runs.map((k) => k.holdingFullHours),
      DURATION,
    ),
    hourly,
  };
}
