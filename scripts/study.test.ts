import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

function study(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'scripts/study.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  return { status: r.status, lines, stderr: r.stderr };
}

const REQUIRED = [
  'vehiclesPerDay',
  'cleared',
  'timeInSystemP50S',
  'timeInSystemP95S',
  'utilisation',
  'queueMax',
  'bottleneck',
  'nearMisses',
  'contacts',
  'simSeconds',
  'wallMs',
];

describe('scripts/study.ts', { timeout: 240_000 }, () => {
  it('prints the KPIs as JSON on its last line, the same for the same seed but for the wall time', () => {
    const args = ['scenes/1119-1120/proposed.json', '--vehicles-per-day', '2000', '--agvs', '30', '--hours', '4', '--seed', '9'];
    const a = study(...args);
    const b = study(...args);
    expect(a.status).toBe(0);
    const ja = JSON.parse(a.lines.at(-1)!) as Record<string, unknown>;
    const jb = JSON.parse(b.lines.at(-1)!) as Record<string, unknown>;
    for (const key of REQUIRED) expect(ja).toHaveProperty(key);
    expect(ja).toMatchObject({ vehiclesPerDay: 2000, agvs: 30, hours: 4, seed: 9, simSeconds: 14400 });
    expect(typeof ja.wallMs).toBe('number');
    delete ja.wallMs;
    delete jb.wallMs;
    expect(JSON.stringify(jb)).toBe(JSON.stringify(ja));
    expect(Object.keys(ja.utilisation as object)).toContain(ja.bottleneck);
  });

  it('runs a study with replications and an AGV sweep, printing the table and the smallest fleet', () => {
    const args = [
      'scenes/1119-1120/proposed.json',
      '--vehicles-per-day',
      '20000',
      '--hours',
      '2',
      '--replications',
      '3',
      '--target',
      '1500',
      '--sweep',
      'agvs:10:40:10',
    ];
    const r = study(...args);
    expect(r.status).toBe(0);
    expect(r.lines[1]).toMatch(/^AGVs +vehicles\/day +cleared in 2 h +cleared\/day \(x 12\) +95 % CI/);
    expect(r.lines.slice(2, 6).map((l) => l.trim().split(/ +/)[0])).toEqual(['10', '20', '30', '40']);
    const json = JSON.parse(r.lines.at(-1)!) as {
      sweep: { points: { agvs: number; clearedPerDay: { low: number } }[]; smallestFleet: { agvs: number; criterion: string } };
    };
    const answer = json.sweep.smallestFleet;
    expect(answer.criterion).toBe('ci-low');
    expect(r.lines).toContain(`smallest fleet reaching 1500/day (lower bound of the 95 % CI): ${answer.agvs} AGVs`);
    const first = json.sweep.points.find((p) => p.clearedPerDay.low >= 1500);
    expect(first?.agvs).toBe(answer.agvs);
    expect(r.stderr).toMatch(/run 12 of 12 done/);
  });

  it('names the binding resource as people do, with why the AGV lanes bind (issue 14)', () => {
    const fleet = study('scenes/1119-1120/proposed.json', '--vehicles-per-day', '2000', '--agvs', '30', '--hours', '4', '--seed', '9');
    expect(fleet.lines[0]).toMatch(/; binds: (AGV fleet|AGV lanes \(waiting for other AGVs\)|[A-Z][^:]+): /);
    expect(fleet.lines[0]).not.toMatch(/binds: [a-z0-9-]+$/);
    // 150 AGVs on a burst of trucks queue behind each other: the lanes bind, and the line says why.
    const lanes = study('scenes/1119-1120/proposed.json', '--vehicles-per-day', '20000', '--agvs', '150', '--hours', '3', '--seed', '1');
    // Then, since trucks have length, the queue on the road (issue 14 part 4).
    expect(lanes.lines[0]).toMatch(
      /; binds: AGV lanes \(waiting for other AGVs\): AGVs spent \d+ % of their working time waiting for one another \(fleet \d+ % busy\); (spill-back|no queue on the road)/,
    );
  });

  it('says how long the queue on the road grew and when the holding area filled, in a run and in a study (issue 14 part 4)', () => {
    // 1119–1120 today with 3,000 a day asked: the scanner clears 800 import trucks a day of the 2,160 asked.
    const run = study('scenes/1119-1120/today.json', '--vehicles-per-day', '3000', '--seed', '1');
    expect(run.lines[0]).toMatch(
      /; spill-back up to [\d,]+ m on the road \(Import truck parking, awaiting clearance \(70 trucks\)\); Import truck parking, awaiting clearance \(70 trucks\) full from \d\d:\d\d for [\d.]+ h$/,
    );
    const k = JSON.parse(run.lines.at(-1)!) as {
      spillBackMaxM: number;
      holding: Record<string, { capacity: number; trucksMax: number; roadQueueMaxM: number }>;
    };
    expect(k.holding['vn-import-parking']).toMatchObject({ capacity: 70, trucksMax: 70 });
    expect(k.spillBackMaxM).toBe(k.holding['vn-import-parking']!.roadQueueMaxM);
    expect(run.lines[0]).toContain(`spill-back up to ${k.spillBackMaxM.toLocaleString('en-US')} m`);

    const r = study('scenes/1088-2-1089/today.json', '--vehicles-per-day', '1000', '--replications', '2', '--warmup-days', '0');
    expect(r.status).toBe(0);
    expect(r.lines[1]).toMatch(/ +spill-back max m +binds \(runs\)/);
    const at = r.lines.findIndex((l) => l.startsWith('holding areas and the road beyond them'));
    expect(at).toBeGreaterThan(1);
    expect(r.lines[at + 1]).toMatch(/^- Holding yard for trucks crossing by road \(60 trucks\): most \d+/);
    // Import trucks come in from China past no holding area: their queue stands on the road from the first truck.
    expect(r.lines[at + 2]).toMatch(/^- the road before .+ \(no holding area\): a truck on the road [\d.]+ .*on the road most \d+/);
    expect(r.lines[at + 3]).toBe('caveats:');
  });

  it('says on the result what a 6-h window of two seeds cannot say (issue 14)', () => {
    const r = study('scenes/1119-1120/proposed.json', '--hours', '6', '--replications', '2');
    expect(r.status).toBe(0);
    const at = r.lines.indexOf('caveats:');
    expect(at).toBeGreaterThan(2);
    expect(r.lines[at + 1]).toMatch(
      /^- a window of 6 h from 00:00, scaled to a day \(× 4\): the arrival profile is not flat, so cleared\/day here is not a day's capacity/,
    );
    expect(r.lines[at + 2]).toMatch(/^- 2 replications: too few for a meaningful 95 % interval/);
    expect(r.lines[2]).toMatch(/^ +40 +3000 +\d+\.\d +\d+\.\d +\d+\.\d-\d+\.\d/);
    const json = JSON.parse(r.lines.at(-1)!) as { caveats: { code: string }[]; base: { timeInSystemP95S: { low: number } } };
    expect(json.caveats.map((c) => c.code).slice(0, 2)).toEqual(['partial-day', 'few-replications']);
    expect(json.base.timeInSystemP95S.low).toBeGreaterThanOrEqual(0);
  });

  it('writes the study as a report page with --report, in English or Vietnamese, saying where', () => {
    const dir = mkdtempSync(join(tmpdir(), 'study-report-'));
    try {
      const out = join(dir, 'report.html');
      const r = study('scenes/1088-2-1089/2027.json', '--replications', '2', '--hours', '2', '--warmup-days', '0', '--report', out);
      expect(r.status).toBe(0);
      expect(r.stderr).toContain(`report written to ${out}`);
      const json = JSON.parse(r.lines.at(-1)!) as { base: { clearedPerDay: { mean: number } } };
      const html = readFileSync(out, 'utf8');
      expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(html).toContain(`<span class="value">${Math.round(json.base.clearedPerDay.mean).toLocaleString('en-GB')}</span>`);
      const vi = join(dir, 'bao-cao.html');
      expect(study('scenes/1088-2-1089/2027.json', '--replications', '1', '--hours', '1', '--report', vi, '--lang', 'vi').status).toBe(0);
      expect(readFileSync(vi, 'utf8')).toContain('<h1>Nghiên cứu năng lực của một bố trí</h1>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses --report without a study (2) and where it cannot be written (1), before running anything', () => {
    const single = study('scenes/1088-2-1089/2027.json', '--hours', '1', '--report', 'x.html');
    expect(single.status).toBe(2);
    expect(single.stderr).toMatch(/--report goes with a study: --replications or --sweep\nusage: npm run study/);
    const bare = study('scenes/1088-2-1089/2027.json', '--replications', '2', '--report');
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/--report needs the file to write \(got nothing\)/);
    const lang = study('scenes/1088-2-1089/2027.json', '--replications', '2', '--lang', 'vi');
    expect(lang.status).toBe(2);
    expect(lang.stderr).toMatch(/--lang is the report's language: it goes with --report/);
    const nowhere = study('scenes/1088-2-1089/2027.json', '--replications', '2', '--report', 'no/such/folder/report.html');
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr).toMatch(/^no\/such\/folder\/report\.html: cannot write the report there \(ENOENT\)$/m);
    expect(nowhere.stderr).not.toMatch(/run \d+ of/);
  });

  it('exits 2 on wrong usage and 1 on an invalid scene, saying why', () => {
    const none = study();
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/usage: npm run study/);
    const flag = study('scenes/1119-1120/today.json', '--agvs', 'many');
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/--agvs needs a number \(got many\)/);
    const sweep = study('scenes/1119-1120/proposed.json', '--sweep', 'agvs:50:400');
    expect(sweep.status).toBe(2);
    expect(sweep.stderr).toMatch(/--sweep needs PARAMETER:FROM:TO:STEP/);
    const seeded = study('scenes/1119-1120/proposed.json', '--replications', '3', '--seed', '2');
    expect(seeded.status).toBe(2);
    expect(seeded.stderr).toMatch(/--seed does not go with a study/);
    const broken = study('src/domain/fixtures/broken/missing-comma.json');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/missing-comma\.json:\d+:\d+/);
  });
});
