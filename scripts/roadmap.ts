/**
 * `npm run roadmap`: the roadmap table of the README (What the model says), made with the committed code. For each
 * stage of data/roadmap.json (a zone's layout today or a staged layout, the demand asked, the lower end of the
 * stage's target) it runs a capacity study (data/roadmap.json's replications, each a day after a day of warm-up as
 * every study) and, for a layout with AGVs, a sweep of the fleet: the smallest fleet whose cleared/day reaches the
 * target on the lower bound of its 95 % confidence interval. Prints the table in Markdown, then the rows as one
 * JSON object on the last line. Exit 1 when a scene is invalid.
 */
import { readFileSync } from 'node:fs';
import roadmap from '../data/roadmap.json' with { type: 'json' };
import { parseScene } from '../src/domain/parseScene';
import { formatProblem } from '../src/domain/problem';
import type { ZoneId } from '../src/domain/sceneSchema';
import { zoneFolder } from '../src/domain/zoneFolder';
import { resourceName } from '../src/sim/resourceName';
import { runStudy } from '../src/sim/study/runStudy';
import type { PointResult } from '../src/sim/study/summarisePoint';
import { fail } from './cliOptions';

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

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const rows: Row[] = [];
for (const stage of roadmap.stages) {
  const file = `scenes/${zoneFolder(stage.zone as ZoneId)}/${stage.variant}.json`;
  const parsed = parseScene(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) fail(parsed.problems.map((p) => formatProblem(p, file)).join('\n'), 1);
  const scene = parsed.scene;
  const range = (stage as { sweep?: { from: number; to: number; step: number } }).sweep;
  const sweep = range ? { parameter: 'agvs' as const, from: range.from, to: range.to, step: range.step } : undefined;
  const r = runStudy(scene, {
    vehiclesPerDay: stage.vehiclesPerDay,
    target: stage.target,
    replications: roadmap.replications.value,
    ...(sweep ? { sweep } : {}),
  });
  const points = r.sweep ? r.sweep.points : [r.base];
  const fleet = r.sweep?.smallestFleet?.agvs;
  // The smallest fleet that reaches the target, else the point that clears most.
  const best: PointResult = points.find((p) => p.agvs === fleet) ?? [...points].sort((a, b) => b.clearedPerDay.mean - a.clearedPerDay.mean)[0]!;
  const c = best.clearedPerDay;
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
    binds: resourceName(scene, best.binding.resource).en,
    p50Min: best.timeInSystemP50S.mean / 60,
  });
  console.error(`${file}: done`);
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
console.log(JSON.stringify({ replications: roadmap.replications.value, rows }));
