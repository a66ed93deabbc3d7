/**
 * Runs traffic prediction on the running source while it has a fleet to pack (`source.traffic`): starts the
 * planner and collision workers, a {@link TrafficService} on them, and a round every `roundPeriodS` of wall time;
 * ends both workers when the source or the scene changes. A worker that fails to load, or a round that throws,
 * shows as the store's `failure` (the console lists it), and prediction stops rather than repeat the error.
 */
import { useEffect } from 'react';
import safety from '../../../data/safety.json' with { type: 'json' };
import traffic from '../../../data/traffic.json' with { type: 'json' };
import type { Scene } from '../../domain/sceneSchema';
import type { TrafficStore } from '../../store/traffic/trafficStore';
import { ALERT_THRESHOLDS } from '../../telemetry/alerts/alertThresholds';
import type { SourceState, TrafficPort } from '../../telemetry/TelemetrySource';
import { workerHandle } from '../workerHandle';
import { checkpointNodes } from './checkpointNodes';
import type { TrafficCollisionEngine } from '../../collision/traffic/TrafficCollisionEngine';
import type { TrafficPlannerEngine } from '../../planning/traffic/TrafficPlannerEngine';
import { TrafficService } from './TrafficService';

const PERIOD_MS = traffic.roundPeriodS.value * 1000;

/** A running source as prediction sees it: its fleet port and its latest state (for the checkpoints out of service). */
export interface PredictedSource {
  readonly traffic?: TrafficPort;
  readonly state$: { readonly value: Pick<SourceState, 'facilitiesDown'> };
}

export function useTrafficPrediction(source: PredictedSource | undefined, scene: Scene | undefined, store: TrafficStore): void {
  useEffect(() => {
    const port = source?.traffic;
    if (!source || !port || !scene) return;
    if (typeof SharedArrayBuffer === 'undefined') {
      store.getState().fail('traffic prediction needs a cross-origin isolated page (SharedArrayBuffer)');
      return;
    }
    const planner = workerHandle<TrafficPlannerEngine>(
      new Worker(new URL('../../../workers/planner.worker.ts', import.meta.url), { type: 'module', name: 'planner' }),
      'planner',
    );
    const collision = workerHandle<TrafficCollisionEngine>(
      new Worker(new URL('../../../workers/collision.worker.ts', import.meta.url), { type: 'module', name: 'collision' }),
      'collision',
    );
    const service = new TrafficService({
      scene,
      port,
      planner: planner.remote,
      finder: collision.remote,
      store,
      clearanceM: safety.collision.nearMissClearanceM.value,
      waitingTooLongS: ALERT_THRESHOLDS.waitingTooLongS,
      checkpointNodes: checkpointNodes(scene),
      facilitiesDown: () => source.state$.value.facilitiesDown ?? [],
      now: () => performance.now(),
    });
    let stopped = false;
    const stop = (e: unknown) => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      store.getState().fail(e instanceof Error ? e.message : String(e));
    };
    planner.failed.catch(stop);
    collision.failed.catch(stop);
    const timer = setInterval(() => void service.round().catch(stop), PERIOD_MS);
    void service.round().catch(stop);
    return () => {
      stopped = true;
      clearInterval(timer);
      service.dispose();
      planner.end();
      collision.end();
      store.getState().fail(undefined);
    };
  }, [source, scene, store]);
}
