import { describe, expect, it } from 'vitest';
import type { PredictedDeadlock } from '../../domain/trafficFindings';
import { along, fakeRound, standing, type FakeAgv } from './fakeRound';
import { trafficSetup } from './trafficParams';
import { findDeadlocks, waitForScratch } from './waitFor';

const PARAMS = { clearanceM: 1, fixedS: 1, perSecondAhead: 0.1, standingSpeedMps: 0.1, waitingTooLongS: 120 };
// Lane nodes far out in each direction and at the odd places the cases drive to.
const NODES: [number, number][] = [
  [100, 0],
  [-100, 0],
  [20, 100],
  [-50, -50],
  [0, 0],
  [17, 0],
];

function deadlocks(agvs: readonly FakeAgv[]): PredictedDeadlock[] {
  const { input, routes } = fakeRound(agvs);
  const out: PredictedDeadlock[] = [];
  const setup = trafficSetup({ nodes: NODES.map((position) => ({ position })) }, { lengthM: 15.6, widthM: 3 }, PARAMS);
  findDeadlocks(input, routes, setup, waitForScratch(8), out);
  return out;
}

/** Standing now at (x, y) facing `heading`, with the lane nodes `route` still ahead. */
function waiting(x: number, y: number, heading: number, route: number[]): FakeAgv {
  return { pose: standing(x, y, heading), route, nodeS: route.map(() => Number.NaN) };
}

describe('findDeadlocks', () => {
  it('finds two AGVs standing nose to nose on one lane, each needing the other’s place', () => {
    const found = deadlocks([waiting(0, 0, 0, [0]), { pose: standing(300, 300) }, waiting(17, 0, Math.PI, [1])]);
    expect(found).toEqual([{ agvs: [0, 2], inS: 0, x: 8.5, y: 0 }]);
  });

  it('counts a footprint that reaches into the way ahead from the side, and not one a lane away', () => {
    expect(deadlocks([waiting(0, 0, 0, [0]), waiting(17, 2.5, Math.PI, [1])]).map((d) => d.agvs)).toEqual([[0, 1]]);
    expect(deadlocks([waiting(0, 0, 0, [0]), waiting(17, 6, Math.PI, [1])])).toEqual([]);
  });

  it('finds a cycle of three', () => {
    const found = deadlocks([waiting(20, 20, (-3 * Math.PI) / 4, [3]), waiting(0, 0, 0, [0]), waiting(20, 0, Math.PI / 2, [2])]);
    expect(found).toHaveLength(1);
    expect(found[0]!.agvs).toEqual([0, 1, 2]);
    expect(found[0]!.x).toBeCloseTo(40 / 3, 9);
    expect(found[0]!.y).toBeCloseTo(20 / 3, 9);
  });

  it('finds no deadlock in a queue whose head can go', () => {
    expect(deadlocks([waiting(0, 0, 0, [0]), waiting(17, 0, 0, [0]), waiting(34, 0, 0, [0])])).toEqual([]);
  });

  it('leaves an AGV that waits on a deadlock out of it', () => {
    // The queue's head turned round: it and the AGV behind it wait for each other; the last waits on them.
    expect(deadlocks([waiting(0, 0, 0, [0]), waiting(17, 0, 0, [0]), waiting(34, 0, Math.PI, [1])]).map((d) => d.agvs)).toEqual([[1, 2]]);
  });

  it('finds none between AGVs that stand where their routes end', () => {
    const a: FakeAgv = { pose: standing(0, 0, 0), route: [4], nodeS: [0] };
    const b: FakeAgv = { pose: standing(17, 0, Math.PI), route: [5], nodeS: [0] };
    expect(deadlocks([a, b])).toEqual([]);
  });

  it('foresees a deadlock of AGVs the prediction brings to rest facing each other, when the last stops', () => {
    const a = along(
      [
        [-50, 0],
        [0, 0],
      ],
      5,
    );
    const b = along(
      [
        [77, 0],
        [17, 0],
      ],
      5,
    );
    const found = deadlocks([
      { pose: a.pose, speed: 5, route: [4, 0], nodeS: [10, Number.NaN] },
      { pose: b.pose, speed: 5, route: [5, 1], nodeS: [12, Number.NaN] },
    ]);
    expect(found).toEqual([{ agvs: [0, 1], inS: 12, x: 8.5, y: 0 }]);
  });

  it('names the problem when the round exceeds its capacity', () => {
    const { input, routes } = fakeRound([waiting(0, 0, 0, [0]), waiting(50, 0, 0, [0])]);
    const setup = trafficSetup({ nodes: NODES.map((position) => ({ position })) }, { lengthM: 15.6, widthM: 3 }, PARAMS);
    expect(() => findDeadlocks(input, routes, setup, waitForScratch(1), [])).toThrow(/2 AGVs exceed the wait-for graph's capacity of 1/);
  });
});
