/**
 * A replayed forecast's score ({@link forecastError}) with, for every figure it could not give, the reason in
 * words: the recording ends before +5 or +15 minutes or before a whole 5-minute bin, or none of the forecast's
 * AGVs is in the recording then.
 */
import { FORECAST_BIN_S, type ForecastResult } from '../../sim/forecast/forecastTypes';
import type { ForecastScore } from '../../store/traffic/trafficStore';
import { forecastError } from '../../telemetry/replay/forecastError';
import type { RecordingTruth } from '../../telemetry/replay/recordingTruth';

export function scoreForecast(results: readonly ForecastResult[], truth: RecordingTruth, keys: readonly string[]): ForecastScore {
  const error = forecastError(results, truth, keys);
  const missing: string[] = [];
  const position = (afterS: number, value: number | undefined) => {
    if (value !== undefined) return;
    missing.push(
      truth.coveredS < afterS
        ? `no position at +${afterS / 60} min (the recording ends ${Math.floor(truth.coveredS)} s after the forecast's start)`
        : `no AGV of the forecast is in the recording at +${afterS / 60} min`,
    );
  };
  position(300, error.positionM5);
  position(900, error.positionM15);
  if (error.containers === undefined) missing.push(`no containers compared (the recording holds no whole ${FORECAST_BIN_S / 60} minutes after the start)`);
  return { error, coveredS: truth.coveredS, ...(missing.length > 0 ? { reason: missing.join('; ') } : {}) };
}
