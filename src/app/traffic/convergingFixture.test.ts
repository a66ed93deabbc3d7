import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import safety from '../../../data/safety.json' with { type: 'json' };
import { TrafficCollisionEngine } from '../../collision/traffic/TrafficCollisionEngine';
import { buildLaneGraph } from '../../domain/laneGraph';
import { laneShortestRoute } from '../../domain/laneShortestRoute';
import { sceneMaps } from '../../domain/mapPlacement';
import { TrafficPlannerEngine } from '../../planning/traffic/TrafficPlannerEngine';
import { AGV_MANUAL } from '../../sim/AgvFleet';
import { Simulation } from '../../sim/Simulation';
import { loadScene } from '../../sim/testScenes';
import { createTrafficStore } from '../../store/traffic/trafficStore';
import { stageFleet } from '../../telemetry/live/stageFleet';
import { SimFeed } from '../../telemetry/recording/SimFeed';
import { checkpointNodes } from './checkpointNodes';
import { TrafficService } from './TrafficService';

const scene = loadScene('scenes/1119-1120/proposed.json');

interface Converging {
  readonly agvs: number;
  readonly start: string;
  readonly seed: number;
  readonly staging: readonly { readonly serial: string; readonly nodeId: string }[];
  readonly orders: readonly { readonly serial: string; readonly nodeId: string }[];
  readonly mergeNodeId: string;
  readonly expectedArrivalS: readonly number[];
  readonly secondOrderAtEtaS: number;
}
/** Read as the browser test reads it (e2e is a higher layer than app: no import). */
const fixture = JSON.parse(readFileSync('e2e/fixtures/converging.json', 'utf8')) as Converging;
const [hh, mm] = fixture.start.split(':').map(Number);
const index = (serial: string) => Number(serial.slice(serial.indexOf('-') + 1)) - 1;

describe('the converging pair of e2e/fixtures/converging.json', () => {
  it('meets at the merge node from either side, the arrivals as the fixture says', () => {
    const graph = buildLaneGraph(scene.lanes.nodes, scene.lanes.edges);
    const v = scene.fleet.agv.maxSpeedMps.value;
    fixture.orders.forEach((o, k) => {
      const r = laneShortestRoute(graph, fixture.staging[k]!.nodeId, o.nodeId, v);
      if (!r.ok) throw new Error(r.reason);
      const merge = r.nodes.indexOf(graph.indexOf.get(fixture.mergeNodeId)!);
      expect(merge).toBeGreaterThan(0);
      const upTo = laneShortestRoute(graph, fixture.staging[k]!.nodeId, fixture.mergeNodeId, v);
      expect(upTo.ok && Math.round(upTo.seconds)).toBe(fixture.expectedArrivalS[k]);
      fixture.orders.forEach((other, j) => {
        if (j === k) return;
        const theirs = laneShortestRoute(graph, fixture.staging[j]!.nodeId, other.nodeId, v);
        // Different ways into the merge node: a merge, not one following the other.
        if (theirs.ok) expect(theirs.nodes[theirs.nodes.indexOf(r.nodes[merge]!) - 1]).not.toBe(r.nodes[merge - 1]);
      });
    });
  });

  it('raises a predicted conflict of the two at least 30 s ahead through the real pipeline', { timeout: 120_000 }, async () => {
    // As the fleet tool runs it: the same run length, seed and start.
    const sim = new Simulation(scene, { agvs: fixture.agvs, seed: fixture.seed, hours: 24 * 14 });
    sim.advanceTo(hh! * 3600 + mm! * 60);
    // Staged as the fleet tool's --stage does it: each sent to its node when free, and kept standing there.
    const stages = fixture.staging.map((s) => ({ agv: index(s.serial), nodeId: s.nodeId }));
    expect(stageFleet(sim, stages, 3 * 3600)).toEqual({ ok: true });
    for (const s of stages) expect(sim.fleet!.state[s.agv]).toBe(AGV_MANUAL);
    const [first, second] = fixture.orders as [Converging['orders'][number], Converging['orders'][number]];
    expect(sim.command(index(first.serial), { kind: 'goto', nodeId: first.nodeId })).toEqual({ ok: true });
    sim.advanceTo(sim.now + 1);

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
    });
    // The second order once the first AGV's predicted arrival has fallen to the fixture's figure, as the browser test does.
    const firstKey = `smartgate/${first.serial}`;
    const eta = () => {
      const snap = store.getState().snapshot!;
      return snap.etaS[snap.keys.indexOf(firstKey)]!;
    };
    await service.round();
    for (let k = 0; k < 120 && !(eta() <= fixture.secondOrderAtEtaS); k++) {
      sim.advanceTo(sim.now + 0.5);
      await service.round();
    }
    expect(eta()).toBeLessThanOrEqual(fixture.secondOrderAtEtaS);
    expect(sim.command(index(second.serial), { kind: 'goto', nodeId: second.nodeId })).toEqual({ ok: true });
    sim.advanceTo(sim.now + 1);
    await service.round();
    const snap = store.getState().snapshot!;
    const keys = fixture.orders
      .map((o) => `smartgate/${o.serial}`)
      .sort()
      .join();
    const pair = snap.conflicts.find((c) => [c.a, c.b].sort().join() === keys);
    expect(pair, JSON.stringify(snap.conflicts)).toBeDefined();
    expect(pair!.inS).toBeGreaterThanOrEqual(30);
  });
});
