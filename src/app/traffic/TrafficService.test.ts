import { describe, expect, it } from 'vitest';
import safety from '../../../data/safety.json' with { type: 'json' };
import { TrafficCollisionEngine } from '../../collision/traffic/TrafficCollisionEngine';
import { sceneMaps } from '../../domain/mapPlacement';
import { TrafficPlannerEngine } from '../../planning/traffic/TrafficPlannerEngine';
import { AGV_IDLE, AGV_TO_PICK } from '../../sim/AgvFleet';
import { Simulation } from '../../sim/Simulation';
import { loadScene } from '../../sim/testScenes';
import { createTrafficStore } from '../../store/traffic/trafficStore';
import { SimFeed } from '../../telemetry/recording/SimFeed';
import { checkpointNodes } from './checkpointNodes';
import { TrafficService } from './TrafficService';

const scene = loadScene('scenes/1119-1120/proposed.json');

/** The real pipeline in one thread: a simulation's VDA 5050 feed packs, the two engines predict and check. */
function pipeline(agvs: number, startS: number, firstCapacity?: number) {
  const sim = new Simulation(scene, { agvs, seed: 3, hours: 10 });
  sim.advanceTo(startS);
  const feed = new SimFeed(sim, { maps: sceneMaps(scene), periodS: 0.5, staleAfterMs: 35_000 });
  const store = createTrafficStore();
  const service = new TrafficService({
    scene,
    port: {
      attach: async (buffer, capacity, routeCap) => feed.feed.attachTraffic(buffer, capacity, routeCap),
      pack: async () => feed.packTraffic(),
    },
    planner: new TrafficPlannerEngine(),
    finder: new TrafficCollisionEngine(),
    store,
    clearanceM: safety.collision.nearMissClearanceM.value,
    waitingTooLongS: 300,
    checkpointNodes: checkpointNodes(scene),
    facilitiesDown: () => [],
    now: () => performance.now(),
    ...(firstCapacity ? { firstCapacity } : {}),
  });
  return { sim, store, service };
}

describe('TrafficService', () => {
  it('publishes a round of the simulated fleet: every AGV keyed, routes timed, ETAs for those driving somewhere', async () => {
    const { store, service, sim } = pipeline(40, 8 * 3600);
    await service.round();
    const snap = store.getState().snapshot!;
    expect(snap.keys).toHaveLength(40);
    expect(snap.keys[0]).toBe('smartgate/AGV-001');
    expect(snap.clockS).toBeCloseTo(sim.now, 6);
    const withRoute = [...snap.routeLen].filter((n) => n > 0).length;
    expect(withRoute).toBeGreaterThan(5);
    for (let i = 0; i < 40; i++) {
      if (snap.routeLen[i]! === 0) continue;
      // A route's base is its leading released part; its nodes are reached in order.
      expect(snap.baseLen[i]!).toBeLessThanOrEqual(snap.routeLen[i]!);
      const times = [...snap.nodeS.subarray(i * snap.routeCap, i * snap.routeCap + snap.routeLen[i]!)];
      for (let k = 1; k < times.length; k++) if (Number.isFinite(times[k])) expect(times[k]!).toBeGreaterThanOrEqual(times[k - 1]!);
    }
    expect(store.getState().failure).toBeUndefined();
  });

  it('grows its buffers when the fleet outgrows them, and keeps every AGV', async () => {
    const { store, service } = pipeline(40, 3600, 16);
    await service.round();
    const snap = store.getState().snapshot!;
    expect(snap.keys).toHaveLength(40);
    expect(snap.x).toHaveLength(40);
  });

  it('foresees the conflict of two AGVs an operator sends onto one node from either side', async () => {
    const { store, service, sim } = pipeline(40, 8 * 3600);
    await service.round();
    const before = store.getState().snapshot!;
    expect(before.conflicts).toEqual([]);
    // Two AGVs free to take an order (idle or on their way to a pick) whose routes pass one lane node, the first
    // there in 20–80 s, the second later: both are sent to it. Operator orders are released whole, so both drive
    // there committed, and the second runs into the first standing there.
    const free = [...sim.fleet!.state].flatMap((st, i) => (st === AGV_IDLE || st === AGV_TO_PICK ? [i] : []));
    const cap = before.routeCap;
    const ahead = (i: number) => [...before.route.subarray(i * cap, i * cap + before.routeLen[i]!)].map((n, k) => ({ n, t: before.nodeS[i * cap + k]! }));
    const choice = free
      .flatMap((i) =>
        ahead(i)
          .filter((p) => p.t > 20 && p.t < 80)
          .map((p) => ({ i, ...p })),
      )
      .flatMap((p) => free.filter((j) => j !== p.i && ahead(j).some((q) => q.n === p.n && q.t > p.t + 10 && q.t < 110)).map((j) => ({ ...p, j })))[0];
    expect(choice, 'two free AGVs bound through one node').toBeDefined();
    const sent = [choice!.i, choice!.j].sort((x, y) => x - y);
    const node = scene.lanes.nodes[choice!.n]!.id;
    for (const i of sent) expect(sim.command(i, { kind: 'goto', nodeId: node })).toEqual({ ok: true });
    sim.advanceTo(sim.now + 2);
    await service.round();
    const after = store.getState().snapshot!;
    const keys = sent.map((i) => `smartgate/AGV-${String(i + 1).padStart(3, '0')}`).join();
    const pair = after.conflicts.find((c) => [c.a, c.b].sort().join() === keys);
    expect(pair, JSON.stringify(after.conflicts)).toBeDefined();
    expect(pair!.inS).toBeGreaterThan(15);
    expect(pair!.earliestS).toBeLessThanOrEqual(pair!.inS);
    expect(pair!.latestS).toBeGreaterThanOrEqual(pair!.inS);
  });
});
