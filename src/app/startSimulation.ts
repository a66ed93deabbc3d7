/** Starts the simulation engine in its web worker and the source that drives it. */
import type { Scene } from '../domain/sceneSchema';
import type { RecordingSimEngine } from '../telemetry/recording/RecordingSimEngine';
import type { SourceMetrics } from '../telemetry/SourceMetrics';
import { SimSource, type SimEngineHandle } from '../telemetry/SimSource';
import { runInWorker, type RunningSource } from './runInWorker';
import type { SimUrl } from './simUrl';

export function startSimulation(
  scene: Scene,
  settings: Pick<SimUrl, 'options' | 'startS' | 'speed'>,
  metrics: SourceMetrics,
): Promise<RunningSource<SimSource>> {
  const worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
  return runInWorker<RecordingSimEngine, SimSource>(worker, 'simulation', (remote) => {
    const engine: SimEngineHandle = remote;
    return SimSource.start(engine, scene, settings.options, settings.startS, settings.speed, metrics);
  });
}
