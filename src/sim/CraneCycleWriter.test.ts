import { describe, expect, it } from 'vitest';
import { CRANE_AGV_TO_STACK, CRANE_IDLE, CRANE_STACK_TO_AGV, CRANE_TRUCK_TO_STACK } from '../domain/craneCycles';
import { CRANE_LIFT_SHARE, CRANE_SET_SHARE } from '../domain/craneCyclePose';
import { LOAD_NONE } from '../domain/fleetFrame';
import { Simulation } from './Simulation';
import { loadScene } from './testScenes';

const scene = loadScene('scenes/1119-1120/proposed.json');

/** Steps the simulation a second at a time until `found` holds of the frame, or the hours run out. */
function until(sim: Simulation, found: () => boolean, hours = 6): void {
  for (let t = sim.now; t < hours * 3600; t += 1) {
    sim.advanceTo(t);
    sim.writeFrame();
    if (found()) return;
  }
  throw new Error('not seen in the hours given');
}

describe('crane cycles written with each frame', () => {
  it('say the move, its cycle, where its vehicle stands, and nothing of idle cranes or other facilities', () => {
    const sim = new Simulation(scene, { vehiclesPerDay: 3000, agvs: 30, seed: 3 });
    const c = sim.craneCycles;
    const cranes = scene.facilities.flatMap((f, i) => (f.kind === 'crane' ? [i] : []));
    until(sim, () => cranes.some((f) => c.move[f] !== CRANE_IDLE));
    expect(c.clockS).toBe(sim.now);
    for (let f = 0; f < scene.facilities.length; f++) {
      if (!cranes.includes(f)) expect(c.move[f]).toBe(CRANE_IDLE);
      expect(c.move[f] !== CRANE_IDLE).toBe(sim.facilityBusy[f] === 1 && cranes.includes(f));
      if (c.move[f] === CRANE_IDLE) continue;
      expect(c.elapsedS[f]).toBeGreaterThanOrEqual(0);
      expect(c.elapsedS[f]).toBeLessThan(c.durationS[f]!);
      expect(c.durationS[f]).toBe(45);
      expect(c.cycle[f]).toBeGreaterThanOrEqual(1);
      expect(Number.isFinite(c.handoverX[f]) && Number.isFinite(c.handoverY[f])).toBe(true);
    }
  });

  it('takes an AGV’s container off it when the crane has gripped it, and sets one on when released', () => {
    const sim = new Simulation(scene, { vehiclesPerDay: 3000, agvs: 30, seed: 3 });
    const c = sim.craneCycles;
    const { agvs } = sim.frame;
    const nearest = (f: number) => {
      let best = -1;
      let bestD = Infinity;
      for (let i = 0; i < agvs.count; i++) {
        const d = Math.hypot(agvs.x[i]! - c.handoverX[f]!, agvs.y[i]! - c.handoverY[f]!);
        if (d < bestD) [best, bestD] = [i, d];
      }
      return best;
    };
    const share = (f: number) => c.elapsedS[f]! / c.durationS[f]!;
    let f = -1;
    until(sim, () => (f = c.move.findIndex((m, k) => m === CRANE_AGV_TO_STACK && share(k) < CRANE_LIFT_SHARE - 0.05)) >= 0, 12);
    const agv = nearest(f);
    expect(agvs.load[agv]).not.toBe(LOAD_NONE);
    until(sim, () => share(f) >= CRANE_LIFT_SHARE || c.move[f] !== CRANE_AGV_TO_STACK);
    expect(c.move[f]).toBe(CRANE_AGV_TO_STACK);
    expect(agvs.load[agv]).toBe(LOAD_NONE);

    until(sim, () => (f = c.move.findIndex((m, k) => m === CRANE_STACK_TO_AGV && share(k) < CRANE_SET_SHARE - 0.05)) >= 0, 12);
    const loading = nearest(f);
    expect(agvs.load[loading]).toBe(LOAD_NONE);
    until(sim, () => share(f) >= CRANE_SET_SHARE || c.move[f] !== CRANE_STACK_TO_AGV);
    expect(agvs.load[loading]).toBe(c.load[f]);
  });

  it('counts cycles per crane, one more for each move begun', () => {
    const sim = new Simulation(scene, { vehiclesPerDay: 3000, agvs: 30, seed: 3 });
    const c = sim.craneCycles;
    let f = -1;
    until(sim, () => (f = c.move.findIndex((m) => m === CRANE_TRUCK_TO_STACK)) >= 0);
    const first = c.cycle[f]!;
    until(sim, () => c.cycle[f]! > first && c.move[f] !== CRANE_IDLE, 12);
    expect(c.cycle[f]).toBe(first + 1);
    expect(c.elapsedS[f]).toBeLessThan(c.durationS[f]!);
  });
});
