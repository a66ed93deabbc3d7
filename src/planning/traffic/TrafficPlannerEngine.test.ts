import { describe, expect, it } from 'vitest';
import type { LaneEdge, LaneNode } from '../../domain/sceneSchema';
import { FLAG_PLACED, META_COUNT, predictedRoutes, predictedRoutesBytes, trafficInput, trafficInputBytes } from '../../domain/trafficFrame';
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

    // A proposal on the same buffers: the lone AGV drives its two cells of 8 m at 5 m/s (3.2 s), its fastest way: no delay.
    expect(() => engine.propose([0], 8, 0)).toThrow(/call init and initCells before propose/);
    engine.initCells(8);
    const proposal = engine.propose([0], 8, 0);
    expect(proposal).toMatchObject({ solved: true, agvs: [0], routes: [{ agv: 0, nodes: [1], nodeS: [3.2], waits: [] }] });
    expect(proposal.delayS).toEqual([0]);
  });

  it('refuses to predict before init, a horizon longer than the buffer holds, and a layout that does not fit', () => {
    const engine = new TrafficPlannerEngine();
    expect(() => engine.predict(60, 0.5)).toThrow(/call init before predict/);
    expect(() => engine.initCells(20)).toThrow(/call init before initCells/);
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
