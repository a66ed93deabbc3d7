import { describe, expect, it } from 'vitest';
import type { LaneEdge, LaneNode } from '../../domain/sceneSchema';
import { FLAG_PLACED, META_COUNT, predictedRoutes, predictedRoutesBytes, trafficInput, trafficInputBytes } from '../../domain/trafficFrame';
import { MERGE_KINEMATICS, MERGE_LANES, MERGE_SIZE, N, onA, onB, packMerge } from './mergeFixture';
import { PROPOSAL_DEFAULTS } from './ProposalPlanner';
import { TrafficPlannerEngine } from './TrafficPlannerEngine';

const nodes: LaneNode[] = [
  { id: 'A', position: [0, 0], role: 'waypoint' },
  { id: 'B', position: [16, 0], role: 'waypoint' },
];
const edges: LaneEdge[] = [{ id: 'AB', from: 'A', to: 'B', widthM: 4, speedLimitMps: 5, crossBorder: false }];
const agv = { maxSpeedMps: 5, accelerationMps2: 1, decelerationMps2: 1 };
const layout = { capacity: 4, routeCap: 2, samples: 121 };

describe('TrafficPlannerEngine (what the planner worker exposes for traffic)', () => {
  it('reads the fleet from the input buffer and writes the routes into the routes buffer, round after round', () => {
    const inputBuffer = new ArrayBuffer(trafficInputBytes(layout.capacity, layout.routeCap));
    const routesBuffer = new ArrayBuffer(predictedRoutesBytes(layout.capacity, layout.routeCap, layout.samples));
    const engine = new TrafficPlannerEngine();
    engine.init({ nodes, edges }, agv, layout, inputBuffer, routesBuffer);

    // The packer's side: one AGV at rest on A bound for B (16 m, a triangle at 1 m/s² both ways: 8 s).
    const input = trafficInput(layout.capacity, layout.routeCap, inputBuffer);
    input.meta[META_COUNT] = 1;
    input.flags[0] = FLAG_PLACED;
    input.lastNode[0] = 0;
    input.route[0] = 1;
    input.routeLen[0] = 1;
    input.baseLen[0] = 1;

    const first = engine.predict(60, 0.5);
    expect(first).toEqual({ round: 1, count: 1, ms: expect.any(Number) });
    const routes = predictedRoutes(layout.capacity, layout.routeCap, layout.samples, routesBuffer);
    expect(routes.etaS[0]).toBeCloseTo(8, 9);
    expect(engine.predict(30, 0.5).round).toBe(2);

    // Proposals on the same buffers: none asked, none given; a target outside the round is refused.
    expect(engine.propose([], { ...PROPOSAL_DEFAULTS, lengthM: 6, widthM: 2 })).toEqual([]);
    expect(() => engine.propose([{ kind: 'conflict', a: 0, b: 1 }], { ...PROPOSAL_DEFAULTS, lengthM: 6, widthM: 2 })).toThrow(
      /conflict AGV 1 is not one of the round's AGVs 0 to 0/,
    );
  });

  it('proposes holds on the last round in the buffers, as plain data', () => {
    const inputBuffer = new ArrayBuffer(trafficInputBytes(layout.capacity, 4));
    const routesBuffer = new ArrayBuffer(predictedRoutesBytes(layout.capacity, 4, layout.samples));
    const engine = new TrafficPlannerEngine();
    engine.init(MERGE_LANES, MERGE_KINEMATICS, { ...layout, routeCap: 4 }, inputBuffer, routesBuffer);
    packMerge(trafficInput(layout.capacity, 4, inputBuffer), [onA(3), onB(1, true)]);
    engine.predict(60, 0.5);
    const [p] = engine.propose([{ kind: 'conflict', a: 0, b: 1 }], { ...PROPOSAL_DEFAULTS, ...MERGE_SIZE });
    expect(p).toMatchObject({ ok: true, holds: [{ agv: 1, node: N.B1, routeIndex: 0 }], agvs: [{ agv: 0, delayS: 0 }, { agv: 1 }] });
    expect(structuredClone(p)).toEqual(p);
  });

  it('refuses to predict before init, a horizon longer than the buffer holds, and a layout that does not fit', () => {
    const engine = new TrafficPlannerEngine();
    expect(() => engine.predict(60, 0.5)).toThrow(/call init before predict/);
    expect(() => engine.propose([], { ...PROPOSAL_DEFAULTS, lengthM: 6, widthM: 2 })).toThrow(/call init before propose/);
    const inputBuffer = new ArrayBuffer(trafficInputBytes(layout.capacity, layout.routeCap));
    const routesBuffer = new ArrayBuffer(predictedRoutesBytes(layout.capacity, layout.routeCap, layout.samples));
    engine.init({ nodes, edges }, agv, layout, inputBuffer, routesBuffer);
    expect(() => engine.predict(120, 0.5)).toThrow(/needs 241 samples; the routes buffer holds 121/);
    expect(() => engine.init({ nodes, edges }, agv, { ...layout, samples: 0 }, inputBuffer, routesBuffer)).toThrow(
      /layout samples must be a whole number/,
    );
    expect(() => engine.init({ nodes, edges }, agv, { ...layout, capacity: 8 }, inputBuffer, routesBuffer)).toThrow(/traffic input buffer of/);
  });
});
