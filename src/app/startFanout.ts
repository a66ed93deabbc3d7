/**
 * Starts the fan-out worker: the live fleet as the control-room server that serves this page sends it (one socket,
 * the session cookie of the signed-in user). Commands go through the server's route and the server records the
 * feed, so the source offers no recording of its own; traffic prediction reads the fleet the server packs.
 */
import type { Scene } from '../domain/sceneSchema';
import type { FanoutConnectOptions, FanoutEngine } from '../telemetry/fanout/FanoutEngine';
import { LiveSource, type LiveEngineHandle } from '../telemetry/LiveSource';
import type { SourceMetrics } from '../telemetry/SourceMetrics';
import { runInWorker, type RunningSource } from './runInWorker';

export function startFanout(scene: Scene, metrics: SourceMetrics): Promise<RunningSource<LiveSource>> {
  const worker = new Worker(new URL('../../workers/fanout.worker.ts', import.meta.url), { type: 'module', name: 'telemetry' });
  const { protocol, host, origin } = window.location;
  const options: FanoutConnectOptions = {
    url: `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/api/fleet`,
    httpBase: origin,
    sceneId: scene.id,
  };
  return runInWorker<FanoutEngine, LiveSource>(worker, 'telemetry', (remote) => {
    const engine = remote as unknown as LiveEngineHandle<FanoutConnectOptions>;
    return LiveSource.start(engine, options, metrics, { record: false });
  });
}
