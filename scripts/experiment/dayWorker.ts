/**
 * The Node worker thread of an experiment pool (piscina): the layouts come once as the pool's workerData; each
 * task is a job and the spec, answered with that day's replication result.
 */
import { workerData } from 'node:worker_threads';
import type { ExperimentJob, ExperimentLayout, ExperimentSpec } from '../../src/sim/experiment/experiment';
import { ExperimentEngine } from '../../src/sim/experiment/ExperimentEngine';
import type { ReplicationResult } from '../../src/sim/study/runReplication';

const engine = new ExperimentEngine();
engine.load((workerData as { layouts: ExperimentLayout[] }).layouts);

export default function runDay({ job, spec }: { job: ExperimentJob; spec: ExperimentSpec }): ReplicationResult {
  return engine.run(job, spec);
}
