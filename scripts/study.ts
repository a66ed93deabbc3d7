/**
 * `npm run study -- <scene.json> [--vehicles-per-day N] [--agvs N] [--hours H] [--seed S] [--warmup-days D]`: runs the simulation
 * headless and prints a one-line summary, then the KPIs as one JSON object on the last line. The same arguments
 * give the same JSON, except `wallMs`, the wall time of the run. Exit 1 on an invalid scene, 2 on wrong usage.
 *
 * With `--replications N` and/or `--sweep agvs:50:400:50` (or `vehicles-per-day:1000:4000:500`), and optionally
 * `--target N` (cleared/day; the zone's 2030 minimum by default), it runs a capacity study instead, on the same
 * engine as the browser's (src/sim/study): seeds 1..N per point, a table of cleared in the window and per day (mean
 * and 95 % confidence interval), time in system and the binding resource per point (named as people name it, with
 * why it binds), the smallest fleet that reaches the target for an AGV sweep, the study's caveats (a window scaled
 * to a day, too few replications, identical runs, intervals cut at what a quantity allows), then the study as one
 * JSON object on the last line (points without their hourly rows).
 *
 * `--warmup-days D` simulates D whole days first and measures the day(s) after: a study does 1 by default
 * (data/study.json), a single run 0.
 *
 * `--report out.html` (with a study) also writes the study as a page for leaders to print or save as a PDF from a
 * browser (src/ui/report): the layout from above, the parameters, cleared/day against the target, the binding
 * resource, the charts, the caveats and the assumptions with their sources; in English, or `--lang vi`. Exit 1
 * when it cannot be written.
 */
import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseScene } from '../src/domain/parseScene';
import { formatProblem } from '../src/domain/problem';
import type { Scene } from '../src/domain/sceneSchema';
import { AGV_FLEET, AGV_LANES, resourceName } from '../src/sim/resourceName';
import { Simulation } from '../src/sim/Simulation';
import { runStudy, type StudyResult } from '../src/sim/study/runStudy';
import type { SweepSpec } from '../src/sim/study/studySpec';
import type { Estimate } from '../src/sim/study/studyStats';
import type { PointResult } from '../src/sim/study/summarisePoint';
import { studyReportHtml } from '../src/ui/report/studyReport';
import { fail } from './cliOptions';

const USAGE =
  'usage: npm run study -- <scene.json> [--vehicles-per-day N] [--agvs N] [--hours H] [--seed S] [--warmup-days D]\n' +
  '       npm run study -- <scene.json> [--vehicles-per-day N] [--agvs N] [--hours H] [--replications N] [--sweep agvs|vehicles-per-day:FROM:TO:STEP] [--target N] [--warmup-days D] [--report out.html [--lang en|vi]]';
const FLAGS = {
  '--vehicles-per-day': 'vehiclesPerDay',
  '--agvs': 'agvs',
  '--hours': 'hours',
  '--seed': 'seed',
  '--replications': 'replications',
  '--warmup-days': 'warmupDays',
  '--target': 'target',
} as const;
const SWEEP_PARAMETERS = { agvs: 'agvs', 'vehicles-per-day': 'vehiclesPerDay' } as const;

function parseSweep(raw: string | undefined): SweepSpec {
  const parts = (raw ?? '').split(':');
  const parameter = SWEEP_PARAMETERS[parts[0] as keyof typeof SWEEP_PARAMETERS];
  const [from, to, step] = parts.slice(1).map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
  if (parts.length !== 4 || !parameter || ![from, to, step].every((n) => Number.isFinite(n)))
    fail(`--sweep needs PARAMETER:FROM:TO:STEP with PARAMETER agvs or vehicles-per-day (got ${raw ?? 'nothing'})\n${USAGE}`, 2);
  return { parameter, from: from!, to: to!, step: step! };
}

