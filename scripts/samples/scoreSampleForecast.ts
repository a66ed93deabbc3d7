/**
 * The console's forecast made in replay of the forecast sample ({@link FORECAST_SAMPLE}) and scored as the console
 * scores it: the recording played from its start to the playhead (so speeds are estimated as when watching it),
 * the fleet packed for prediction, {@link forecastInput} from that round and the fleet list, the console's five
 * seeds of one hour, then {@link scoreForecast} against what the recording shows after the playhead. Nothing
 * here is tuned to the sample: it is the console's path without the workers.
 *
 * @example
 *   const s = await scoreSampleForecast(8 * 60);
 *   s.score.error.positionM15; // m, mean over seeds and AGVs
 */
import { readFileSync } from 'node:fs';
import { sceneMaps } from '../../src/domain/mapPlacement';
import { packedLength } from '../../src/domain/packedFrame';
import { parseScene } from '../../src/domain/parseScene';
import type { Scene } from '../../src/domain/sceneSchema';
import { trafficInput, trafficInputBytes } from '../../src/domain/trafficFrame';
import { CONSOLE_FORECAST } from '../../src/app/forecast/ForecastRunner';
import { forecastInput } from '../../src/app/forecast/forecastInput';
import { scoreForecast } from '../../src/app/forecast/forecastScore';
import { forecast } from '../../src/sim/forecast/forecast';
import { forecastBand } from '../../src/sim/forecast/forecastBand';
import type { ForecastBand, ForecastOptions } from '../../src/sim/forecast/forecastTypes';
import type { ForecastScore } from '../../src/store/traffic/trafficStore';
import { ReplayEngine } from '../../src/telemetry/replay/ReplayEngine';
import traffic from '../../data/traffic.json';
import { FORECAST_SAMPLE } from './recordZoneSample';

export interface SampleForecastScore {
  /** Playhead, s after the recording's start. */
  readonly afterStartS: number;
  readonly band: ForecastBand;
  readonly score: ForecastScore;
}

/** Forecasts at `afterStartS` seconds into the sample and scores it; `options` default to the console's. */
export async function scoreSampleForecast(afterStartS: number, options: ForecastOptions = CONSOLE_FORECAST): Promise<SampleForecastScore> {
  const scene = sampleScene();
  const engine = new ReplayEngine();
  const info = await engine.open({
    source: new Uint8Array(readFileSync(FORECAST_SAMPLE.out)),
    name: FORECAST_SAMPLE.out,
    maps: sceneMaps(scene),
    capacity: 64,
    staleAfterMs: 35_000,
    facilityCount: 0,
    laneNodes: scene.lanes.nodes,
  });
  if (!(afterStartS >= 0 && info.startS + afterStartS <= info.endS))
    throw new RangeError(`the playhead must lie within the recording's ${info.endS - info.startS} s (got ${afterStartS} s)`);
  engine.attach(new Float32Array(packedLength(info.layout)));
  const routeCap = traffic.routeCap.value;
  const input = trafficInput(64, routeCap, new ArrayBuffer(trafficInputBytes(64, routeCap)));
  engine.attachTraffic(input.buffer, input.capacity, routeCap);
  // Played forward from the start, a second at a time, as a viewer would reach the playhead.
  for (let s = 0; s <= afterStartS; s++) await engine.advanceTo(info.startS + s);
  const pack = engine.packTraffic();
  const n = pack.keys.length;
  const round = {
    clockS: pack.clockS,
    keys: pack.keys,
    routeCap,
    x: input.x.slice(0, n),
    y: input.y.slice(0, n),
    routeLen: input.routeLen.slice(0, n),
    route: input.route.slice(0, n * routeCap),
  };
  const results = forecast(scene, forecastInput(round, engine.snapshot().vehicles, false), options);
  const score = scoreForecast(results, await engine.truthAfter(pack.clockS), pack.keys);
  return { afterStartS, band: forecastBand(results), score };
}

function sampleScene(): Scene {
  const parsed = parseScene(readFileSync(FORECAST_SAMPLE.scene, 'utf8'), FORECAST_SAMPLE.scene);
  if (!parsed.ok) throw new Error(`${FORECAST_SAMPLE.scene}: invalid scene`);
  return parsed.scene;
}
