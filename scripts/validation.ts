/**
 * `npm run validation`: the model's side of docs/validation.md, made with the committed code. Each figure is the
 * mean over seeds 1–5 of a day measured after a day of warm-up (as the studies measure), unless it says otherwise:
 * - what today's layouts clear when more trucks come than they can take, and what binds then;
 * - how fast the queue grows at Tân Thanh today with ≈1,000 trucks a day arriving (three days, trucks inside at
 *   the end of each), and how long it is on the road: trucks have length (src/sim/queueSpace.ts), so a queue
 *   longer than its holding area stands on the approach road, one `truckQueueSpacingM` a truck;
 * - the same with the border barrier slowed to clear ≈300 export trucks a day, a stand-in for what the Chinese side
 *   accepted (not a model of it): when the holding area fills and how fast the queue on the road grows;
 * - the 4,550 trucks queued in Lạng Sơn in December 2021 as kilometres of road at the model's spacing;
 * - what one AGV does in a day on the 2030 layout of 1119–1120 at the roadmap's fleet, against the Ganqimaodu
 *   figures (≈7 round trips a day on a ≈6 km corridor);
 * - containers across the border a day on the 2030 layout, against the smart port's design capacity (≈2,800).
 * Prints a Markdown table, then the figures as JSON on the last line.
 */
import { readFileSync } from 'node:fs';
import { parseScene } from '../src/domain/parseScene';
import { formatProblem } from '../src/domain/problem';
import type { Scene } from '../src/domain/sceneSchema';
import { resourceName } from '../src/sim/resourceName';
import { Simulation } from '../src/sim/Simulation';
import type { HourRow, SimKpis } from '../src/sim/simKpis';
import { simParams } from '../src/sim/simParams';
import { fail } from './cliOptions';

const SEEDS = [1, 2, 3, 4, 5];
const DAY_H = 24;