const args = process.argv.slice(2);
const options: Record<string, number> = {};
let sweep: SweepSpec | undefined;
let file: string | undefined;
let report: string | undefined;
let lang: 'en' | 'vi' | undefined;
for (let k = 0; k < args.length; k++) {
  const a = args[k]!;
  if (a === '--sweep') sweep = parseSweep(args[++k]);
  else if (a === '--report') {
    report = args[++k];
    if (report === undefined || report.trim() === '' || report.startsWith('--'))
      fail(`--report needs the file to write (got ${report ?? 'nothing'})\n${USAGE}`, 2);
  } else if (a === '--lang') {
    const raw = args[++k];
    if (raw !== 'en' && raw !== 'vi') fail(`--lang is en or vi (got ${raw ?? 'nothing'})\n${USAGE}`, 2);
    lang = raw;
  } else if (a in FLAGS) {
    const raw = args[++k];
    const value = Number(raw);
    if (raw === undefined || raw.trim() === '' || !Number.isFinite(value)) fail(`${a} needs a number (got ${raw ?? 'nothing'})\n${USAGE}`, 2);
    options[FLAGS[a as keyof typeof FLAGS]] = value;
  } else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`, 2);
  else if (file === undefined) file = a;
  else fail(`one scene file at a time (got ${file} and ${a})\n${USAGE}`, 2);
}
if (file === undefined) fail(USAGE, 2);
const isStudy = sweep !== undefined || 'replications' in options;
if (isStudy && 'seed' in options) fail(`--seed does not go with a study: replications use seeds 1..N\n${USAGE}`, 2);
if (!isStudy && 'target' in options) fail(`--target goes with --replications or --sweep\n${USAGE}`, 2);
if (!isStudy && report !== undefined) fail(`--report goes with a study: --replications or --sweep\n${USAGE}`, 2);
if (report === undefined && lang !== undefined) fail(`--lang is the report's language: it goes with --report\n${USAGE}`, 2);
if (report !== undefined) {
  // Said before the study runs, not after minutes of it.
  try {
    accessSync(dirname(resolve(report)), constants.W_OK);
  } catch (e) {
    fail(`${report}: cannot write the report there (${(e as NodeJS.ErrnoException).code ?? String(e)})`, 1);
  }
}

let text = '';
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  fail(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, 2);
}
const parsed = parseScene(text, file);
if (!parsed.ok) {
  for (const p of parsed.problems) console.error(formatProblem(p, file));
  fail(`${file}: invalid scene, no study run`, 1);
}

if (isStudy) study(file, parsed.scene);
else single(file, parsed.scene);

/**
 * Why a resource binds, in English: its utilisation, or for the AGV lanes (whose figure is the share of the AGVs'
 * working time spent waiting for one another, not a utilisation) that share and the fleet's own utilisation.
 */
function bindsWhy(resource: string, utilisation: number, fleet: number | undefined): string {
  const pct = (share: number) => `${Math.round(share * 100)} %`;
  return resource === AGV_LANES
    ? `AGVs spent ${pct(utilisation)} of their working time waiting for one another (fleet ${pct(fleet ?? 0)} busy)`
    : `${pct(utilisation)} busy`;
}

