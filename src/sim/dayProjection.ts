/**
 * Where the day will end: the vehicles cleared so far plus what the rest of the day should clear, with a 95 % band,
 * from the completed hours of today and the scene's arrival profile and opening hours. A figure a leader can repeat
 * ("1,770 today, between 1,700 and 1,840"), where the last hour's pace × 24 is not a daily figure at all.
 *
 * Three cases, said on the result (`basis`). Still to arrive is the profile's share of the day's demand for the hours
 * left, scaled by how today's arrivals have run against the profile so far; counts are taken as Poisson (± 1.96 √n).
 * - `demand`: the gate has kept up (no completed hour ended with an hour's work or more still inside), and no hour
 *   left asks more of it than its best hour so far: the rest of the day clears what is inside and still to arrive.
 * - `pace`: the gate has kept up so far, but the hours left bring more than its best hour cleared, a rate it has not
 *   shown: the projection clears at most that best rate each open hour (the queue carried), and the band's top is
 *   what keeping up would clear. Early in the day, before the peak, the band is wide, and says so.
 * - `capacity`: an open hour ended with an hour's work or more still inside (trucks inside ≥ that hour's clearances):
 *   the gate ran at its capacity then, and the rest of the day clears at most that hourly rate (the mean of the last
 *   such hours) in each open hour, the queue carried from hour to hour. The band comes from the spread s of those
 *   hours' clearances (Poisson, √rate, from a single hour): a rate uncertain by s/√n and varying by s from hour to
 *   hour, over the k open hours left, with Student's t for n − 1 degrees of freedom.
 *
 * @example projectDay(todayRows, 3500, scene.process) → { clearedSoFar: 1234, expected: 1770, low: 1702, high: 1838, basis: 'capacity', hoursDone: 14 }
 */
import type { Scene } from '../domain/sceneSchema';
import type { HourRow } from './simKpis';

export interface DayProjection {
  readonly clearedSoFar: number;
  /** Completed hours the projection stands on (the day's first `hoursDone` hours). */
  readonly hoursDone: number;
  readonly expected: number;
  readonly low: number;
  readonly high: number;
  readonly basis: 'demand' | 'pace' | 'capacity';
}

const HOURS = 24;
const Z95 = 1.96;
/** The band's quantile by the number of hours at capacity: normal for one (its Poisson spread), then Student's t (two-sided 95 %) for n − 1 = 1…5 degrees of freedom. */
const T95 = [Z95, 12.71, 4.3, 3.18, 2.78, 2.57];
/** Most recent hours at capacity the rate is taken from (assumption: the last 6, so a morning's slow start does not weigh on the evening). */
const CAPACITY_HOURS = 6;

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** `rows`: today's completed hours from midnight, in order. Undefined before the first hour ends. */
export function projectDay(rows: readonly HourRow[], demandPerDay: number, process: Scene['process']): DayProjection | undefined {
  const done = Math.min(rows.length, HOURS);
  if (done === 0) return undefined;
  const today = rows.slice(0, done);
  const clearedSoFar = sum(today.map((r) => r.cleared));
  const open = (h: number) => h >= process.openingHours.openHour && h < process.openingHours.closeHour;
  const shares = process.arrivalProfile.hourlyShare;
  const total = sum(shares) || 1;
  const expectedSoFar = (demandPerDay * sum(shares.slice(0, done))) / total;
  const arrivedSoFar = sum(today.map((r) => r.arrived));
  // How today's arrivals run against the profile (1 when no arrival was expected yet).
  const runRate = expectedSoFar > 0 ? arrivedSoFar / expectedSoFar : 1;
  const toArrive = shares.map((s, h) => (h < done ? 0 : (demandPerDay * s * runRate) / total));
  const inside = today.at(-1)!.inside;

  const clears = (rate: number) => {
    let queue = inside;
    let out = 0;
    for (let h = done; h < HOURS; h++) {
      queue += toArrive[h]!;
      const served = open(h) ? Math.min(queue, Math.max(0, rate)) : 0;
      queue -= served;
      out += served;
    }
    return out;
  };

  const atCapacity = today.filter((r) => open(r.hour % HOURS) && r.cleared > 0 && r.inside >= r.cleared).slice(-CAPACITY_HOURS);
  if (atCapacity.length === 0) {
    // No queue yet: the gate has cleared what came, at rates up to its best hour so far; beyond that it is unproven.
    const keepUp = inside + sum(toArrive);
    const best = Math.max(...today.map((r) => r.cleared));
    const atBest = clears(best);
    const band = Z95 * Math.sqrt(atBest);
    const proven = atBest >= keepUp - 0.5;
    return bounded({
      clearedSoFar,
      hoursDone: done,
      expected: clearedSoFar + atBest,
      low: clearedSoFar + atBest - band,
      high: clearedSoFar + (proven ? atBest + band : keepUp + Z95 * Math.sqrt(keepUp)),
      basis: proven ? 'demand' : 'pace',
    });
  }
  const rates = atCapacity.map((r) => r.cleared);
  const mean = sum(rates) / rates.length;
  const n = rates.length;
  const sd = n > 1 ? Math.sqrt(sum(rates.map((x) => (x - mean) ** 2)) / (n - 1)) : Math.sqrt(mean);
  const q = T95[n - 1] ?? Z95;
  const openLeft = shares.map((_, h) => h >= done && open(h)).filter(Boolean).length;
  // The band on the rest of the day's total, spread as a per-hour rate over the open hours left.
  const perHour = openLeft > 0 ? (q * Math.sqrt(openLeft * sd * sd + (openLeft * openLeft * sd * sd) / n)) / openLeft : 0;
  return bounded({
    clearedSoFar,
    hoursDone: done,
    expected: clearedSoFar + clears(mean),
    low: clearedSoFar + clears(mean - perHour),
    high: clearedSoFar + clears(mean + perHour),
    basis: 'capacity',
  });
}

/** Whole vehicles, and never below what is already cleared. */
function bounded(p: DayProjection): DayProjection {
  const floor = (x: number) => Math.max(p.clearedSoFar, Math.round(x));
  return { ...p, expected: floor(p.expected), low: floor(p.low), high: floor(p.high) };
}
