import { describe, expect, it } from 'vitest';
import type { LaneEdge, LaneNode } from '../domain/sceneSchema';
import { AgvMotion } from './AgvMotion';
import { Simulation } from './Simulation';
import { loadScene } from './testScenes';

describe('AgvMotion.remainingPath', () => {
  const sim = new Simulation(loadScene('scenes/1119-1120/proposed.json'), { seed: 5, hours: 1 });
  sim.advanceTo(1800);
  const m = sim.motion!;
  const g = m.graph;
  const buffer = new Int32Array(g.nodeCount);

  it('walks each AGV from its cell to its goal along graph edges, the way plannedSegments draws', () => {
    const segments: number[] = [];
    let moving = 0;
    for (let i = 0; i < m.n; i++) {
      const count = m.remainingPath(i, buffer);
      expect(buffer[0]).toBe(m.vertex[i]);
      expect(buffer[count - 1]).toBe(m.goal[i]);
      if (count > 1) moving++;
      for (let k = 1; k < count; k++) {
        const [u, v] = [buffer[k - 1]!, buffer[k]!];
        expect(Array.from(g.targets.subarray(g.offsets[u]!, g.offsets[u + 1]!))).toContain(v);
        segments.push(g.x[u]!, g.y[u]!, g.x[v]!, g.y[v]!);
      }
    }
    expect(moving).toBeGreaterThan(0);
    expect(Array.from(m.plannedSegments())).toEqual(Array.from(Float32Array.from(segments)));
  });

  it('stops at the end of a short buffer', () => {
    const i = Array.from({ length: m.n }, (_, k) => k).find((k) => m.remainingPath(k, buffer) > 3)!;
    const whole = buffer.slice(0, 3);
    const short = new Int32Array(3);
    expect(m.remainingPath(i, short)).toBe(3);
    expect(short).toEqual(whole);
    expect(m.remainingPath(i, new Int32Array(0))).toBe(0);
  });
});

describe('AgvMotion stop losses (acceleration and braking)', () => {
  // One AGV on a straight 200 m lane at 5 m/s, 20 m cells: a step is 4 s, the lane ten cells.
  const nodes = [0, 200].map((x, k): LaneNode => ({ id: `n${k}`, position: [x, 0], role: 'waypoint' }));
  const edges: LaneEdge[] = [{ id: 'e', from: 'n0', to: 'n1', widthM: 4, speedLimitMps: 5, crossBorder: false }];
  const base = { cellLengthM: 20, maxSpeedMps: 5, lengthM: 15.6, widthM: 3, clearanceM: 1 };

  /** Steps until the AGV, standing at the lane's start, reaches its end; the pose half-way through its first move. */
  function drive(m: AgvMotion): { steps: number; firstMoveHalf: number } {
    m.goal[0] = m.vertexOfNode[1]!;
    const pose = new Float64Array(3);
    let firstMoveHalf = Number.NaN;
    let t = 0;
    for (let steps = 1; steps < 100; steps++) {
      m.step(t);
      if (Number.isNaN(firstMoveHalf) && m.isMoving(0, t)) {
        m.pose(0, t + m.stepS / 2, pose);
        firstMoveHalf = pose[0]!;
      }
      t += m.stepS;
      if (m.vertex[0] === m.goal[0] && !m.isMoving(0, t)) return { steps, firstMoveHalf };
    }
    throw new Error('never arrived');
  }

  it('a start from rest stands out v/2a + v/2b in whole steps, the rest carried to the next stop; not a planner wait', () => {
    const still = new AgvMotion(nodes, edges, 1, base, 1);
    const real = new AgvMotion(nodes, edges, 1, { ...base, accelerationMps2: 0.5, decelerationMps2: 0.8 }, 1);
    expect(still.stopLossS).toBe(0);
    expect(real.stopLossS).toBeCloseTo(5 / 1 + 5 / 1.6, 9);
    const a = drive(still);
    const b = drive(real);
    // 8.1 s lost, 4 s steps: two whole steps stood, 0.1 s carried.
    expect(b.steps - a.steps).toBe(2);
    expect(real.waits).toBe(still.waits);
    // The view: even speed without acceleration figures, a slow start from rest with them.
    expect(a.firstMoveHalf).toBeCloseTo(10, 6);
    expect(b.firstMoveHalf).toBeCloseTo(5, 6);
  });
});

describe('AgvMotion platoons (planner pibt-platoon)', () => {
  // Four AGVs queued nose to tail at the start of a straight 400 m lane at 5 m/s, 20 m cells: 4 s steps, 8.1 s of
  // stop loss each.
  const nodes = [0, 400].map((x, k): LaneNode => ({ id: `n${k}`, position: [x, 0], role: 'waypoint' }));
  const edges: LaneEdge[] = [{ id: 'e', from: 'n0', to: 'n1', widthM: 4, speedLimitMps: 5, crossBorder: false }];
  const params = { cellLengthM: 20, maxSpeedMps: 5, lengthM: 15.6, widthM: 3, clearanceM: 1, accelerationMps2: 0.5, decelerationMps2: 0.8 };

  /** The step in which each AGV first moves, checking that no two ever stand on or drive into one cell. */
  function firstMoves(queueStarts: boolean): { first: number[]; waits: number } {
    const m = new AgvMotion(nodes, edges, 4, { ...params, queueStarts }, 1);
    const lane: number[] = [m.vertexOfNode[0]!];
    const g = m.graph;
    while (g.offsets[lane.at(-1)! + 1]! > g.offsets[lane.at(-1)!]!) lane.push(g.targets[g.offsets[lane.at(-1)!]!]!);
    for (let i = 0; i < 4; i++) {
      m.place(i, lane[3 - i]!, -100);
      m.goal[i] = lane[lane.length - 1 - i]!;
    }
    const first = [-1, -1, -1, -1];
    for (let step = 0, t = 0; step < 60; step++, t += m.stepS) {
      m.step(t);
      expect(new Set(m.vertex).size).toBe(4);
      for (let i = 0; i < 4; i++) if (first[i]! < 0 && m.isMoving(i, t)) first[i] = step;
    }
    for (let i = 0; i < 4; i++) expect(m.vertex[i]).toBe(m.goal[i]);
    return { first, waits: m.waits };
  }

  it('a queue sets off as one instead of one AGV after the other, with fewer planner waits', () => {
    const serial = firstMoves(false);
    const platoon = firstMoves(true);
    // Serial: each stands out its 8.1 s (two 4 s steps) once the one ahead has left.
    expect(serial.first).toEqual([2, 4, 6, 8]);
    expect(platoon.first).toEqual([2, 2, 2, 2]);
    // Each follower stood behind the one ahead for two steps per AGV ahead of it: 2 + 4 + 6 planner waits.
    expect(serial.waits).toBe(12);
    expect(platoon.waits).toBe(0);
  });

  it('keeps AGVs apart and moving all day on the 1119-1120 2030 layout with 120 AGVs', () => {
    const k = new Simulation(loadScene('scenes/1119-1120/2030.json'), { vehiclesPerDay: 3500, agvs: 120, planner: 'pibt-platoon' }).run();
    expect(k.nearMisses).toBe(0);
    expect(k.contacts).toBe(0);
    // A ring of AGVs on slow lanes, each waiting for the one ahead to finish its move, stood still from 16:00 on
    // (1,541 cleared) before a follower could drive off with the one ahead.
    expect(k.cleared).toBeGreaterThan(2300);
  });
});
