/**
 * What several seeds of a forecast agree on: per bin the lowest, median and highest value of every metric, and
 * the hour's totals as [lowest, highest] with their median. The band is the spread of the seeds (the arrival
 * profile's randomness), not a confidence interval: with 5 seeds it is as wide as 5 draws make it.
 *
 * @example
 *   const band = forecastBand(forecast(scene, input, { seeds: [1, 2, 3], hours: 1 }));
 *   band.bins.trucksWaiting.median[0]; // queued trucks at +5 min, median seed
 */
import type { BinBand, ForecastBand, ForecastMetric, ForecastResult, ForecastTotals } from './forecastTypes';

const METRICS: readonly ForecastMetric[] = ['cleared', 'containers', 'trucksWaiting', 'agvBusyShare', 'plannerWaits'];
const TOTALS: readonly (keyof ForecastTotals)[] = ['cleared', 'containers', 'plannerWaits'];

export function forecastBand(results: readonly ForecastResult[]): ForecastBand {
  const first = results[0];
  if (!first) throw new RangeError('no forecast results to band');
  for (const r of results) {
    if (r.fromS !== first.fromS || r.toS !== first.toS || r.binS !== first.binS || r.bins.cleared.length !== first.bins.cleared.length)
      throw new RangeError(`forecast of seed ${r.seed} covers another span than seed ${first.seed}'s`);
  }
  const bins = {} as Record<ForecastMetric, BinBand>;
  for (const m of METRICS) {
    const band = { min: [] as number[], median: [] as number[], max: [] as number[] };
    for (let b = 0; b < first.bins[m].length; b++) {
      const values = results.map((r) => r.bins[m][b]!);
      band.min.push(Math.min(...values));
      band.median.push(median(values));
      band.max.push(Math.max(...values));
    }
    bins[m] = band;
  }
  const totals = {} as Record<keyof ForecastTotals, readonly [number, number]>;
  const medianTotals = {} as Record<keyof ForecastTotals, number>;
  for (const k of TOTALS) {
    const values = results.map((r) => r.totals[k]);
    totals[k] = [Math.min(...values), Math.max(...values)];
    medianTotals[k] = median(values);
  }
  return { seeds: results.length, fromS: first.fromS, toS: first.toS, binS: first.binS, bins, totals, medianTotals };
}

/** The middle value; for an even count, the mean of the two middle ones. */
function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 === 1 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
}
