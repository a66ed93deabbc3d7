/**
 * `npm run validation`: the model's side of docs/validation.md, made with the committed code. Each figure is the
 * mean over seeds 1–5 of a day measured after a day of warm-up (as the studies measure), unless it says otherwise:
 * - what today's layouts clear when more trucks come than they can take, and what binds then;
 * - how fast the queue grows at Tân Thanh today with ≈1,000 trucks a day arriving (three days, trucks inside at
 *   the end of each);
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
import type { SimKpis } from '../src/sim/simKpis';
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
  json[`${scene.id}.capacityPerDay`] = cleared;
  rows.push({
    figure: `${scene.zone.id} today: cleared a day with ${n0(asked)} trucks asked`,
    model: `${n0(cleared)}; binds: ${binds(scene, runs)}`,
    published,
  });
}

// The queue at Tân Thanh today with ≈1,000 trucks a day arriving: trucks inside at the end of each of three days.
{
  const scene = load('scenes/1088-2-1089/today.json');
  const inside = SEEDS.map((seed) => {
    const sim = new Simulation(scene, { seed, vehiclesPerDay: 1000, hours: 3 * DAY_H });
    sim.run();
    return [DAY_H - 1, 2 * DAY_H - 1, 3 * DAY_H - 1].map((h) => sim.hourly[h]!.inside);
  });
  const perDay = [0, 1, 2].map((d) => mean(inside.map((s) => s[d]!)));
  json['1088-2-1089-today.insideAfterDays1to3.1'] = perDay[0]!;
  json['1088-2-1089-today.insideAfterDays1to3.2'] = perDay[1]!;
  json['1088-2-1089-today.insideAfterDays1to3.3'] = perDay[2]!;
  rows.push({
    figure: '1088/2–1089 today, ≈1,000 trucks a day arriving: trucks inside at the end of days 1, 2, 3 (no warm-up)',
    model: `${perDay.map(n0).join(', ')} (growth ${n0((perDay[2]! - perDay[0]!) / 2)} a day)`,
    published: '≈1,000 arriving against ≈300 accepted a day (≈700 a day more in the queue); 4,550 queued in Dec 2021 while 300–400 a day cleared',
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
