/**
 * Experiments on every core (issue 14): the same 240 simulated days (30 seeds × 8 fleet sizes of the 1088/2–1089
 * 2027 layout, each a whole day from midnight) on one worker thread and on one per core, in the same run; the
 * speed-up is the one-thread wall time over the all-cores one (goal ≥ 1.8× on 2 cores). Both include starting the
 * pool, as an engineer's run does.
 */
import { availableParallelism } from 'node:os';
import { experimentJobs, type ExperimentSpec } from '../src/sim/experiment/experiment';
import { loadScene } from '../src/sim/testScenes';
import { runOnThreads } from '../scripts/experiment/nodePool';
import type { Row } from './measure';

const FILE = 'scenes/1088-2-1089/2027.json';
const SPEC: ExperimentSpec = { vehiclesPerDay: 1200, target: 800, hours: 24, warmupDays: 0, seeds: 30, agvs: [8, 12, 16, 20, 24, 28, 32, 36] };

async function wallS(threads: number): Promise<{ s: number; days: number }> {
  const layouts = [{ id: '2027', label: '2027', scene: loadScene(FILE) }];
  const jobs = experimentJobs(['2027'], SPEC);
  const t0 = performance.now();
  const run = await runOnThreads(layouts, SPEC, jobs, { threads });
  const days = run.records.filter((r) => r.result).length;
  if (days !== jobs.length) throw new Error(`experiment bench: ${jobs.length - days} of ${jobs.length} days failed`);
  return { s: (performance.now() - t0) / 1000, days };
}

export async function experimentBench(): Promise<Row[]> {
  const cores = availableParallelism();
  const one = await wallS(1);
  const all = await wallS(cores);
  const speedUp = one.s / all.s;
  const group = 'experiments (Node threads)';
  const what = `${one.days} simulated days (30 seeds × 8 fleets, ${FILE})`;
  return [
    { group, case: `${what} on 1 thread`, value: one.s, unit: 's' },
    {
      group,
      case: `${what} on ${cores} threads (one per core)`,
      value: all.s,
      unit: 's',
      baseline: one.s,
      goal: `≥ 1.8× the 1-thread run on 2 cores (${speedUp.toFixed(2)}×)`,
      pass: speedUp >= 1.8,
    },
  ];
}
