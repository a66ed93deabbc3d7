/**
 * How far a forecast made at T was from what the recording shows after T ({@link recordingTruth}): the mean
 * distance between forecast and recorded positions at +5 and +15 min, over the seeds and the AGVs present in
 * both (the forecast's AGV i is `keys[i]`), and the containers moved over the whole bins the recording covers:
 * the seeds' median minus the recorded count, and whether the count lies within the seeds' [lo, hi]. A figure
 * with nothing to compare is left out. This is the honest score: nothing is tuned to it.
 *
 * @example
 *   const e = forecastError(results, await engine.truthAfter(clockS), keys);
 *   e.positionM15; // metres, mean over seeds and AGVs
 */
import type { ForecastResult } from '../../sim/forecast/forecastTypes';
import type { RecordingTruth } from './recordingTruth';

export interface ForecastError {
  readonly positionM5?: number;
  readonly positionM15?: number;
  /** AGVs scored at +5 and +15 min. */
  readonly agvs5: number;
  readonly agvs15: number;
  /** Seeds' median − recorded, over {@link overS}. */
  readonly containers?: number;
  readonly containersRecorded?: number;
  readonly containersBand?: readonly [number, number];
  readonly containersWithin?: boolean;
  /** Seconds after T the containers were compared over (whole bins both cover). */
  readonly overS: number;
}

export function forecastError(forecast: readonly ForecastResult[], truth: RecordingTruth, keys: readonly string[]): ForecastError {
  const first = forecast[0];
  if (!first) throw new RangeError('no forecast results to score');
  if (first.binS !== truth.binS) throw new RangeError(`forecast bins of ${first.binS} s and recorded bins of ${truth.binS} s do not compare`);
  const position = (afterS: number): { mean?: number; agvs: number } => {
    const recorded = truth.positions.find((p) => p.afterS === afterS);
    if (!recorded) return { agvs: 0 };
    let sum = 0;
    let count = 0;
    let agvs = 0;
    keys.forEach((key, i) => {
      const r = recorded.at[key];
      if (!r) return;
      agvs++;
      for (const f of forecast) {
        const p = f.positions.find((q) => q.afterS === afterS);
        if (!p || i >= p.x.length) continue;
        sum += Math.hypot(p.x[i]! - r.x, p.y[i]! - r.y);
        count++;
      }
    });
    return count > 0 ? { mean: sum / count, agvs } : { agvs: 0 };
  };
  const at5 = position(300);
  const at15 = position(900);
  const bins = Math.min(truth.containersPerBin.length, first.bins.containers.length);
  const sumBins = (xs: readonly number[]) => xs.slice(0, bins).reduce((a, b) => a + b, 0);
  const containers = (): Partial<ForecastError> => {
    if (bins === 0) return {};
    const seeds = forecast.map((f) => sumBins(f.bins.containers)).sort((a, b) => a - b);
    const k = seeds.length >> 1;
    const median = seeds.length % 2 === 1 ? seeds[k]! : (seeds[k - 1]! + seeds[k]!) / 2;
    const recorded = sumBins(truth.containersPerBin);
    const lo = seeds[0]!;
    const hi = seeds.at(-1)!;
    return { containers: median - recorded, containersRecorded: recorded, containersBand: [lo, hi], containersWithin: recorded >= lo && recorded <= hi };
  };
  return {
    ...(at5.mean === undefined ? {} : { positionM5: at5.mean }),
    ...(at15.mean === undefined ? {} : { positionM15: at15.mean }),
    agvs5: at5.agvs,
    agvs15: at15.agvs,
    ...containers(),
    overS: bins * first.binS,
  };
}
