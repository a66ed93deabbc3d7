/**
 * Starts the simulation engine in its web worker and the source that drives it. A worker that fails to load
 * (a script error, a blocked module) rejects with its message instead of leaving calls hanging.
 */
import * as Comlink from 'comlink';
import type { Scene } from '../domain/sceneSchema';
import type { SimulationEngine } from '../sim/SimulationEngine';
import { SimSource, type SimEngineHandle } from '../telemetry/SimSource';
import type { SimUrl } from './simUrl';

export interface RunningSimulation {
  readonly source: SimSource;
  dispose(): void;
}

export async function startSimulation(scene: Scene, settings: SimUrl): Promise<RunningSimulation> {
  const worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
  const remote = Comlink.wrap<SimulationEngine>(worker);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`simulation worker failed: ${e.message || 'could not load'}`)));
  });
  try {
    const engine: SimEngineHandle = remote;
    const source = await Promise.race([SimSource.start(engine, scene, settings.options, settings.startS, settings.speed), failed]);
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
