/**
 * An experiment on a pool of web workers (workers/experiment.worker.ts), one per core the browser reports: each
 * worker is handed the layouts once, then one day at a time through the shared dispatcher (runExperiment), so a
 * fast worker takes the next day while a slow one finishes. A worker that fails (it could not load, or died)
 * fails its day with the reason and is replaced; cancelling terminates every worker at once.
 */
import * as Comlink from 'comlink';
import type { ExperimentJob, ExperimentLayout, ExperimentSpec } from '../../sim/experiment/experiment';
import type { ExperimentEngine } from '../../sim/experiment/ExperimentEngine';
import { runExperiment, type JobRecord } from '../../sim/experiment/runExperiment';
import type { ReplicationResult } from '../../sim/study/runReplication';
import type { ExperimentHandle } from '../../store/layout/ExperimentRunner';

interface Slot {
  readonly worker: Worker;
  readonly remote: Comlink.Remote<ExperimentEngine>;
  /** Rejects when the worker fails outside a call (load error, crash). */
  readonly failed: Promise<never>;
  /** Set when it has. */
  dead: boolean;
}

function openSlot(layouts: readonly ExperimentLayout[]): Slot {
  const worker = new Worker(new URL('../../../workers/experiment.worker.ts', import.meta.url), { type: 'module', name: 'experiment' });
  const remote = Comlink.wrap<ExperimentEngine>(worker);
  let fail: (e: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  // A failure before any day is asked must not go unhandled; the next day hears it.
  failed.catch(() => undefined);
  const slot: Slot = { worker, remote, failed, dead: false };
  worker.addEventListener('error', (e) => {
    slot.dead = true;
    fail(new Error(`experiment worker failed: ${e.message || 'could not load'}`));
  });
  void remote.load(layouts).catch(() => undefined);
  return slot;
}

/** How many workers: one per core the browser reports (2 when it does not say), never more than the days. */
export const poolSize = (days: number, cores = navigator.hardwareConcurrency || 2): number => Math.max(1, Math.min(cores, days));

export function startExperiment(
  layouts: readonly ExperimentLayout[],
  spec: ExperimentSpec,
  jobs: readonly ExperimentJob[],
  onRecord: (record: JobRecord) => void,
): ExperimentHandle {
  const threads = poolSize(jobs.length);
  const idle: Slot[] = Array.from({ length: threads }, () => openSlot(layouts));
  const all = new Set(idle);
  const stop = new AbortController();
  const run = async (job: ExperimentJob): Promise<ReplicationResult> => {
    const slot = idle.pop()!;
    try {
      const result = await Promise.race([slot.remote.run(job, spec), slot.failed]);
      idle.push(slot);
      return result;
    } catch (e) {
      // A failed call leaves the worker as it was; a failed worker is replaced by a fresh one.
      if (slot.dead && !stop.signal.aborted) {
        slot.worker.terminate();
        all.delete(slot);
        const fresh = openSlot(layouts);
        all.add(fresh);
        idle.push(fresh);
      } else idle.push(slot);
      throw e;
    }
  };
  const done = runExperiment(jobs, run, { concurrency: threads, signal: stop.signal, onRecord }).finally(() => {
    for (const s of all) {
      s.remote[Comlink.releaseProxy]();
      s.worker.terminate();
    }
  });
  return {
    threads,
    done,
    cancel: () => {
      stop.abort();
      for (const s of all) s.worker.terminate();
    },
  };
}
