/**
 * `npm run roadmap [-- --threads N]`: the roadmap table of the README (The road to the target), made with the
 * committed code. For each stage of data/roadmap.json (a zone's layout today or a staged layout, the demand asked,
 * the lower end of the stage's target) it runs the stage's fleets (the sweep, or the layout's own fleet) with
 * data/roadmap.json's replications, each a day after a day of warm-up as every study, on a pool of worker threads
 * (src/sim/experiment, one thread per core): the smallest fleet whose cleared/day reaches the target on the lower
 * bound of its 95 % confidence interval, else the fleet that clears most. Prints the table in Markdown, then the
 * rows as one JSON object on the last line. Exit 1 when a scene is invalid.
 */
import { readFileSync } from 'node:fs';
import roadmap from '../data/roadmap.json' with { type: 'json' };
import study from '../data/study.json' with { type: 'json' };
import { parseScene } from '../src/domain/parseScene';
import { formatProblem } from '../src/domain/problem';
import type { ZoneId } from '../src/domain/sceneSchema';
import { zoneFolder } from '../src/domain/zoneFolder';
import { experimentJobs, type ExperimentSpec } from '../src/sim/experiment/experiment';
import { summariseExperiment } from '../src/sim/experiment/experimentSummary';
import { resourceName } from '../src/sim/resourceName';
import { sweepValues } from '../src/sim/study/studySpec';
import { fail, readCliOptions } from './cliOptions';
import { defaultThreads, runOnThreads } from './experiment/nodePool';

interface Row {
  readonly zone: string;
  readonly layout: string;
  readonly asked: number;
  readonly target: number;
  readonly agvs: number;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  readonly reached: boolean;
  readonly binds: string;
  readonly p50Min: number;
}

const USAGE = 'usage: npm run roadmap [-- --threads N]';
const threads = readCliOptions(process.argv.slice(2), { usage: USAGE, known: ['threads'], required: [] }).number(
  'threads',
  defaultThreads(),
  (n) => Number.isInteger(n) && n >= 1 && n <= 64,
);
const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const rows: Row[] = [];
for (const stage of roadmap.stages) {
  const file = `scenes/${zoneFolder(stage.zone as ZoneId)}/${stage.variant}.json`;
  const parsed = parseScene(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) fail(parsed.problems.map((p) => formatProblem(p, file)).join('\n'), 1);
  const scene = parsed.scene;
  const range = (stage as { sweep?: { from: number; to: number; step: number } }).sweep;
  const spec: ExperimentSpec = {
    vehiclesPerDay: stage.vehiclesPerDay,
    target: stage.target,
    hours: study.hours.value,
    warmupDays: study.warmupDays.value,
    seeds: roadmap.replications.value,
    agvs: range ? sweepValues({ parameter: 'agvs', ...range }) : [scene.fleet.agv.count.value],
  };
  const layouts = [{ id: stage.variant, label: stage.variant, scene }];
  const run = await runOnThreads(layouts, spec, experimentJobs([stage.variant], spec), { threads });
  const failed = run.records.find((r) => r.error !== undefined);
  if (failed) fail(`${file}: a day failed (${failed.error})`, 1);
  const { points, cheapest } = summariseExperiment(layouts, spec, run.records);
  // The smallest fleet that reaches the target (one layout: the cheapest point), else the point that clears most.
  const best = cheapest ?? [...points].sort((a, b) => b.point.clearedPerDay.mean - a.point.clearedPerDay.mean)[0]!;
  const c = best.point.clearedPerDay;
  const low = c.low ?? c.mean;
  rows.push({
    zone: stage.zone,
    layout: stage.variant,
    asked: stage.vehiclesPerDay,
    target: stage.target,
    agvs: best.agvs,
    mean: c.mean,
    low,
    high: c.high ?? c.mean,
    reached: low >= stage.target,
    binds: resourceName(scene, best.point.binding.resource).en,
    p50Min: best.point.timeInSystemP50S.mean / 60,
  });
  console.error(`${file}: done (${points.map((p) => `${p.agvs} AGVs ${n0(p.point.clearedPerDay.mean)}`).join(', ')})`);
}

console.log(
  '| zone | layout | asked/day | target (lower end; today: the press figure) | AGVs | cleared/day, mean (95 % CI) | reaches | binds | time in system p50 |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const x of rows) {
  console.log(
    `| ${x.zone} | ${x.layout} | ${n0(x.asked)} | ${n0(x.target)} | ${x.agvs} | ${n0(x.mean)} (${n0(x.low)}–${n0(x.high)}) | ` +
      `${x.layout === 'today' ? 'today’s figure' : x.reached ? 'yes' : 'no'} | ${x.binds} | ${Math.round(x.p50Min)} min |`,
  );
}
console.log(JSON.stringify({ replications: roadmap.replications.value, threads, rows }));
