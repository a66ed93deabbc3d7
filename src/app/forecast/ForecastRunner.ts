/**
 * The operations console's one-hour forecast, React-free: on request it packs the latest prediction round and the
 * source's fleet list into a {@link ForecastInput}, starts a forecast worker, runs 5 seeds of one hour with
 * progress, and puts the band into the traffic store (`forecast`); the worker ends after each run, and a cancel
 * ends it at once. In replay the forecast is then scored against what the recording shows after its start.
 * A worker that fails to load or a run that throws shows as a failed forecast, with the reason.
 *
 * @example
 *   const runner = new ForecastRunner({ scene, source, store: traffic, createWorker: () => new Worker(url, { type: 'module' }) });
 *   runner.start(); // traffic.getState().forecast?.status === 'running'
 */
import * as Comlink from 'comlink';
import type { Scene } from '../../domain/sceneSchema';
import type { ForecastEngine, ForecastProgress } from '../../sim/forecast/ForecastEngine';
import type { ForecastInput, ForecastOptions } from '../../sim/forecast/forecastTypes';
import type { ForecastView, TrafficStore } from '../../store/traffic/trafficStore';
import type { RecordingTruth } from '../../telemetry/replay/recordingTruth';
import type { SourceKind, SourceState } from '../../telemetry/TelemetrySource';
import { forecastInput } from './forecastInput';
import { workerHandle } from '../workerHandle';
import { scoreForecast } from './forecastScore';

/** The console's forecast: five seeds (the band is their spread) of one hour. */
export const CONSOLE_FORECAST: ForecastOptions = { seeds: [1, 2, 3, 4, 5], hours: 1 };

/** A running source as the forecast sees it: its kind (for the clock), its fleet list, and in replay the recording after a time. */
export interface ForecastSource {
  readonly kind: SourceKind;
  readonly state$: { readonly value: Pick<SourceState, 'fleet'> };
  truthAfter?(clockS: number): Promise<RecordingTruth>;
}

export interface ForecastRunnerOptions {
  readonly scene: Scene;
  readonly source: ForecastSource;
  readonly store: TrafficStore;
  /** A new forecast worker (`workers/forecast.worker.ts`), created by the caller so that Vite bundles it. */
  readonly createWorker: () => Worker;
  readonly now?: () => number;
}

export class ForecastRunner {
  private runs = 0;
  private endWorker: (() => void) | undefined;

  constructor(private readonly o: ForecastRunnerOptions) {}

  get running(): boolean {
    return this.endWorker !== undefined;
  }

  /** Starts a forecast from the latest round; does nothing while one runs or before the first round. */
  start(): void {
    const snapshot = this.o.store.getState().snapshot;
    if (this.running || !snapshot) return;
    const run = ++this.runs;
    const { source, scene, store } = this.o;
    const now = this.o.now ?? (() => performance.now());
    const fromS = snapshot.clockS;
    let input: ForecastInput;
    let worker: Worker;
    try {
      input = forecastInput(snapshot, source.state$.value.fleet?.vehicles ?? [], source.kind === 'sim');
      worker = this.o.createWorker();
    } catch (e) {
      store.getState().setForecast({ status: 'failed', reason: messageOf(e) });
      return;
    }
    const { remote, failed, end } = workerHandle<ForecastEngine>(worker, 'forecast');
    this.endWorker = () => {
      this.endWorker = undefined;
      end();
    };
    const publish = (view: ForecastView) => run === this.runs && store.getState().setForecast(view);
    publish({ status: 'running', fromS, seedsDone: 0, seeds: CONSOLE_FORECAST.seeds.length });
    // Progress comes over its own message port, so the last of it may arrive after the result: drop it then.
    let finished = false;
    const onProgress = Comlink.proxy((p: ForecastProgress) => finished || publish({ status: 'running', fromS, seedsDone: p.seedsDone, seeds: p.seeds }));
    const startedAt = now();
    void Promise.race([remote.run(scene, input, CONSOLE_FORECAST, onProgress), failed])
      .then(async ({ results, band }) => {
        finished = true;
        if (run !== this.runs) return;
        this.endWorker?.();
        const done = { status: 'done', fromS, toS: fromS + CONSOLE_FORECAST.hours * 3600, band, wallMs: now() - startedAt } as const;
        publish(done);
        if (!source.truthAfter) return;
        const score = await source
          .truthAfter(fromS)
          .then((truth) => scoreForecast(results, truth, snapshot.keys))
          .catch((e: unknown) => ({ reason: `the forecast could not be scored against the recording: ${messageOf(e)}` }));
        publish({ ...done, score });
      })
      .catch((e: unknown) => {
        finished = true;
        if (run !== this.runs) return;
        this.endWorker?.();
        publish({ status: 'failed', reason: messageOf(e) });
      });
  }

  /** Ends a running forecast's worker; the console shows no forecast. */
  cancel(): void {
    if (!this.running) return;
    this.runs++;
    this.endWorker?.();
    this.o.store.getState().setForecast(undefined);
  }

  /** Ends any run and forgets the forecast (its source or scene is gone). */
  dispose(): void {
    this.runs++;
    this.endWorker?.();
    this.o.store.getState().setForecast(undefined);
  }
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
