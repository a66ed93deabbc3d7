import { describe, expect, it } from 'vitest';
import { AGV_MANUAL, AGV_TO_DROP } from '../AgvFleet';
import { gateLayout } from '../gateLayout';
import { loadScene } from '../testScenes';
import { forecast } from './forecast';
import { forecastBand } from './forecastBand';
import { ForecastEngine } from './ForecastEngine';
import type { ForecastAgv, ForecastInput, ForecastResult } from './forecastTypes';
import { forkSimulation, nearestFreeCells } from './forkSimulation';

const scene = loadScene('scenes/1119-1120/proposed.json');
const layout = gateLayout(scene, 1);
const legs = layout.agvLegs!;
/** The lane node of the first crane of the export leg's destination yard (an AGV delivers there). */
const dropNode = layout.cranes.find((c) => c.yard === legs.export.to && c.laneNode >= 0)!.laneNode;
const node = (k: number) => scene.lanes.nodes[k]!.position;
const TEN_AM = 10 * 3600;

/** Six AGVs on lane nodes spread over the network: every other one loaded, the first sent to the export drop crane. */
function input(): ForecastInput {
  const nodes = scene.lanes.nodes;
  const agvs: ForecastAgv[] = Array.from({ length: 6 }, (_, i) => {
    const [x, y] = node(Math.floor((i * nodes.length) / 6));
    return { x: x + 0.4, y: y - 0.3, loaded: i % 2 === 0, goalNode: i === 0 ? dropNode : -1, paused: i === 5, standing: i === 5 };
  });
  return { timeOfDayS: TEN_AM, agvs };
}

describe('forkSimulation', { timeout: 60_000 }, () => {
  it('puts every AGV on the lane cell nearest its reported position, loaded ones with a container', () => {
    const sim = forkSimulation(scene, input(), 1, 3600);
    const fleet = sim.fleet!;
    const g = fleet.motion.graph;
    expect(sim.now).toBe(TEN_AM);
    expect(fleet.n).toBe(6);
    input().agvs.forEach((a, i) => {
      const v = fleet.motion.vertex[i]!;
      expect(Math.hypot(g.x[v]! - a.x, g.y[v]! - a.y)).toBeLessThan(1);
      expect(fleet.carrying(i) >= 0).toBe(a.loaded);
      expect(fleet.motion.paused[i]).toBe(a.paused ? 1 : 0);
    });
    expect(fleet.state[0]).toBe(AGV_TO_DROP);
    expect(fleet.motion.goal[0]).toBe(fleet.motion.vertexOfNode[dropNode]);
  });

  it('sends an empty AGV with a goal there, and a second AGV reported on the same cell to the nearest free one', () => {
    const [x, y] = node(3);
    const agv = { x, y, loaded: false, goalNode: 0, paused: false, standing: true };
    const sim = forkSimulation(scene, { timeOfDayS: 3600, agvs: [agv, { ...agv, goalNode: -1 }] }, 2, 3600);
    const m = sim.fleet!.motion;
    expect(m.vertex[0]).toBe(m.vertexOfNode[3]);
    expect(m.vertex[1]).not.toBe(m.vertex[0]);
    const second = m.vertex[1]!;
    let nearest = Infinity;
    for (let v = 0; v < m.graph.nodeCount; v++) if (v !== m.vertex[0]) nearest = Math.min(nearest, Math.hypot(m.graph.x[v]! - x, m.graph.y[v]! - y));
    expect(Math.hypot(m.graph.x[second]! - x, m.graph.y[second]! - y)).toBeCloseTo(nearest, 9);
    expect(sim.fleet!.state[0]).toBe(AGV_MANUAL);
    expect(m.goal[0]).toBe(m.vertexOfNode[0]);
  });

  it('refuses input it cannot place, naming the problem', () => {
    const agv = input().agvs[1]!;
    expect(() => forkSimulation(scene, { timeOfDayS: 86400, agvs: [agv] }, 1, 3600)).toThrow(/time of day/);
    expect(() => forkSimulation(scene, { timeOfDayS: 0, agvs: [] }, 1, 3600)).toThrow(/at least one AGV/);
    expect(() => forkSimulation(scene, { timeOfDayS: 0, agvs: [{ ...agv, goalNode: 1e6 }] }, 1, 3600)).toThrow(/AGV 1: goal node/);
    expect(() => forkSimulation(scene, { timeOfDayS: 0, agvs: [{ ...agv, x: NaN }] }, 1, 3600)).toThrow(/AGV 1: position/);
  });

  it('takes cells in input order: the nearest free one', () => {
    const m = forkSimulation(scene, input(), 1, 3600).fleet!.motion;
    const p = { x: m.graph.x[7]!, y: m.graph.y[7]! };
    const cells = nearestFreeCells(m.graph, [p, p, p]);
    expect(cells[0]).toBe(7);
    expect(new Set(cells).size).toBe(3);
  });
});

