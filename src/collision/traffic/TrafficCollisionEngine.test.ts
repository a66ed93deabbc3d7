import { describe, expect, it } from 'vitest';
import { UNKNOWN_NODE, sampleCount } from '../../domain/trafficFrame';
import { fakeRound, onRoute, standing } from './fakeRound';
import { TrafficCollisionEngine } from './TrafficCollisionEngine';

const PARAMS = { clearanceM: 1, fixedS: 1, perSecondAhead: 0.1, standingSpeedMps: 0.1, waitingTooLongS: 120 };
const AGV = { lengthM: 15.6, widthM: 3 };
const NODES: [number, number][] = [
  [0, 0],
  [200, 0],
  [0, 500],
  [300, 500],
];
const LANES = { nodes: NODES.map((position) => ({ position })) };

describe('TrafficCollisionEngine', () => {
  it('reads one round from the two buffers and returns its conflicts, deadlocks and blocked routes', () => {
    const samples = sampleCount(120, 0.5);
    const { input, routes } = fakeRound(
      [
        onRoute(NODES, NODES[0]!, [1], 5, { lastNode: 0 }),
        onRoute(NODES, NODES[1]!, [0], 5, { lastNode: 1 }),
        { pose: standing(100, 500, 0), route: [3], nodeS: [Number.NaN] },
        { pose: standing(117, 500, Math.PI), route: [2], nodeS: [Number.NaN] },
        { pose: standing(0, -300), route: [UNKNOWN_NODE], nodeS: [Number.NaN] },
      ],
      { capacity: 6, samples },
    );
    const engine = new TrafficCollisionEngine();
    engine.init(LANES, AGV, PARAMS, { capacity: 6, routeCap: 8, samples }, input.buffer, routes.buffer);
    const f = engine.check(new Uint8Array(NODES.length));
    expect([f.round, f.clockS]).toEqual([7, 1000]);
    expect(f.conflicts.map((c) => [c.a, c.b, c.kind])).toEqual([[0, 1, 'head-on']]);
    expect(f.deadlocks.map((d) => d.agvs)).toEqual([[2, 3]]);
    expect(f.blocked.map((b) => [b.agv, b.reason])).toEqual([[4, 'unknown-node']]);
  });

  it('says so when checked before it is set up, or set up with a bad figure or buffer', () => {
    const engine = new TrafficCollisionEngine();
    expect(() => engine.check(new Uint8Array(4))).toThrow(/before init/);
    const { input, routes } = fakeRound([{ pose: standing(0, 0) }], { capacity: 2, samples: 10 });
    expect(() =>
      engine.init(LANES, AGV, { ...PARAMS, clearanceM: Number.NaN }, { capacity: 2, routeCap: 8, samples: 10 }, input.buffer, routes.buffer),
    ).toThrow(/params.clearanceM must be a finite number/);
    expect(() => engine.init(LANES, { lengthM: 0, widthM: 3 }, PARAMS, { capacity: 2, routeCap: 8, samples: 10 }, input.buffer, routes.buffer)).toThrow(
      /agv.lengthM must be a positive number/,
    );
    expect(() => engine.init(LANES, AGV, PARAMS, { capacity: 2.5, routeCap: 8, samples: 10 }, input.buffer, routes.buffer)).toThrow(/layout.capacity/);
    expect(() => engine.init(LANES, AGV, PARAMS, { capacity: 4, routeCap: 8, samples: 10 }, input.buffer, routes.buffer)).toThrow(
      /traffic input buffer of/,
    );
  });
});
