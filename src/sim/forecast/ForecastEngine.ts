/**
 * The forecast as a worker serves it (workers/forecast.worker.ts): every seed's hour and their band in one call,
 * with progress per seed through a callback (a Comlink proxy from the page). Plain data in and out.
 *
 * @example
 *   const { band } = new ForecastEngine().run(scene, { timeOfDayS: 36000, agvs }, { seeds: [1, 2, 3, 4, 5], hours: 1 });
 *   band.totals.containers; // [lo, hi]
 */
import type { Scene } from '../../domain/sceneSchema';
import { forecast } from './forecast';
import { forecastBand } from './forecastBand';
import type { ForecastBand, ForecastInput, ForecastOptions, ForecastResult } from './forecastTypes';

export interface ForecastProgress {
  readonly seedsDone: number;
  readonly seeds: number;
  readonly fraction: number;
}

export interface ForecastRun {
  readonly results: readonly ForecastResult[];
  readonly band: ForecastBand;
}

export class ForecastEngine {
  run(scene: Scene, input: ForecastInput, options: ForecastOptions, onProgress?: (p: ForecastProgress) => void): ForecastRun {
    const results = forecast(scene, input, options, (done, total) => onProgress?.({ seedsDone: done, seeds: total, fraction: done / total }));
    return { results, band: forecastBand(results) };
  }
}
