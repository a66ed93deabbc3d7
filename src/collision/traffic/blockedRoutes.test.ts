import { describe, expect, it } from 'vitest';
import { UNKNOWN_NODE } from '../../domain/trafficFrame';
import type { BlockedRoute } from '../../domain/trafficFindings';
import { findBlockedRoutes } from './blockedRoutes';
import { fakeRound, onRoute, standing, type FakeAgv } from './fakeRound';
import { trafficSetup } from './trafficParams';

const PARAMS = { clearanceM: 1, fixedS: 1, perSecondAhead: 0.1, standingSpeedMps: 0.1, waitingTooLongS: 120 };
const NODES: [number, number][] = [
  [50, 0],
  [100, 0],
  [150, 0],
];
const SETUP = trafficSetup({ nodes: NODES.map((position) => ({ position })) }, { lengthM: 15.6, widthM: 3 }, PARAMS);

function blocked(agvs: readonly FakeAgv[], down: readonly number[] = []): BlockedRoute[] {
  const { input, routes } = fakeRound(agvs);
  const downNodes = new Uint8Array(NODES.length);
  for (const n of down) downNodes[n] = 1;
  const out: BlockedRoute[] = [];
  findBlockedRoutes(input, routes, SETUP, downNodes, new Int32Array(8), out);
  return out;
}

describe('findBlockedRoutes', () => {
  it('reports a route through a node the scene does not know, timed by the node before', () => {
    const agv: FakeAgv = { pose: standing(0, 0), route: [0, UNKNOWN_NODE, 1], nodeS: [10, Number.NaN, Number.NaN] };
    expect(blocked([agv])).toEqual([{ agv: 0, reason: 'unknown-node', node: UNKNOWN_NODE, inS: 10, x: 50, y: 0 }]);
    const first: FakeAgv = { pose: standing(3, 4), route: [UNKNOWN_NODE, 1], nodeS: [Number.NaN, Number.NaN] };
    expect(blocked([first])).toEqual([{ agv: 0, reason: 'unknown-node', node: UNKNOWN_NODE, inS: Number.NaN, x: 3, y: 4 }]);
  });

  it('reports a route through a checkpoint out of service, when the AGV gets there', () => {
    const agv = onRoute(NODES, [0, 0], [0, 1, 2], 5);
    expect(blocked([agv], [1, 2])).toEqual([{ agv: 0, reason: 'checkpoint-down', node: 1, inS: 20, x: 100, y: 0 }]);
    expect(blocked([agv], [])).toEqual([]);
  });

  it('reports a route through an AGV that has stood still too long, where and when the route reaches it', () => {
    const stuck: FakeAgv = { pose: standing(75, 0), standingS: 200 };
    const found = blocked([onRoute(NODES, [0, 0], [0, 1, 2], 5), stuck]);
    // The centreline meets the stuck footprint, 7.8 m long each way plus 1 m clearance and 1.5 m half width, at 64.7 m.
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ agv: 0, reason: 'stood-still', node: 1, by: 1 });
    expect(found[0]!.x).toBeCloseTo(64.7, 9);
    expect(found[0]!.y).toBeCloseTo(0, 9);
    expect(found[0]!.inS).toBeCloseTo(64.7 / 5, 9);
  });

  it('does not report an AGV that has stood only briefly, or one beside the route', () => {
    const driving = onRoute(NODES, [0, 0], [0, 1, 2], 5);
    expect(blocked([driving, { pose: standing(75, 0), standingS: 60 }])).toEqual([]);
    expect(blocked([driving, { pose: standing(75, 6), standingS: 200 }])).toEqual([]);
  });

  it('names the problem when the out-of-service marks do not match the lane network', () => {
    const { input, routes } = fakeRound([{ pose: standing(0, 0) }]);
    expect(() => findBlockedRoutes(input, routes, SETUP, new Uint8Array(2), new Int32Array(1), [])).toThrow(
      /downNodes holds 2 lane nodes; the scene has 3/,
    );
  });
});
