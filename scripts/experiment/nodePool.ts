/**
 * An experiment's days on a pool of Node worker threads (piscina, a well-kept pool by Node's own maintainers:
 * a task queue, abort signals, worker restarts on a crash), one thread per core unless told otherwise.
 *
 * @example
 *   const run = await runOnThreads(layouts, spec, jobs, { threads: 2, onRecord: save });
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ExperimentJob, ExperimentLayout, ExperimentSpec } from '../../src/sim/experiment/experiment';
import { runExperiment, type ExperimentRun, type JobRecord } from '../../src/sim/experiment/runExperiment';
import type { ReplicationResult } from '../../src/sim/study/runReplication';

export interface ThreadOptions {
  /** Worker threads; every core by default. */
  readonly threads?: number;
  readonly signal?: AbortSignal;
  readonly onRecord?: (record: JobRecord) => void;
}

export const defaultThreads = (): number => availableParallelism();

export async function runOnThreads(
  layouts: readonly ExperimentLayout[],
  spec: ExperimentSpec,
  jobs: readonly ExperimentJob[],
  { threads = defaultThreads(), signal, onRecord }: ThreadOptions = {},
): Promise<ExperimentRun> {
  const pool = new Piscina({
    filename: new URL('./dayWorker.ts', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    workerData: { layouts },
  });
  try {
    return await runExperiment(jobs, (job) => pool.run({ job, spec }, { signal }) as Promise<ReplicationResult>, {
      concurrency: threads,
      ...(signal ? { signal } : {}),
      ...(onRecord ? { onRecord } : {}),
    });
  } finally {
    await pool.destroy();
  }
}
