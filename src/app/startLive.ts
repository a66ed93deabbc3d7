/** Starts the telemetry worker with the live engine and connects it to the broker with the user's credentials. */
import type { Scene } from '../domain/sceneSchema';
import type { LiveEngine } from '../telemetry/live/LiveEngine';
import { LiveSource, type LiveEngineHandle } from '../telemetry/LiveSource';
import { runInWorker, type RunningSource } from './runInWorker';

/** Silence after which a vehicle shows as stale: VDA 5050 vehicles send a state at least every 30 s. */
const STALE_AFTER_MS = 35_000;
/** Most vehicles drawn; the fleet tool's benchmark runs 2,000. */
const CAPACITY = 5000;

export function startLive(scene: Scene, broker: string, username: string, password: string): Promise<RunningSource<LiveSource>> {
  const worker = new Worker(new URL('../../workers/telemetry.worker.ts', import.meta.url), { type: 'module', name: 'telemetry' });
  return runInWorker<LiveEngine, LiveSource>(worker, 'telemetry', (remote) => {
    const engine: LiveEngineHandle = remote;
    return LiveSource.start(engine, {
      url: broker,
      username,
      password,
      maps: scene.telemetry?.maps ?? [],
      capacity: CAPACITY,
      staleAfterMs: STALE_AFTER_MS,
      facilityCount: scene.facilities.length,
    });
  });
}