describe('forecast', { timeout: 120_000 }, () => {
  const seeds = [1, 2, 3];
  const results = forecast(scene, input(), { seeds, hours: 1 });

  it('is the same for the same seed, and differs with another', () => {
    expect(forecast(scene, input(), { seeds: [2], hours: 1 })[0]).toEqual(results[1]);
    expect(JSON.stringify(results[0]!.bins)).not.toBe(JSON.stringify(results[1]!.bins));
  });

  it('bins an hour in twelve 5-minute bins that sum to the totals, and keeps positions at +5 and +15 min', () => {
    for (const r of results) {
      expect(r.fromS).toBe(TEN_AM);
      expect(r.toS).toBe(TEN_AM + 3600);
      for (const m of ['cleared', 'containers', 'trucksWaiting', 'agvBusyShare', 'plannerWaits'] as const) expect(r.bins[m]).toHaveLength(12);
      const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
      expect(sum(r.bins.cleared)).toBe(r.totals.cleared);
      expect(sum(r.bins.containers)).toBe(r.totals.containers);
      expect(sum(r.bins.plannerWaits)).toBe(r.totals.plannerWaits);
      expect(r.totals.cleared).toBeGreaterThan(0);
      expect(r.totals.containers).toBeGreaterThan(0);
      for (const share of r.bins.agvBusyShare) {
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }
      expect(r.positions.map((p) => p.afterS)).toEqual([300, 900]);
      for (const p of r.positions) expect([p.x.length, p.y.length]).toEqual([6, 6]);
    }
    // The paused AGV has not moved.
    const g = forkSimulation(scene, input(), 1, 3600).fleet!.motion;
    expect(results[0]!.positions[1]!.x[5]).toBe(g.graph.x[g.vertex[5]!]);
  });

  it('bands the seeds: per bin min ≤ median ≤ max, totals within [lo, hi]', () => {
    const band = forecastBand(results);
    expect(band.seeds).toBe(3);
    for (const m of Object.values(band.bins)) {
      m.median.forEach((med, b) => {
        expect(m.min[b]).toBeLessThanOrEqual(med);
        expect(med).toBeLessThanOrEqual(m.max[b]!);
      });
    }
    for (const k of ['cleared', 'containers', 'plannerWaits'] as const) {
      const [lo, hi] = band.totals[k];
      expect(lo).toBe(Math.min(...results.map((r) => r.totals[k])));
      expect(hi).toBe(Math.max(...results.map((r) => r.totals[k])));
      expect(lo).toBeLessThanOrEqual(band.medianTotals[k]);
      expect(band.medianTotals[k]).toBeLessThanOrEqual(hi);
    }
  });
});

describe('forecastBand', () => {
  const result = (seed: number, cleared: number[]): ForecastResult => {
    const zeros = cleared.map(() => 0);
    const total = cleared.reduce((a, b) => a + b, 0);
    return {
      seed,
      fromS: 0,
      toS: 600,
      binS: 300,
      bins: { cleared, containers: zeros, trucksWaiting: zeros, agvBusyShare: zeros, plannerWaits: zeros },
      totals: { cleared: total, containers: 0, plannerWaits: 0 },
      positions: [],
    };
  };

  it('takes per bin the lowest, median and highest over seeds (the mean of the middle two for an even count)', () => {
    const band = forecastBand([result(1, [4, 0]), result(2, [1, 9]), result(3, [2, 3]), result(4, [8, 1])]);
    expect(band.bins.cleared).toEqual({ min: [1, 0], median: [3, 2], max: [8, 9] });
    expect(band.totals.cleared).toEqual([4, 10]);
    expect(band.medianTotals.cleared).toBe(7);
  });

  it('refuses nothing to band and results of different spans', () => {
    expect(() => forecastBand([])).toThrow(/no forecast results/);
    expect(() => forecastBand([result(1, [1]), result(2, [1, 2])])).toThrow(/seed 2/);
  });
});

describe('ForecastEngine', { timeout: 60_000 }, () => {
  it('runs every seed with progress after each, and bands them', () => {
    const progress: number[] = [];
    const run = new ForecastEngine().run(scene, { ...input(), timeOfDayS: 2 * 3600 }, { seeds: [7, 8], hours: 1 }, (p) => progress.push(p.fraction));
    expect(progress).toEqual([0.5, 1]);
    expect(run.results.map((r) => r.seed)).toEqual([7, 8]);
    expect(run.band).toEqual(forecastBand(run.results));
  });
});

describe('the forecast’s AGV busy share', { timeout: 60_000 }, () => {
  it('is the simulation HUD’s “AGV fleet busy” (busy AGV-seconds over AGV-seconds) over the forecast hour, not since midnight', () => {
    const [r] = forecast(scene, input(), { seeds: [4], hours: 1 });
    const sim = forkSimulation(scene, input(), 4, 3600);
    const n = sim.fleet!.n;
    const before = sim.fleet!.totals().busySeconds;
    sim.advanceTo(TEN_AM + 3600);
    const overHour = (sim.fleet!.totals().busySeconds - before) / (n * 3600);
    const sinceMidnight = sim.kpis().utilisation['agv-fleet']!;
    const meanOfBins = r!.bins.agvBusyShare.reduce((a, b) => a + b, 0) / r!.bins.agvBusyShare.length;
    // Busy time accrues a 2.9 s planner step at a time: a bin may hold one step more or less than its 300 s.
    expect(Math.abs(meanOfBins - overHour)).toBeLessThan(2.9 / 300);
    expect(sinceMidnight).toBeCloseTo(sim.fleet!.totals().busySeconds / (n * sim.now), 3);
  });
});
