import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLaneGraph } from '../../domain/laneGraph';
import { laneShortestRoute } from '../../domain/laneShortestRoute';
import { sceneMaps } from '../../domain/mapPlacement';
import { packedLength } from '../../domain/packedFrame';
import { FLAG_COMMITTED, trafficInput, trafficInputBytes } from '../../domain/trafficFrame';
import { Simulation } from '../../sim/Simulation';
import { loadScene } from '../../sim/testScenes';
import type { WireMessage } from '../vda5050/encode';
import { startBroker, type RunningBroker } from './brokerProcess';
import { FleetPublisher } from './FleetPublisher';
import { LiveEngine } from './LiveEngine';

const scene = loadScene('scenes/1088-2-1089/proposed.json');
const T0 = 1_772_352_000_000;
let broker: RunningBroker;
let fleetClient: MqttClient;

describe('the twin keeps its order to a fleet vehicle over a real Mosquitto: base and horizon, updates, a hold', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    broker = await startBroker();
    fleetClient = await mqtt.connectAsync(broker.urls.tcp, { username: 'fleet', password: broker.users.fleet, protocolVersion: 5 });
  });

  afterAll(async () => {
    await fleetClient?.endAsync(true);
    await broker?.stop();
  });

  it('sends a long route a few nodes at a time, holds the vehicle at a node until the time, then releases it', async () => {
    // The fleet tool's vehicles in this process: the simulation on a clock the test moves, publishing through the broker.
    const sim = new Simulation(scene, { agvs: 6, seed: 3, hours: 2 });
    sim.advanceTo(600);
    const pub = new FleetPublisher(sim, { version: 2, manufacturer: 'smartgate', map: scene.telemetry!.maps[0]! });
    let published = 0;
    let ordersIn = 0;
    const publish = (topic: string, message: WireMessage) => {
      published++;
      fleetClient.publish(topic, JSON.stringify(message), { qos: 1 });
    };
    fleetClient.on('message', (topic, payload) => {
      if (topic.endsWith('/order')) ordersIn++;
      pub.handle(topic, payload.toString('utf8'));
    });
    await fleetClient.subscribeAsync(
      pub.serials.flatMap((_, i) => [pub.topic(i, 'order'), pub.topic(i, 'instantActions')]),
      { qos: 1 },
    );

    let clock = T0;
    const engine = new LiveEngine(() => clock);
    const layout = await engine.connect({
      url: broker.urls.ws,
      username: 'operator',
      password: broker.users.operator,
      maps: sceneMaps(scene),
      capacity: 10,
      staleAfterMs: 3_600_000,
      facilityCount: scene.facilities.length,
      laneNodes: scene.lanes.nodes,
      laneNetwork: { nodes: scene.lanes.nodes, edges: scene.lanes.edges, agvMaxSpeedMps: scene.fleet.agv.maxSpeedMps.value },
    });
    engine.attach(new Float32Array(packedLength(layout)));
    const ordersOut = () => engine.snapshot().audit.filter((e) => /^(drive to|release up to)/.test(e.what) && e.result !== 'failed').length;
    /** dt seconds on: the vehicles move and publish, the twin reads every message, then packs (and releases what is due). */
    const step = async (dtS: number) => {
      clock += dtS * 1000;
      sim.advanceTo(sim.now + dtS);
      pub.tick(clock, publish);
      // The twin reads the orders on the wire too, its own among them (counted at each poll: reading a vehicle's state
      // may release the next nodes of its order meanwhile).
      await expect.poll(() => engine.snapshot().received - ordersOut(), { timeout: 10_000 }).toBe(published);
      engine.advance();
      await expect.poll(() => ordersIn, { timeout: 10_000 }).toBe(ordersOut());
    };
    await step(1);

    // A vehicle free to take an order, sent along a lane route from where it is (by its next node when it drives).
    const graph = buildLaneGraph(scene.lanes.nodes, scene.lanes.edges);
    const m = sim.motion!;
    const candidates = pub.serials.flatMap((serial, i) => {
      const state = engine.vehicle(`smartgate/${serial}`)?.state;
      const at = state?.lastNodeId;
      if (sim.fleet!.carrying(i) >= 0 || m.hold[i] || !at) return [];
      return scene.lanes.nodes.flatMap((n) => {
        const r = laneShortestRoute(graph, at, n.id, scene.fleet.agv.maxSpeedMps.value, state.driving ? state.nodeStates[0]?.nodeId : undefined);
        return r.ok ? [{ serial, r }] : [];
      });
    });
    // Of the routes of 9 nodes or more, the one soonest at its 5th node, where the vehicle will be held.
    const soon = (c: (typeof candidates)[number]) => {
      const to = laneShortestRoute(graph, scene.lanes.nodes[c.r.nodes[0]!]!.id, scene.lanes.nodes[c.r.nodes[4]!]!.id, scene.fleet.agv.maxSpeedMps.value);
      return to.ok ? to.seconds : Infinity;
    };
    const { serial, r } = candidates.filter((c) => c.r.nodes.length >= 9).sort((a, b) => soon(a) - soon(b))[0]!;
    const ids = r.nodes.map((k) => scene.lanes.nodes[k]!.id);
    const key = `smartgate/${serial}`;
    // No lane route, or no order of the twin's to hold: refused at once with the reason, nothing sent.
    const nowhere = await engine.command(key, { kind: 'goto', nodeId: 'nowhere' });
    expect(nowhere).toMatchObject({ result: 'failed', detail: 'no lane node "nowhere" in the scene' });
    const early = await engine.command(key, { kind: 'hold', nodeId: ids[4]!, untilMs: clock + 60_000 });
    expect(early).toMatchObject({ result: 'failed', detail: `${key} has no order from the twin to hold` });
    expect(ordersIn).toBe(0);
    const order = await engine.command(key, { kind: 'goto', nodeId: ids.at(-1)! });
    expect(order).toMatchObject({ result: 'sent', what: `drive to node ${ids.at(-1)}` });
    await expect.poll(() => ordersIn, { timeout: 10_000 }).toBe(1);
    await step(0.5);
    // The vehicle took it: the route to the base end released, the order's horizon beyond not.
    const first = engine.vehicle(key)!.state!;
    expect(first.orderId).toBe(order.id);
    expect(first.nodeStates.filter((n) => n.released).at(-1)!.nodeId).toBe(ids[3]);
    expect(first.nodeStates.filter((n) => !n.released).map((n) => n.nodeId)).toEqual(ids.slice(4));
    expect(engine.snapshot().audit.find((e) => e.id === order.id)!.result).toBe('finished');

    // Held at route node 4 (just beyond the base end) for three minutes from now.
    const holdNode = ids[4]!;
    const untilMs = clock + 180_000;
    const hold = await engine.command(key, { kind: 'hold', nodeId: holdNode, untilMs });
    expect(hold).toMatchObject({ result: 'sent', what: expect.stringMatching(new RegExp(`^hold at node ${holdNode} until \\d\\d:\\d\\d:\\d\\d$`)) });
    const refused = await engine.command(key, { kind: 'hold', nodeId: ids[1]!, untilMs });
    expect(refused.result).toBe('failed');
    expect(refused.detail).toMatch(/inside .* released base|not ahead/);

    // Packed for traffic prediction: the twin's own order, held at the node's index in the packed route.
    const buffer = new ArrayBuffer(trafficInputBytes(10, 48));
    engine.attachTraffic(buffer, 10, 48);
    const pack = engine.packTraffic();
    const input = trafficInput(10, 48, buffer);
    const slot = pack.keys.indexOf(key);
    const packed = [...input.route.subarray(slot * 48, slot * 48 + input.routeLen[slot]!)];
    expect(input.flags[slot]! & FLAG_COMMITTED).toBe(FLAG_COMMITTED);
    expect(input.holdAt[slot]).toBe(packed.indexOf(r.nodes[4]!));
    expect(input.holdAt[slot]).toBeGreaterThanOrEqual(0);
    expect(input.holdUntilS[slot]).toBe(untilMs / 1000);
    expect(input.flags[pack.keys.indexOf(key === 'smartgate/AGV-001' ? 'smartgate/AGV-002' : 'smartgate/AGV-001')]! & FLAG_COMMITTED).toBe(0);

    const releases = () => engine.snapshot().audit.filter((e) => e.what.startsWith('release up to'));
    const index = (e: { what: string }) => ids.indexOf(/release up to node (\S+)/.exec(e.what)![1]!);
    // Drive until the vehicle stands at the held node (its lane cell: it may name a node sharing the cell as the last
    // passed); it is released node by node up to it, never beyond.
    const i = pub.serials.indexOf(serial);
    const holdVertex = m.vertexOfNode[r.nodes[4]!]!;
    const standsThere = () => m.vertex[i] === holdVertex && !m.isMoving(i, sim.now);
    for (let k = 0; k < 150 && !standsThere(); k++) await step(1);
    expect(standsThere()).toBe(true);
    expect(clock).toBeLessThan(untilMs - 10_000);
    expect(releases().length).toBeGreaterThan(0);
    expect(releases().every((e) => index(e) <= 4)).toBe(true);
    await expect.poll(() => releases().every((e) => e.result === 'finished'), { timeout: 10_000 }).toBe(true);

    // It waits there until the time: no release beyond the held node, the hold still pending.
    while (clock + 5000 < untilMs) await step(5);
    expect(standsThere()).toBe(true);
    expect(releases().every((e) => index(e) <= 4)).toBe(true);
    expect(engine.snapshot().audit.find((e) => e.id === hold.id)!.result).toBe('sent');

    // The time comes: the next pack releases past it, the hold is finished, and the vehicle drives on.
    await step(5);
    expect(releases().some((e) => index(e) > 4)).toBe(true);
    expect(engine.snapshot().audit.find((e) => e.id === hold.id)).toMatchObject({
      result: 'finished',
      detail: expect.stringMatching(`released past node ${holdNode}`),
    });
    for (let k = 0; k < 40 && m.vertex[i] === holdVertex; k++) await step(1);
    expect(m.vertex[i]).not.toBe(holdVertex);
    await step(1);
    expect(ids.indexOf(engine.vehicle(key)!.state!.lastNodeId!)).toBeGreaterThanOrEqual(4);
    engine.disconnect();
  });
});
