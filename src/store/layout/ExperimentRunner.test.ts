import { describe, expect, it } from 'vitest';
import type { ExperimentJob, ExperimentLayout, ExperimentSpec } from '../../sim/experiment/experiment';
import type { ExperimentRun, JobRecord } from '../../sim/experiment/runExperiment';
import type { ReplicationResult } from '../../sim/study/runReplication';
import { ExperimentRunner, type StartExperiment } from './ExperimentRunner';

const spec: ExperimentSpec = { vehiclesPerDay: 100, target: 50, hours: 1, warmupDays: 0, seeds: 2, agvs: [4, 8] };
const layouts = [{ id: 'a', label: 'a' }] as unknown as ExperimentLayout[];
const result = { kpis: {}, hours: [] } as unknown as ReplicationResult;

/** A pool the test drives: it hands back the jobs it was given and finishes the run when told. */
function fakePool() {
  const pool: { jobs: readonly ExperimentJob[]; emit: (r: JobRecord) => void; finish: (r: ExperimentRun) => void; cancelled: boolean } = {
    jobs: [],
    emit: () => undefined,
    finish: () => undefined,
    cancelled: false,
  };
  const start: StartExperiment = (_l, _s, jobs, onRecord) => {
    pool.jobs = jobs;
    pool.emit = onRecord;
    return {
      threads: 2,
      done: new Promise<ExperimentRun>((resolve) => (pool.finish = resolve)),
      cancel: () => {
        pool.cancelled = true;
        pool.finish({ records: [], cancelled: true });
      },
    };
  };
  return { pool, start };
}

describe('ExperimentRunner', () => {
  it('runs layouts × fleets × seeds, keeping each day as it finishes', async () => {
    const { pool, start } = fakePool();
    const runner = new ExperimentRunner(start);
    const running = runner.run(layouts, spec);
    expect(pool.jobs).toHaveLength(4);
    expect(runner.getState().run).toEqual({ status: 'running', runs: 4, threads: 2 });
    pool.emit({ job: pool.jobs[0]!, result });
    pool.emit({ job: pool.jobs[1]!, error: 'worker crashed' });
    expect(runner.getState().records.map((r) => r.error ?? 'ok')).toEqual(['ok', 'worker crashed']);
    pool.finish({ records: [], cancelled: false });
    await running;
    expect(runner.getState().run).toEqual({ status: 'done', runs: 4 });
  });

  it('cancelled, stops the pool and keeps the days that finished; a later day of the old run is dropped', async () => {
    const { pool, start } = fakePool();
    const runner = new ExperimentRunner(start);
    const running = runner.run(layouts, spec);
    pool.emit({ job: pool.jobs[0]!, result });
    const emitOld = pool.emit;
    runner.cancel();
    await running;
    expect(pool.cancelled).toBe(true);
    expect(runner.getState().run).toEqual({ status: 'cancelled', runs: 4 });
    emitOld({ job: pool.jobs[1]!, result });
    expect(runner.getState().records).toHaveLength(1);
  });

  it('says so when the pool cannot start, and is unavailable without one', async () => {
    const runner = new ExperimentRunner(() => {
      throw new Error('no workers here');
    });
    await runner.run(layouts, spec);
    expect(runner.getState().run).toEqual({ status: 'error', message: 'no workers here' });
    expect(new ExperimentRunner().available).toBe(false);
  });
});
