/** Starts the replay worker with a recording and the source that plays it. */
import { sceneMaps } from '../domain/mapPlacement';
import type { Scene } from '../domain/sceneSchema';
import type { RecordingBytes } from '../telemetry/recording/byteSource';
import type { ReplayEngine } from '../telemetry/replay/ReplayEngine';
import { ReplaySource, type ReplayEngineHandle } from '../telemetry/ReplaySource';
import { collisionOptionsFor } from './collisionOptions';
import { runInWorker, type RunningSource } from './runInWorker';

/** Most vehicles drawn, as live. */
const CAPACITY = 5000;
/** As live: a vehicle silent this long (recording time) shows as stale; VDA 5050 asks for a state every 30 s. */
const STALE_AFTER_MS = 35_000;

export function startReplay(scene: Scene, name: string, source: RecordingBytes): Promise<RunningSource<ReplaySource>> {
  const worker = new Worker(new URL('../../workers/replay.worker.ts', import.meta.url), { type: 'module', name: 'replay' });
  return runInWorker<ReplayEngine, ReplaySource>(worker, 'replay', (remote) => {
    const engine: ReplayEngineHandle = remote;
    return ReplaySource.start(engine, {
      source,
      name,
      maps: sceneMaps(scene),
      capacity: CAPACITY,
      staleAfterMs: STALE_AFTER_MS,
      facilityCount: scene.facilities.length,
      collision: collisionOptionsFor(scene),
    });
  });
}
