/**
 * One simulated day of an experiment as a worker serves it (workers/experiment.worker.ts in the browser,
 * scripts/experiment/dayWorker.ts in Node only expose this class): the layouts are handed over once, then each
 * job names its layout and carries only its options, so a pool of workers does not copy a scene per job.
 *
 * @example
 *   const engine = new ExperimentEngine();
 *   engine.load([{ id: 'x1', label: 'x1', scene }]);
 *   const { kpis } = engine.run({ layout: 'x1', agvs: 40, seed: 1 }, spec);
 */
import { runReplication, type ReplicationResult } from '../study/runReplication';
import { jobOptions, type ExperimentJob, type ExperimentLayout, type ExperimentSpec } from './experiment';

export class ExperimentEngine {
  private readonly scenes = new Map<string, ExperimentLayout['scene']>();

  load(layouts: readonly ExperimentLayout[]): void {
    for (const l of layouts) this.scenes.set(l.id, l.scene);
  }

  run(job: ExperimentJob, spec: ExperimentSpec): ReplicationResult {
    const scene = this.scenes.get(job.layout);
    if (!scene) throw new Error(`layout ${job.layout} was not loaded into this worker`);
    return runReplication(scene, jobOptions(spec, job));
  }
}
