/**
 * Runs an experiment's jobs on a pool of workers: `concurrency` jobs at a time, each handed to `run` (a worker
 * thread in Node, a web worker in the browser), every finished job reported at once through `onRecord` so the
 * caller keeps it (a file line, the panel's table). A job that fails is recorded with its message and the rest go
 * on. An abort stops handing out jobs and stops waiting for the ones under way; what finished is kept.
 *
 * @example
 *   const { records, cancelled } = await runExperiment(jobs, (job) => pool.run(job), { concurrency: 2, onRecord: save });
 */
import type { ReplicationResult } from '../study/runReplication';
import type { ExperimentJob } from './experiment';

export interface JobRecord {
  readonly job: ExperimentJob;
  readonly result?: ReplicationResult;
  /** Why the job gave no result (the worker's error). */
  readonly error?: string;
}

export interface ExperimentRun {
  readonly records: readonly JobRecord[];
  /** True when the abort signal stopped it before every job had finished. */
  readonly cancelled: boolean;
}

export interface RunOptions {
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  readonly onRecord?: (record: JobRecord) => void;
}

/**
 * `settled` settles with undefined as soon as the signal aborts, whatever the job does; `release` takes the
 * listener off a signal that may outlive the run (one controller for many runs).
 */
function untilAborted(signal: AbortSignal | undefined): { settled: Promise<undefined>; release: () => void } {
  let release = () => {};
  const settled = new Promise<undefined>((resolve) => {
    if (!signal) return;
    if (signal.aborted) return resolve(undefined);
    const onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    release = () => signal.removeEventListener('abort', onAbort);
  });
  return { settled, release };
}

export async function runExperiment(
  jobs: readonly ExperimentJob[],
  run: (job: ExperimentJob) => Promise<ReplicationResult>,
  { concurrency, signal, onRecord }: RunOptions,
): Promise<ExperimentRun> {
  const records: JobRecord[] = [];
  const { settled: aborted, release } = untilAborted(signal);
  let next = 0;
  const keep = (record: JobRecord) => {
    records.push(record);
    onRecord?.(record);
  };
  const lane = async () => {
    while (next < jobs.length && !signal?.aborted) {
      const job = jobs[next++]!;
      try {
        const result = await Promise.race([run(job), aborted]);
        if (result === undefined || signal?.aborted) return;
        keep({ job, result });
      } catch (e) {
        if (signal?.aborted) return;
        keep({ job, error: e instanceof Error ? e.message : String(e) });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, lane));
  } finally {
    release();
  }
  return { records, cancelled: records.length < jobs.length && signal?.aborted === true };
}
