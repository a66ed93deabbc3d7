import type { ForecastBand } from '../../sim/forecast/forecastTypes';

/**
 * The forecast hour's AGV busy share for the panel, in %: the lowest and highest of the seeds' per-bin busy
 * shares, each averaged over the hour's bins (the same busy time as the simulation HUD's figure, over the hour
 * ahead rather than since midnight). One figure when they round alike: "100 %", not "100–100 %".
 *
 * @example
 *   forecastBusyShare(band, (v) => v.toFixed(0)); // "87–100 %"
 */
export function forecastBusyShare(band: Pick<ForecastBand, 'bins'>, num: (v: number) => string): string {
  const mean = (xs: readonly number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const lo = num(100 * mean(band.bins.agvBusyShare.min));
  const hi = num(100 * mean(band.bins.agvBusyShare.max));
  return lo === hi ? `${lo} %` : `${lo}–${hi} %`;
}
