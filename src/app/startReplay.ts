/** Starts the replay worker with a recording and the source that plays it. */
import { sceneMaps } from '../domain/mapPlacement';
import type { Scene } from '../domain/sceneSchema';
import type { RecordingBytes } from '../telemetry/recording/byteSource';
import type { HttpRangeRef } from '../telemetry/recording/httpRange';
import type { ReplayEngine } from '../telemetry/replay/ReplayEngine';
import { ReplaySource, type ReplayEngineHandle } from '../telemetry/ReplaySource';
import type { SourceMetrics } from '../telemetry/SourceMetrics';
import { collisionOptionsFor } from './collisionOptions';
import { runInWorker, type RunningSource } from './runInWorker';
import { DEFAULT_STALE_AFTER_S } from './sourceUrl';
import { CAPACITY } from './startLive';

export function startReplay(
  scene: Scene,
  name: string,
  source: RecordingBytes | HttpRangeRef,
  metrics: SourceMetrics,
): Promise<RunningSource<ReplaySource>> {
  const worker = new Worker(new URL('../../workers/replay.worker.ts', import.meta.url), { type: 'module', name: 'replay' });
  return runInWorker<ReplayEngine, ReplaySource>(worker, 'replay', (remote) => {
    const engine: ReplayEngineHandle = remote;
    return ReplaySource.start(
      engine,
      {
        source,
        name,
        maps: sceneMaps(scene),
        capacity: CAPACITY,
        staleAfterMs: DEFAULT_STALE_AFTER_S * 1000,
        facilityCount: scene.facilities.length,
        collision: collisionOptionsFor(scene),
        laneNodes: scene.lanes.nodes,
      },
      metrics,
    );
  });
}
