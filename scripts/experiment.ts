/**
 * `npm run experiment -- <experiment.json> [--threads N] [--seeds N] [--out results.jsonl]`: a design of
 * experiments over layouts and fleets (data/experiments/*.json; src/sim/experiment): every layout × fleet size ×
 * seed a simulated day on a pool of worker threads (one per core by default), each finished day written to the
 * results file at once (var/experiments/<name>.results.jsonl by default), which a later run with the same file
 * resumes. Ctrl-C stops it keeping what finished. Prints a table of cleared/day per layout and fleet (mean and 95 %
 * interval, cranes, cost, the Pareto front marked ★), the cheapest point that reaches the target, then the summary
 * as one JSON object on the last line. Exit 1 on a bad file (every problem named), 2 on wrong usage, 3 when stopped.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { experimentJobs, jobKey } from '../src/sim/experiment/experiment';
import { summariseExperiment, type ExperimentPoint } from '../src/sim/experiment/experimentSummary';
import type { JobRecord } from '../src/sim/experiment/runExperiment';
import { resourceName } from '../src/sim/resourceName';
import { fail, readCliOptions } from './cliOptions';
import { loadExperiment } from './experiment/loadExperiment';
import { defaultThreads, runOnThreads } from './experiment/nodePool';
import { appendResult, openResults } from './experiment/resultsFile';

const USAGE = 'usage: npm run experiment -- <experiment.json> [--threads N] [--seeds N] [--out results.jsonl]';
const argv = process.argv.slice(2);
const file = argv[0];
if (file === undefined || file.startsWith('--')) fail(USAGE, 2);
const o = readCliOptions(argv.slice(1), { usage: USAGE, known: ['threads', 'seeds', 'out'], required: [] });
const threads = o.number('threads', defaultThreads(), (n) => Number.isInteger(n) && n >= 1 && n <= 64);
const seeds = o.get('seeds') === undefined ? undefined : o.number('seeds', 0, (n) => Number.isInteger(n) && n >= 1 && n <= 50);
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  fail(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, 1);
}
const loaded = loadExperiment(file, text, seeds === undefined ? {} : { seeds });
if (!loaded.ok) fail(loaded.problems.join('\n'), 1);
const { layouts, spec } = loaded;
const out = o.get('out') ?? `var/experiments/${basename(file, '.json')}.results.jsonl`;
mkdirSync(dirname(out), { recursive: true });
let kept: JobRecord[];
try {
  kept = openResults(out, spec, layouts);
} catch (e) {
  fail((e as Error).message, 1);
}
const done = new Set(kept.map((r) => jobKey(r.job)));
const all = experimentJobs(
  layouts.map((l) => l.id),
  spec,
);
const jobs = all.filter((j) => !done.has(jobKey(j)));
console.error(
  `${layouts.length} layout(s) × ${spec.agvs.length} fleet size(s) × ${spec.seeds} seed(s) = ${all.length} days` +
    (kept.length > 0 ? `, ${kept.length} already in ${out}` : '') +
    `; ${jobs.length} to run on ${threads} thread(s)`,
);

const stop = new AbortController();
process.once('SIGINT', () => {
  console.error('stopping: the days under way are dropped, the finished ones are kept');
  stop.abort();
});
const t0 = performance.now();
let finished = kept.length;
const run = await runOnThreads(layouts, spec, jobs, {
  threads,
  signal: stop.signal,
  onRecord: (r) => {
    appendResult(out, r);
    finished++;
    const what = r.result ? `${r.result.kpis.cleared.toLocaleString('en-US')} cleared` : `failed: ${r.error}`;
    console.error(`${finished}/${all.length} ${r.job.layout}, ${r.job.agvs} AGVs, seed ${r.job.seed}: ${what}`);
  },
});
const wallS = (performance.now() - t0) / 1000;

const summary = summariseExperiment(layouts, spec, [...kept, ...run.records]);
const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const sceneOf = (p: ExperimentPoint) => layouts.find((l) => l.id === p.layout)!.scene;
console.log(`target ${n0(spec.target)} cleared/day at ${n0(spec.vehiclesPerDay)} asked; ★ the Pareto front (fewer AGVs, fewer cranes, more cleared)`);
console.log('| layout | cranes | AGVs | seeds | cleared/day, mean (95 % CI) | reaches | cost (USD M) | binds | |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const p of summary.points) {
  const c = p.point.clearedPerDay;
  const ci = c.low === undefined ? '' : ` (${n0(c.low)}–${n0(c.high!)})`;
  console.log(
    `| ${p.label} | ${p.cranes} | ${p.agvs} | ${p.seeds} | ${n0(c.mean)}${ci} | ${p.reaches ? 'yes' : 'no'} | ${p.cost} | ` +
      `${resourceName(sceneOf(p), p.point.binding.resource).en} | ${p.pareto ? '★' : ''} |`,
  );
}
const c = summary.cheapest;
console.log(
  c
    ? `cheapest that reaches ${n0(spec.target)}: ${c.label} with ${c.agvs} AGVs and ${c.cranes} cranes (USD ${c.cost} M), ${n0(c.cleared)} cleared/day`
    : `no point reaches ${n0(spec.target)} cleared/day`,
);
if (summary.failed > 0) console.log(`${summary.failed} day(s) failed; run again to retry them`);
console.log(
  JSON.stringify({
    spec,
    threads,
    wallS: Number(wallS.toFixed(2)),
    runs: all.length,
    runsDone: summary.runsDone,
    failed: summary.failed,
    cancelled: run.cancelled,
    cheapest: c && { layout: c.layout, agvs: c.agvs, cranes: c.cranes, cost: c.cost, cleared: Math.round(c.cleared) },
    points: summary.points.map((p) => ({
      layout: p.layout,
      cranes: p.cranes,
      agvs: p.agvs,
      seeds: p.seeds,
      clearedPerDay: p.point.clearedPerDay,
      reaches: p.reaches,
      pareto: p.pareto,
      cost: p.cost,
      binds: p.point.binding.resource,
    })),
  }),
);
if (run.cancelled) process.exit(3);
