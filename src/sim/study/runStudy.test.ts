import { describe, expect, it } from 'vitest';
import { loadScene } from '../testScenes';
import { runStudy, smallestFleet, type StudyProgress } from './runStudy';
import type { PointResult } from './summarisePoint';

const proposed = loadScene('scenes/1119-1120/proposed.json');

/** A sweep point with only what the fleet answer reads. */
const point = (agvs: number, mean: number, half?: number) =>
  ({ agvs, clearedPerDay: half === undefined ? { n: 1, mean } : { n: 3, mean, half, low: mean - half, high: mean + half } }) as PointResult;

describe('runStudy', { timeout: 60_000 }, () => {
  it('gives the same result for the same spec, with progress rising to 1 and hourly means', () => {
    const spec = { vehiclesPerDay: 3000, agvs: 20, hours: 2, replications: 2 };
    const seen: StudyProgress[] = [];
    const a = runStudy(proposed, spec, (p) => seen.push(p));
    const b = runStudy(proposed, spec);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.base.runs.map((k) => k.seed)).toEqual([1, 2]);
    expect(a.base.clearedPerDay.n).toBe(2);
    expect(a.base.clearedPerDay.mean).toBeCloseTo((a.base.runs[0]!.clearedPerDay + a.base.runs[1]!.clearedPerDay) / 2, 9);
    expect(a.base.hourly.map((h) => h.hour)).toEqual([0, 1]);
    expect(Object.keys(a.base.hourly[0]!.utilisation)).toContain('agv-fleet');
    expect(Object.keys(a.base.utilisation)).toContain(a.base.binding.resource);
    expect(seen.map((p) => p.fraction)).toEqual([...seen.map((p) => p.fraction)].sort((x, y) => x - y));
    expect(seen.at(-1)).toEqual({ fraction: 1, runsDone: 2, runs: 2 });
    expect(a.targetRange).toEqual({ min: 3000, max: 3500 });
  });

  it('hourly utilisation averages back to the whole run', () => {
    const r = runStudy(proposed, { vehiclesPerDay: 3000, hours: 3, replications: 1 });
    const hours = r.base.hourly.map((h) => h.utilisation['vn-import-crane-1'] ?? 0);
    expect(hours.reduce((a, b) => a + b, 0) / hours.length).toBeCloseTo(r.base.utilisation['vn-import-crane-1']!.mean, 2);
  });

  it('finds the smallest fleet of an AGV sweep that reaches the target on the lower 95 % bound', () => {
    const r = runStudy(proposed, {
      vehiclesPerDay: 20000,
      hours: 2,
      warmupDays: 0,
      replications: 3,
      target: 1500,
      sweep: { parameter: 'agvs', from: 10, to: 40, step: 10 },
    });
    const pts = r.sweep!.points;
    expect(pts.map((p) => p.agvs)).toEqual([10, 20, 30, 40]);
    const answer = r.sweep!.smallestFleet!;
    expect(answer.criterion).toBe('ci-low');
    expect(answer.agvs).toBeDefined();
    const k = pts.findIndex((p) => p.agvs === answer.agvs);
    expect(pts[k]!.clearedPerDay.low!).toBeGreaterThanOrEqual(1500);
    for (const p of pts.slice(0, k)) expect(p.clearedPerDay.low!).toBeLessThan(1500);
    expect(k).toBeGreaterThan(0);
  });

  it('says what a short window with two identical seeds cannot say, and keeps every bound within its range (issue 14)', () => {
    // The study of the issue: 6 h from midnight × 2 seeds; both seeds cleared 223 trucks.
    const r = runStudy(proposed, { hours: 6, replications: 2 });
    const codes = r.caveats.map((c) => c.code);
    expect(r.caveats[0]).toMatchObject({ code: 'partial-day', params: { hours: 6, scale: 4 } });
    expect(r.caveats[0]!.message).toMatch(/^a window of 6 h from 00:00, scaled to a day \(× 4\): the arrival profile is not flat/);
    expect(r.caveats[1]).toMatchObject({ code: 'few-replications', params: { replications: 2, minimum: 5 } });
    const c = r.base.clearedPerDay;
    expect(r.base.clearedInWindow.mean).toBe((r.base.runs[0]!.cleared + r.base.runs[1]!.cleared) / 2);
    expect(c.mean).toBeCloseTo(r.base.clearedInWindow.mean * 4, 6);
    if (c.identical)
      expect(r.caveats).toContainEqual(expect.objectContaining({ code: 'identical-runs', params: expect.objectContaining({ figure: 'clearedPerDay' }) }));
    expect(codes).toContain('interval-cut');
    for (const e of [r.base.clearedInWindow, c, r.base.timeInSystemP50S, r.base.timeInSystemP95S]) expect(e.low!).toBeGreaterThanOrEqual(0);
    for (const e of Object.values(r.base.utilisation)) {
      expect(e.low!).toBeGreaterThanOrEqual(0);
      expect(e.high!).toBeLessThanOrEqual(1);
    }
    const cut = r.caveats.find((x) => x.code === 'interval-cut' && x.params.figure === 'utilisation' && x.params.bound === 'high');
    if (r.base.utilisation['agv-fleet']!.cut?.high !== undefined)
      expect(cut?.message).toMatch(/^utilisation of AGV fleet: the 95 % interval's high bound cut to 100 %/);
  });

  it('gives a full day of enough replications no caveat of the window or their number', () => {
    const r = runStudy(proposed, { vehiclesPerDay: 1000, agvs: 20, hours: 24, replications: 5 });
    expect(r.caveats.map((c) => c.code).filter((c) => c === 'partial-day' || c === 'few-replications')).toEqual([]);
  });

  it('refuses a layout that fails its checks, naming the problem', () => {
    const broken = { ...proposed, facilities: [...proposed.facilities, proposed.facilities[4]!] };
    expect(() => runStudy(broken, { hours: 1, replications: 1 })).toThrow(/the layout has \d+ problems? \(.*vn-barrier-entry/);
  });
});

describe('smallestFleet', () => {
  it('takes the lower bound with replications, the mean with one, and says when none reaches', () => {
    expect(smallestFleet([point(30, 3100, 50), point(10, 2000, 50), point(20, 3020, 50)], 3000)).toEqual({ criterion: 'ci-low', agvs: 30 });
    expect(smallestFleet([point(10, 2000), point(20, 3020)], 3000)).toEqual({ criterion: 'mean', agvs: 20 });
    expect(smallestFleet([point(10, 2000, 10), point(20, 2500, 10)], 3000)).toEqual({ criterion: 'ci-low' });
  });
});
