import { describe, expect, it } from 'vitest';
import { loadScene } from '../testScenes';
import { MIN_REPLICATIONS, studyCaveats } from './studyCaveats';
import type { ResolvedStudySpec } from './studySpec';
import { COUNT, DURATION, estimate, SHARE } from './studyStats';
import type { PointResult } from './summarisePoint';

const proposed = loadScene('scenes/1119-1120/proposed.json');

/** A study point from per-seed figures, as summarisePoint makes it (only what the caveats read). */
function point(agvs: number, cleared: number[], p95: number[], fleet: number[], hours: number): PointResult {
  return {
    agvs,
    vehiclesPerDay: 3000,
    clearedInWindow: estimate(cleared, COUNT),
    clearedPerDay: estimate(
      cleared.map((c) => (c * 24) / hours),
      COUNT,
    ),
    timeInSystemP50S: estimate(
      p95.map((x) => x / 3),
      DURATION,
    ),
    timeInSystemP95S: estimate(p95, DURATION),
    utilisation: { 'agv-fleet': estimate(fleet, SHARE), 'vn-export-crane-2': estimate([0, 0], SHARE) },
  } as unknown as PointResult;
}

const spec = (hours: number, replications: number, sweep?: ResolvedStudySpec['sweep']): ResolvedStudySpec => ({
  vehiclesPerDay: 3000,
  agvs: 40,
  warmupDays: 0,
  hours,
  replications,
  target: 3000,
  ...(sweep ? { sweep } : {}),
});

describe('studyCaveats', () => {
  it('says all of issue 14: a 6-h window scaled × 4, two seeds, identical clearances, a p95 below 0, a fleet above 100 %', () => {
    const caveats = studyCaveats(proposed, spec(6, 2), [point(40, [223, 223], [3948.2, 5495.2], [0.8225, 0.8691], 6)]);
    expect(caveats.map((c) => c.message)).toEqual([
      "a window of 6 h from 00:00, scaled to a day (× 4): the arrival profile is not flat, so cleared/day here is not a day's capacity; simulate whole days (24 h) for that",
      `2 replications: too few for a meaningful 95 % interval (t(0.975, 1) alone widens it; ${MIN_REPLICATIONS} or more, data/study.json)`,
      'cleared/day: all replications identical (892): the interval has no width and says nothing about how days differ',
      "time in system p50: the 95 % interval's low bound cut to 0 min, the least it can be (mean ± t·s/√n gave -28 min)",
      "time in system p95: the 95 % interval's low bound cut to 0 min, the least it can be (mean ± t·s/√n gave -85 min)",
      "utilisation of AGV fleet: the 95 % interval's high bound cut to 100 %, the most it can be (mean ± t·s/√n gave 114 %)",
    ]);
    expect(caveats[2]).toMatchObject({ code: 'identical-runs', params: { figure: 'clearedPerDay', value: 892, at: { values: [] } } });
    expect(caveats[5]).toMatchObject({ code: 'interval-cut', params: { figure: 'utilisation', resources: ['agv-fleet'], bound: 'high', limit: 1 } });
  });

  it('says nothing of whole days with enough replications that differ and stay in range', () => {
    expect(
      studyCaveats(proposed, spec(48, 5), [point(40, [3000, 3100, 2950, 3050, 3020], [3600, 3700, 3650, 3500, 3550], [0.5, 0.52, 0.55, 0.49, 0.5], 48)]),
    ).toEqual([]);
  });

  it('says one replication gives no interval, and names the sweep points a caveat holds at', () => {
    const one = studyCaveats(proposed, spec(24, 1), [point(40, [3000], [3600], [0.5], 24)]);
    expect(one.map((c) => c.code)).toEqual(['few-replications']);
    expect(one[0]!.message).toMatch(/^one replication: no confidence interval at all/);
    const sweep = studyCaveats(proposed, spec(24, 5, { parameter: 'agvs', from: 10, to: 20, step: 10 }), [
      point(20, [900, 900, 900, 900, 900], [3600, 3700, 3650, 3500, 3550], [0.5, 0.52, 0.55, 0.49, 0.5], 24),
      point(10, [500, 500, 500, 500, 500], [3600, 3700, 3650, 3500, 3550], [0.5, 0.52, 0.55, 0.49, 0.5], 24),
    ]);
    expect(sweep.map((c) => c.message)).toEqual([
      'cleared/day: all replications identical at 10, 20 AGVs: the interval has no width and says nothing about how days differ',
    ]);
  });
});
