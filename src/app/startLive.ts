/** Starts the telemetry worker with the live engine and connects it to the broker with the user's credentials. */
import { sceneMaps } from '../domain/mapPlacement';
import type { Scene } from '../domain/sceneSchema';
import type { LiveEngine } from '../telemetry/live/LiveEngine';
import { LiveSource, type LiveEngineHandle } from '../telemetry/LiveSource';
import type { SourceMetrics } from '../telemetry/SourceMetrics';
import { collisionOptionsFor } from './collisionOptions';
import { runInWorker, type RunningSource } from './runInWorker';
import { DEFAULT_STALE_AFTER_S, readSourceUrl } from './sourceUrl';

/** Most vehicles drawn; the live benchmark runs 2,000. */
export const CAPACITY = 5000;

/**
 * The page's `stale=<seconds>`, or the default. App has already read the same URL with {@link readSourceUrl} and
 * reported a wrong value as a problem; reading it again here keeps the login hook's signature unchanged.
 */
function staleAfterSFromUrl(): number {
  const { request } = readSourceUrl(window.location.search);
  return request.kind === 'live' && request.staleAfterS !== undefined ? request.staleAfterS : DEFAULT_STALE_AFTER_S;
}

/**
 * Connects to `broker` as `username`; a vehicle silent for `staleAfterS` seconds shows as stale (VDA 5050
 * vehicles send a state at least every 30 s, hence the default 35).
 */
export function startLive(
  scene: Scene,
  broker: string,
  username: string,
  password: string,
  metrics: SourceMetrics,
  staleAfterS: number = staleAfterSFromUrl(),
): Promise<RunningSource<LiveSource>> {
  const worker = new Worker(new URL('../../workers/telemetry.worker.ts', import.meta.url), { type: 'module', name: 'telemetry' });
  return runInWorker<LiveEngine, LiveSource>(worker, 'telemetry', (remote) => {
    const engine: LiveEngineHandle = remote;
    return LiveSource.start(
      engine,
      {
        url: broker,
        username,
        password,
        maps: sceneMaps(scene),
        capacity: CAPACITY,
        staleAfterMs: staleAfterS * 1000,
        facilityCount: scene.facilities.length,
        collision: collisionOptionsFor(scene),
        laneNodes: scene.lanes.nodes,
        laneNetwork: { nodes: scene.lanes.nodes, edges: scene.lanes.edges, agvMaxSpeedMps: scene.fleet.agv.maxSpeedMps.value },
      },
      metrics,
    );
  });
}
