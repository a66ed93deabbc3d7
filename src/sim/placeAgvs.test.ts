import { describe, expect, it } from 'vitest';
import { AGV_CHARGING, AGV_IDLE, AGV_TO_DROP, AGV_TO_PARK, AGV_TO_PICK, type AgvPlacement } from './AgvFleet';
import { ServiceQueue } from './ServiceQueue';
import { Simulation } from './Simulation';
import { loadScene } from './testScenes';

const proposed = loadScene('scenes/1119-1120/proposed.json');

describe('ServiceQueue.dropWaiting', () => {
  it('takes out the waiting entities asked for, the others keeping their order, the one served untouched', () => {
    const q = new ServiceQueue('crane', 1);
    for (const id of [1, 2, 3, 4, 5]) q.request(0, id);
    q.dropWaiting(10, (id) => id % 2 === 0);
    expect(q.queueLength).toBe(2);
    expect([q.waitingAt(0), q.waitingAt(1)]).toEqual([3, 5]);
    expect(q.busy).toBe(1);
    expect(q.release(20)).toBe(3);
  });
});

describe('Simulation.placeAgvs', { timeout: 60_000 }, () => {
  const warm = () => {
    const sim = new Simulation(proposed, { seed: 3, hours: 6 });
    sim.advanceTo(4 * 3600);
    return sim;
  };

  it('puts AGVs on the cells asked, standing, and carries on from there without two on a cell', () => {
    const sim = warm();
    const m = sim.motion!;
    const cells = Array.from({ length: m.n }, (_, i) => (i * 7) % m.graph.nodeCount);
    expect(new Set(cells).size).toBe(m.n);
    sim.placeAgvs(cells.map((vertex): AgvPlacement => ({ vertex, loaded: false, goalNode: -1, paused: false })));
    for (let i = 0; i < m.n; i++) {
      expect(m.vertex[i]).toBe(cells[i]);
      expect(m.isMoving(i, sim.now)).toBe(false);
      expect(sim.fleet!.carrying(i)).toBe(-1);
      // Idle, or given a waiting container to fetch.
      expect([AGV_IDLE, AGV_TO_PARK, AGV_TO_PICK]).toContain(sim.fleet!.state[i]);
    }
    const before = sim.containersMoved;
    sim.advanceTo(sim.now + 1800);
    expect(new Set(m.vertex).size).toBe(m.n);
    expect(sim.containersMoved).toBeGreaterThan(before);
    expect(sim.kpis().contacts).toBe(0);
  });

  it('gives each loaded AGV one container, on board, and delivers it', () => {
    const sim = warm();
    const m = sim.motion!;
    const cells = Array.from({ length: m.n }, (_, i) => (i * 11) % m.graph.nodeCount);
    sim.placeAgvs(cells.map((vertex, i): AgvPlacement => ({ vertex, loaded: i < 3, goalNode: -1, paused: i === 3 })));
    const carried = [0, 1, 2].map((i) => sim.fleet!.carrying(i));
    expect(carried.every((c) => c >= 0)).toBe(true);
    expect(new Set(carried).size).toBe(3);
    for (let i = 0; i < 3; i++) expect(sim.fleet!.state[i]).toBe(AGV_TO_DROP);
    for (let i = 3; i < m.n; i++) expect(sim.fleet!.carrying(i)).toBe(-1);
    sim.advanceTo(sim.now + 1800);
    expect(m.vertex[3]).toBe(cells[3]);
    const onBoard = new Set(Array.from({ length: m.n }, (_, i) => sim.fleet!.carrying(i)));
    for (const c of carried) expect(onBoard.has(c)).toBe(false);
  });

  it('ignores a charge-done event for a charge that is not under way (one from before the AGVs were placed)', () => {
    const sim = warm();
    const f = sim.fleet!;
    const i = Array.from(f.state).findIndex((s) => s !== AGV_CHARGING);
    const battery = f.battery[i]!;
    expect(battery).toBeLessThan(1);
    f.chargeDone(i, sim.now);
    expect(f.battery[i]).toBe(battery);
  });

  it('refuses a run without AGVs and a wrong count of placements', () => {
    const today = new Simulation(loadScene('scenes/1119-1120/today.json'), { hours: 1 });
    expect(() => today.placeAgvs([])).toThrow(/no AGVs/);
    expect(() => warm().placeAgvs([{ vertex: 0, loaded: false, goalNode: -1, paused: false }])).toThrow(/1 placements for/);
  });
});

describe('containers on board', () => {
  it('AGVs the warm-up had loaded, placed empty, leave their containers to be fetched again', () => {
    const sim = new Simulation(proposed, { seed: 3, hours: 6 });
    sim.advanceTo(4 * 3600);
    const f = sim.fleet!;
    const loaded = Array.from({ length: f.n }, (_, i) => f.carrying(i)).filter((c) => c >= 0);
    expect(loaded.length).toBeGreaterThan(0);
    const waitingBefore = f.jobsWaiting();
    const m = sim.motion!;
    sim.placeAgvs(Array.from({ length: f.n }, (_, i) => ({ vertex: m.vertex[i]!, loaded: false, goalNode: -1, paused: true })));
    for (let i = 0; i < f.n; i++) expect(f.carrying(i)).toBe(-1);
    const fetching = Array.from(f.state).filter((s) => s === AGV_TO_PICK).length;
    expect(f.jobsWaiting() + fetching).toBeGreaterThanOrEqual(waitingBefore + loaded.length);
  });
});
