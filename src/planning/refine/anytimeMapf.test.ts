import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMovingAiMap, parseMovingAiScen } from '../movingAi';
import { solveAnytime } from './anytimeMapf';
import { solutionError, sumOfCosts, sumOfLoss } from './pathCosts';

const MAPF = new URL('../../../data/mapf/', import.meta.url);

describe('solveAnytime', () => {
  const map = parseMovingAiMap(readFileSync(new URL('warehouse-10-20-10-2-1.map', MAPF), 'utf8'), 'warehouse-10-20-10-2-1.map');
  const scen = readFileSync(new URL('warehouse-10-20-10-2-1-random-1.scen', MAPF), 'utf8');

  it('reports the first solution and a final one no worse, on one clock', () => {
    const { starts, goals } = parseMovingAiScen(scen, 'scen', map, 60);
    let clock = 0;
    const r = solveAnytime(map.graph, starts, goals, { timeLimitMs: 3000, seed: 2, now: () => clock++, checkpointsMs: [1500] });
    expect(r.solved).toBe(true);
    expect(solutionError(map.graph, starts, goals, r.paths!)).toBeUndefined();
    expect(r.soc).toBe(sumOfCosts(r.paths!, goals));
    expect(r.sumOfLoss).toBe(sumOfLoss(r.paths!, goals));
    expect(r.sumOfLoss).toBeLessThanOrEqual(r.firstSumOfLoss);
    expect(r.lowerBound).toBeLessThanOrEqual(r.sumOfLoss);
    expect(r.firstMs).toBeLessThanOrEqual(r.ms);
    expect(r.ms).toBeLessThanOrEqual(r.totalMs);
    expect(r.iterations).toBeGreaterThan(0);
    expect(r.neighbourhoods.reduce((s, k) => s + k.tried, 0)).toBeLessThanOrEqual(r.iterations);
    expect(r.checkpoints.length).toBe(1);
    expect(r.checkpoints[0]!.ms).toBeGreaterThanOrEqual(1500);
  });

  it('says unsolved, with the lower bound, when the budget ends before a first solution', () => {
    const { starts, goals } = parseMovingAiScen(scen, 'scen', map, 300);
    let clock = 0;
    const r = solveAnytime(map.graph, starts, goals, { timeLimitMs: 1, seed: 0, now: () => (clock += 10) });
    expect(r.solved).toBe(false);
    expect(r.paths).toBeUndefined();
    expect(r.lowerBound).toBe(23_971); // data/mapf/README.md
  });
});