function load(file: string): Scene {
  const r = parseScene(readFileSync(file, 'utf8'), file);
  if (!r.ok) fail(r.problems.map((p) => formatProblem(p, file)).join('\n'), 1);
  return r.scene;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const km = (m: number) => (m / 1000).toFixed(1);
const clock = (s: number) => `${String(Math.floor(s / 3600) % 24).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;

/** The metres of queue on the road before `area` at the end of each hour (0 where the row does not say). */
const roadSeries = (hourly: readonly HourRow[], area: string) => hourly.map((r) => r.roadQueueM?.[area] ?? 0);

/** The holding area (or road before a route without one) whose road queue was longest in any of `runs`. */
function worstArea(runs: readonly SimKpis[]): string {
  const ids = Object.keys(runs[0]!.holding);
  return ids.reduce((best, id) =>
    mean(runs.map((k) => k.holding[id]!.roadQueueMaxM)) > mean(runs.map((k) => k.holding[best]!.roadQueueMaxM)) ? id : best,
  );
}

/** Where a queue stands, in words: a holding area by name, or the road before a route's first stop. */
function areaText(scene: Scene, id: string, capacity: number): string {
  const name = resourceName(scene, id).en;
  return capacity > 0 ? `beyond ${name} (${capacity} trucks)` : `before ${name}, a route with no holding area`;
}

/** A day after a day of warm-up, per seed. */
function days(scene: Scene, vehiclesPerDay: number, agvs?: number): SimKpis[] {
  return SEEDS.map((seed) =>
    new Simulation(scene, { seed, vehiclesPerDay, hours: DAY_H, warmupHours: DAY_H, ...(agvs === undefined ? {} : { agvs }) }).run(),
  );
}

function binds(scene: Scene, runs: readonly SimKpis[]): string {
  const k = runs[0]!;
  return `${resourceName(scene, k.bottleneck).en} (${Math.round(mean(runs.map((r) => r.utilisation[k.bottleneck] ?? 0)) * 100)} % busy)`;
}

const rows: { figure: string; model: string; published: string }[] = [];
const json: Record<string, number> = {};

// Today's capacity: more trucks asked than the lanes take.
for (const [file, asked, published] of [
  ['scenes/1119-1120/today.json', 3000, '800 vehicles/day (784–861 single days)'],
  ['scenes/1088-2-1089/today.json', 1000, '400 vehicles/day (347–437 single days)'],
] as const) {
  const scene = load(file);
  const runs = days(scene, asked);
  const cleared = mean(runs.map((k) => k.cleared));
  const area = worstArea(runs);
  const road = mean(runs.map((k) => k.holding[area]!.roadQueueMaxM));
  json[`${scene.id}.capacityPerDay`] = cleared;
  json[`${scene.id}.roadQueueMaxM`] = road;
  rows.push({
    figure: `${scene.zone.id} today: cleared a day with ${n0(asked)} trucks asked`,
    model: `${n0(cleared)}; binds: ${binds(scene, runs)}; queue on the road up to ${km(road)} km (${areaText(scene, area, runs[0]!.holding[area]!.capacity)})`,
    published,
  });
}

// The queue at Tân Thanh today with ≈1,000 trucks a day arriving: trucks inside at the end of each of three days,
// and the queue on the road (metres, at the model's spacing): the longest, how fast it grew, where it stood.
const ENDS = [DAY_H - 1, 2 * DAY_H - 1, 3 * DAY_H - 1];
const spacing = simParams(load('scenes/1088-2-1089/today.json')).truckQueueSpacingM;
const perDayGrowthM = (accepted: number) => (1000 - accepted) * spacing;
{
  const scene = load('scenes/1088-2-1089/today.json');
  const sims = SEEDS.map((seed) => {
    const sim = new Simulation(scene, { seed, vehiclesPerDay: 1000, hours: 3 * DAY_H });
    sim.run();
    return sim;
  });
  const inside = sims.map((sim) => ENDS.map((h) => sim.hourly[h]!.inside));
  const perDay = [0, 1, 2].map((d) => mean(inside.map((s) => s[d]!)));
  json['1088-2-1089-today.insideAfterDays1to3.1'] = perDay[0]!;
  json['1088-2-1089-today.insideAfterDays1to3.2'] = perDay[1]!;
  json['1088-2-1089-today.insideAfterDays1to3.3'] = perDay[2]!;
  rows.push({
    figure: '1088/2–1089 today, ≈1,000 trucks a day arriving: trucks inside at the end of days 1, 2, 3 (no warm-up)',
    model: `${perDay.map(n0).join(', ')} (growth ${n0((perDay[2]! - perDay[0]!) / 2)} a day)`,
    published: '≈1,000 arriving against ≈300 accepted a day (≈700 a day more in the queue); 4,550 queued in Dec 2021 while 300–400 a day cleared',
  });

  const runs = sims.map((sim) => sim.kpis());
  const area = worstArea(runs);
  const series = sims.map((sim) => roadSeries(sim.hourly, area));
  const longest = mean(runs.map((k) => k.holding[area]!.roadQueueMaxM));
  // The fastest an hour added to the queue on the road, and at which hour (the mean series over the seeds).
  const meanSeries = series[0]!.map((_, h) => mean(series.map((s) => s[h]!)));
  let fastest = 0;
  let fastestHour = 0;
  meanSeries.forEach((m, h) => {
    if (h > 0 && m - meanSeries[h - 1]! > fastest) [fastest, fastestHour] = [m - meanSeries[h - 1]!, h];
  });
  const atEnds = ENDS.map((h) => meanSeries[h]!);
  const export_ = Object.entries(runs[0]!.holding).find(([, h]) => h.capacity > 0);
  const exportMost = export_ ? mean(runs.map((k) => k.holding[export_[0]]!.trucksMax)) : 0;
  json['1088-2-1089-today.roadQueueMaxM'] = longest;
  json['1088-2-1089-today.roadQueueFastestGrowthMPerHour'] = fastest;
  json['1088-2-1089-today.roadQueueAtDayEndsM.1'] = atEnds[0]!;
  json['1088-2-1089-today.roadQueueAtDayEndsM.2'] = atEnds[1]!;
  json['1088-2-1089-today.roadQueueAtDayEndsM.3'] = atEnds[2]!;
  rows.push({
    figure: `1088/2–1089 today, 1,000 trucks a day asked: the queue on the road (${spacing} m a truck, one file; 3 days, no warm-up)`,
    model:
      `longest ${n0(longest)} m ${areaText(scene, area, runs[0]!.holding[area]!.capacity)}; grows at most ${n0(fastest)} m in an hour ` +
      `(to ${clock(((fastestHour % DAY_H) + 1) * 3600)}); at the end of days 1, 2, 3: ${atEnds.map(n0).join(', ')} m` +
      (export_ ? `; ${resourceName(scene, export_[0]).en} (${export_[1].capacity}) holds at most ${n0(exportMost)}` : ''),
    published: `≈700 more a day in the queue: ${km(perDayGrowthM(300))} km more road a day at ${spacing} m a truck (${n0(perDayGrowthM(300) / 24)} m an hour); "queued for tens of kilometres" at Tân Thanh for over 10 days, truck stations 20 km and ≈80 km from the gate (VietNamNet)`,
  });
}

// A stand-in for the Chinese side's acceptance (not a model of it): every truck an export truck (the fruit of the
// stress reports), the border barrier one lane whose service makes its 16 open hours clear ≈300 a day.
{
  const base = load('scenes/1088-2-1089/today.json');
  const accepted = 300;
  const open = base.process.openingHours.closeHour - base.process.openingHours.openHour;
  const serviceS = Math.round((open * 3600) / accepted);
  const scene: Scene = {
    ...base,
    process: { ...base.process, exportShare: { ...base.process.exportShare, value: 1 } },
    facilities: base.facilities.map((f) =>
      f.kind === 'barrier' && f.id === 'vn-border-entry' ? { ...f, lanes: 1, openingTimeS: { value: serviceS, source: 'validation stand-in' } } : f,
    ),
  };
  const sims = SEEDS.map((seed) => {
    const sim = new Simulation(scene, { seed, vehiclesPerDay: 1000, hours: 3 * DAY_H });
    sim.run();
    return sim;
  });
  const runs = sims.map((sim) => sim.kpis());
  const area = worstArea(runs);
  const h = runs[0]!.holding[area]!;
  const firstFull = mean(runs.map((k) => k.holding[area]!.fullFirstS ?? Number.NaN));
  const series = sims.map((sim) => roadSeries(sim.hourly, area));
  const atEnds = ENDS.map((e) => mean(series.map((s) => s[e]!)));
  const cleared = mean(runs.map((k) => k.cleared)) / 3;
  // Growth while the gate is open on day 2 (from opening to closing): metres an hour.
  const { openHour, closeHour } = base.process.openingHours;
  const openGrowth = mean(series.map((s) => (s[DAY_H + closeHour - 1]! - s[DAY_H + openHour - 1]!) / (closeHour - openHour)));
  json['1088-2-1089-standin300.clearedPerDay'] = cleared;
  json['1088-2-1089-standin300.holdingFullFirstS'] = firstFull;
  json['1088-2-1089-standin300.roadQueueAtDayEndsM.1'] = atEnds[0]!;
  json['1088-2-1089-standin300.roadQueueAtDayEndsM.2'] = atEnds[1]!;
  json['1088-2-1089-standin300.roadQueueAtDayEndsM.3'] = atEnds[2]!;
  json['1088-2-1089-standin300.roadQueueGrowthMPerOpenHour'] = openGrowth;
  rows.push({
    figure: `1088/2–1089 today as a stand-in: 1,000 export trucks a day, the border barrier slowed to clear ≈${accepted} a day (one lane, ${serviceS} s a truck)`,
    model:
      `clears ${n0(cleared)} a day; ${resourceName(scene, area).en} (${h.capacity}) full at ${clock(firstFull)} on day 1; queue on the road at the end of days 1, 2, 3: ` +
      `${atEnds.map(km).join(', ')} km (+${km((atEnds[2]! - atEnds[0]!) / 2)} km a day); ${n0(openGrowth)} m an hour while the gate is open`,
    published: `≈700 more a day in the queue: ${km(perDayGrowthM(accepted))} km more road a day at ${spacing} m a truck`,
  });
}

// December 2021: 4,550 trucks queued in Lạng Sơn, as road at the model's spacing.
{
  const queued = 4550;
  const holdings = ['scenes/1088-2-1089/today.json', 'scenes/1119-1120/today.json'].flatMap((f) =>
    load(f).facilities.flatMap((x) => (x.kind === 'truck-holding' && x.side === 'VN' ? [x.capacityTrucks] : [])),
  );
  const heldHere = holdings.reduce((a, b) => a + b, 0);
  json['dec2021.queueKmOneFile'] = (queued * spacing) / 1000;
  rows.push({
    figure: `Dec 2021: ${n0(queued)} trucks queued in Lạng Sơn, as road at the model's spacing (${spacing} m a truck)`,
    model: `${km(queued * spacing)} km in one file, ${km((queued * spacing) / 2)} km in two lanes; the today scenes' Vietnamese holding areas at both lanes hold ${n0(heldHere)} (${((heldHere / queued) * 100).toFixed(1)} %)`,
    published:
      '4,550 queued at Hữu Nghị, Tân Thanh and Chi Ma, 300–400 a day cleared, parking near the gates full (VnExpress, GDVC); queues of tens of km, truck stations up to ≈80 km from Tân Thanh (VietNamNet)',
  });
}