/** Seconds from 00:00 as a clock time, days wrapped: 27000 → 07:30. */
function clock(s: number): string {
  const m = Math.floor(s / 60) % (24 * 60);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function n0(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

/** A holding area as the output names it: its own name, or for a route without one the road before its first stop. */
function areaName(scene: Scene, id: string, capacity: number): string {
  const name = resourceName(scene, id).en;
  return capacity > 0 ? `${name} (${capacity} trucks)` : `the road before ${name} (no holding area)`;
}

/**
 * What the trucks' length did in a run: the longest queue on a road beyond a holding area, and each holding area
 * that filled, from when and for how long (times from the window's start, as clock times when it starts at 00:00).
 */
function queueText(scene: Scene, k: ReturnType<Simulation['kpis']>): string {
  const worst = Object.entries(k.holding).sort((a, b) => b[1].roadQueueMaxM - a[1].roadQueueMaxM)[0];
  const road =
    worst && worst[1].roadQueueMaxM > 0
      ? `spill-back up to ${n0(worst[1].roadQueueMaxM)} m on the road (${areaName(scene, worst[0], worst[1].capacity)})`
      : 'no queue on the road';
  const full = Object.entries(k.holding)
    .filter(([, h]) => h.capacity > 0 && h.fullFirstS !== null)
    .map(([id, h]) => `${areaName(scene, id, h.capacity)} full from ${clock(h.fullFirstS!)} for ${h.fullHours.toFixed(1)} h`);
  return [road, ...full].join('; ');
}

function single(name: string, scene: Scene): void {
  let sim: Simulation;
  try {
    const { warmupDays = 0, ...rest } = options;
    sim = new Simulation(scene, { ...rest, warmupHours: 24 * warmupDays });
  } catch (e) {
    fail(`${name}: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
  const t0 = performance.now();
  const k = sim.run();
  const wallMs = Math.round(performance.now() - t0);
  console.log(
    `${k.scene}: ${k.cleared} of ${k.arrived} trucks cleared in ${k.hours} h (${k.vehiclesPerDay}/day asked, ${k.agvs} AGVs); ` +
      `time in system p50 ${Math.round(k.timeInSystemP50S / 60)} min, p95 ${Math.round(k.timeInSystemP95S / 60)} min; ` +
      (k.bottleneck === ''
        ? 'nothing binds'
        : `binds: ${resourceName(scene, k.bottleneck).en}: ${bindsWhy(k.bottleneck, k.utilisation[k.bottleneck] ?? 0, k.utilisation[AGV_FLEET])}`) +
      `; ${queueText(scene, k)}`,
  );
  console.log(JSON.stringify({ ...k, wallMs }));
}

function study(name: string, scene: Scene): void {
  const t0 = performance.now();
  let reported = 0;
  let r: StudyResult;
  try {
    r = runStudy(scene, { ...options, ...(sweep ? { sweep } : {}) }, (p) => {
      if (p.runsDone > reported) console.error(`run ${(reported = p.runsDone)} of ${p.runs} done`);
    });
  } catch (e) {
    fail(`${name}: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
  const wallMs = Math.round(performance.now() - t0);
  const s = r.spec;
  console.log(
    `${r.sceneId}: ${s.replications} replication(s) of ${s.hours} h from 00:00 per point (seeds 1-${s.replications}), ` +
      `${s.warmupDays === 0 ? 'from an empty gate' : `each after ${s.warmupDays} day(s) of warm-up`}; ` +
      `target ${s.target} cleared/day (zone's 2030 range ${r.targetRange.min}-${r.targetRange.max})`,
  );
  const points = r.sweep ? r.sweep.points : [r.base];
  for (const line of table(scene, s.hours, points)) console.log(line);
  const answer = r.sweep?.smallestFleet;
  if (answer) {
    const how = answer.criterion === 'ci-low' ? 'lower bound of the 95 % CI' : 'mean, one replication';
    console.log(
      answer.agvs === undefined
        ? `smallest fleet reaching ${s.target}/day (${how}): not reached within ${sweep!.from}-${sweep!.to} AGVs`
        : `smallest fleet reaching ${s.target}/day (${how}): ${answer.agvs} AGVs`,
    );
  }
  for (const line of holdingLines(scene, r.base)) console.log(line);
  if (r.caveats.length > 0) {
    console.log('caveats:');
    for (const c of r.caveats) console.log(`- ${c.message}`);
  }
  if (report !== undefined) {
    try {
      writeFileSync(report, studyReportHtml(scene, r, { date: new Date(), lang: lang ?? 'en' }));
    } catch (e) {
      fail(`${report}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? String(e)})`, 1);
    }
    console.error(`report written to ${report}: open it in a browser to print it or save it as a PDF`);
  }
  const compact = (p: PointResult) => ({ ...p, hourly: undefined });
  console.log(JSON.stringify({ ...r, base: compact(r.base), ...(r.sweep ? { sweep: { ...r.sweep, points: r.sweep.points.map(compact) } } : {}), wallMs }));
}

/** The base point's holding areas: how full, from when, for how long, and the queue on the road beyond each. */
function holdingLines(scene: Scene, p: PointResult): string[] {
  const est = (e: Estimate, scale = 1, digits = 0) => {
    const m = (e.mean * scale).toFixed(digits);
    return e.low === undefined ? m : `${m} (${(e.low * scale).toFixed(digits)}-${(e.high! * scale).toFixed(digits)})`;
  };
  const areas = Object.entries(p.holding ?? {});
  if (areas.length === 0) return [];
  return [
    `holding areas and the road beyond them (base point, mean and 95 % CI over ${p.runs.length} run(s); times from the window's start):`,
    ...areas.map(([id, h]) => {
      const held =
        h.capacity > 0
          ? `most ${est(h.trucksMax)} trucks in it; ` +
            (h.fullFirstS
              ? `full ${est(h.fullHours, 1, 1)} h, first at ${clock(h.fullFirstS.mean)} (in ${h.fullRuns} of ${p.runs.length} runs)`
              : 'never full')
          : `a truck on the road ${est(h.fullHours, 1, 1)} h`;
      return `- ${areaName(scene, id, h.capacity)}: ${held}; on the road most ${est(h.roadQueueMaxM)} m, mean ${est(h.roadQueueMeanM)} m`;
    }),
  ];
}

function table(scene: Scene, hours: number, points: readonly PointResult[]): string[] {
  const scale = 24 / hours;
  const perDay = Number.isInteger(hours / 24) ? 'cleared/day' : `cleared/day (x ${Number(scale.toFixed(2))})`;
  const head = ['AGVs', 'vehicles/day', `cleared in ${hours} h`, perDay, '95 % CI', 'p50 min', 'p95 min', 'spill-back max m', 'binds (runs)', 'why'];
  const rows = points.map((p) => {
    const c = p.clearedPerDay;
    const b = p.binding;
    return [
      String(p.agvs),
      String(p.vehiclesPerDay),
      p.clearedInWindow.mean.toFixed(1),
      c.mean.toFixed(1),
      c.low === undefined ? '-' : `${c.low.toFixed(1)}-${c.high!.toFixed(1)}${c.identical ? ' (identical runs)' : ''}`,
      (p.timeInSystemP50S.mean / 60).toFixed(0),
      (p.timeInSystemP95S.mean / 60).toFixed(0),
      p.spillBackMaxM ? p.spillBackMaxM.mean.toFixed(0) : '-',
      b.resource === '' ? '-' : `${resourceName(scene, b.resource).en} (${b.runs}/${p.runs.length})`,
      b.resource === '' ? '' : bindsWhy(b.resource, b.utilisation, b.fleetUtilisation),
    ];
  });
  const width = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, k) => (k >= 8 ? c.padEnd(width[k]!) : c.padStart(width[k]!)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)];
}
