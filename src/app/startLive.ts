/**
 * Starts the telemetry worker with the live engine and connects it to the broker with the user's credentials.
 * A worker that fails to load rejects with its message instead of leaving calls hanging.
 */
import * as Comlink from 'comlink';
import type { Scene } from '../domain/sceneSchema';
import type { LiveEngine } from '../telemetry/live/LiveEngine';
import { LiveSource, type LiveEngineHandle } from '../telemetry/LiveSource';

/** Silence after which a vehicle shows as stale: VDA 5050 vehicles send a state at least every 30 s. */
const STALE_AFTER_MS = 35_000;
/** Most vehicles drawn; the fleet tool's benchmark runs 2,000. */
const CAPACITY = 5000;

export interface RunningLive {
  readonly source: LiveSource;
  dispose(): void;
}

export async function startLive(scene: Scene, broker: string, username: string, password: string): Promise<RunningLive> {
  const worker = new Worker(new URL('../../workers/telemetry.worker.ts', import.meta.url), { type: 'module', name: 'telemetry' });
  const remote = Comlink.wrap<LiveEngine>(worker);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`telemetry worker failed: ${e.message || 'could not load'}`)));
  });
  try {
    const engine: LiveEngineHandle = remote;
    const source = await Promise.race([
      LiveSource.start(engine, {
        url: broker,
        username,
        password,
        maps: scene.telemetry?.maps ?? [],
        capacity: CAPACITY,
        staleAfterMs: STALE_AFTER_MS,
        facilityCount: scene.facilities.length,
      }),
      failed,
    ]);
    return {
      source,
      dispose: () => {
        source.dispose();
        remote[Comlink.releaseProxy]();
        worker.terminate();
      },
    };
  } catch (e) {
    worker.terminate();
    throw e;
  }
}
