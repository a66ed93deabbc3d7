import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ReplicationResult } from '../study/runReplication';
import { experimentJobs, jobKey, type ExperimentJob } from './experiment';
import { runExperiment, type JobRecord } from './runExperiment';

/** A pool whose jobs finish only when the test says so, so the order of events is the test's, not a clock's. */
function heldPool() {
  const waiting: { job: ExperimentJob; resolve: (r: ReplicationResult) => void; reject: (e: Error) => void }[] = [];
  let inFlight = 0;
  let most = 0;
  const run = (job: ExperimentJob) =>
    new Promise<ReplicationResult>((resolve, reject) => {
      inFlight++;
      most = Math.max(most, inFlight);
      const done = () => inFlight--;
      waiting.push({
        job,
        resolve: (r) => (done(), resolve(r)),
        reject: (e) => (done(), reject(e)),
      });
    });
  return { run, waiting, most: () => most };
}

const result = (job: ExperimentJob) => ({ kpis: { cleared: job.agvs * 10 + job.seed }, hours: [] }) as unknown as ReplicationResult;
/** Lets the runner's awaits move on after a job settles. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
const jobs = experimentJobs(['a', 'b'], { vehiclesPerDay: 1, target: 1, hours: 1, warmupDays: 0, seeds: 3, agvs: [1, 2] });

describe('runExperiment', () => {
  it('keeps at most `concurrency` jobs under way and reports every job once as it finishes', async () => {
    const pool = heldPool();
    const seen: JobRecord[] = [];
    const running = runExperiment(jobs, pool.run, { concurrency: 3, onRecord: (r) => seen.push(r) });
    while (seen.length < jobs.length) {
      await settle();
      // Finish the latest-started job first: results come in any order.
      const w = pool.waiting.pop();
      if (w) w.resolve(result(w.job));
    }
    const { records, cancelled } = await running;
    expect(pool.most()).toBe(3);
    expect(cancelled).toBe(false);
    expect(new Set(records.map((r) => jobKey(r.job)))).toEqual(new Set(jobs.map(jobKey)));
    expect(seen).toEqual(records);
  });

  it('leaves no listener on a signal that outlives the run', async () => {
    const pool = heldPool();
    const kept = new AbortController();
    const running = runExperiment(jobs.slice(0, 2), pool.run, { concurrency: 2, signal: kept.signal });
    await settle();
    expect(getEventListeners(kept.signal, 'abort')).toHaveLength(1);
    for (const w of pool.waiting.splice(0)) w.resolve(result(w.job));
    await running;
    expect(getEventListeners(kept.signal, 'abort')).toHaveLength(0);
  });

  it('records a failed job with its message and goes on with the rest', async () => {
    const pool = heldPool();
    const running = runExperiment(jobs.slice(0, 3), pool.run, { concurrency: 1 });
    await settle();
    pool.waiting.shift()!.reject(new Error('worker crashed'));
    for (let k = 0; k < 2; k++) {
      await settle();
      const w = pool.waiting.shift()!;
      w.resolve(result(w.job));
    }
    const { records } = await running;
    expect(records.map((r) => r.error ?? 'ok')).toEqual(['worker crashed', 'ok', 'ok']);
  });

  it('on abort stops at once, hands out nothing more and keeps what finished', async () => {
    const pool = heldPool();
    const stop = new AbortController();
    const running = runExperiment(jobs, pool.run, { concurrency: 2, signal: stop.signal });
    await settle();
    const first = pool.waiting.shift()!;
    first.resolve(result(first.job));
    await settle();
    expect(pool.waiting).toHaveLength(2);
    stop.abort();
    const { records, cancelled } = await running;
    expect(cancelled).toBe(true);
    expect(records.map((r) => jobKey(r.job))).toEqual([jobKey(first.job)]);
    // The jobs under way at the abort are dropped, even when they finish afterwards.
    for (const w of pool.waiting) w.resolve(result(w.job));
    await settle();
    expect(records).toHaveLength(1);
  });
});