// One AGV's day, and containers across, on the 2030 layout of 1119–1120 at the roadmap's fleet.
{
  const scene = load('scenes/1119-1120/2030.json');
  const agvs = 60;
  const runs = days(scene, 3500, agvs);
  const across = mean(runs.map((k) => k.containersAcross.export + k.containersAcross.import));
  const perAgv = across / agvs;
  const busy = mean(runs.map((k) => k.utilisation['agv-fleet'] ?? 0));
  json['1119-1120-2030.containersAcrossPerDay'] = across;
  json['1119-1120-2030.containersPerAgvDay'] = perAgv;
  rows.push({
    figure: `1119–1120 2030, ${agvs} AGVs, 3,500 trucks asked: containers carried across per AGV a day (one 40-ft container, 2 TEU, a trip)`,
    model: `${perAgv.toFixed(1)} (fleet ${Math.round(busy * 100)} % busy; ${n0((24 * 60 * busy) / perAgv)} min of AGV work a container)`,
    published: 'Ganqimaodu: ≈7 round trips an AGV a day on a ≈6 km corridor, ≈50 min a round trip, 2 TEU an AGV',
  });
  rows.push({
    figure: '1119–1120 2030: containers across the border a day',
    model: n0(across),
    published: 'smart port designed for ≈2,800 containers a day',
  });
}

console.log('| figure | model | published |');
console.log('| --- | --- | --- |');
for (const r of rows) console.log(`| ${r.figure} | ${r.model} | ${r.published} |`);
console.log(JSON.stringify(json));
