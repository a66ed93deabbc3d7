import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import traffic from '../../../data/traffic.json' with { type: 'json' };
import { FLAG_HAS_ORDER, META_COUNT, trafficInput, trafficInputBytes } from '../../domain/trafficFrame';
import { encodeState } from '../vda5050/encode';
import { startBroker, type RunningBroker } from './brokerProcess';
import { LiveEngine } from './LiveEngine';

const MAPS = [{ mapId: 'site', origin: [100, 200] as [number, number], rotation: 0 }];
const laneNodes = [
  { id: 'L1', position: [110, 200] as [number, number] },
  { id: 'L2', position: [120, 200] as [number, number] },
];
let broker: RunningBroker;

/** A viewer's live engine on the test broker, packing up to 4 AGVs × 8 route nodes into a shared buffer. */
async function viewerEngine() {
  const engine = new LiveEngine();
  await engine.connect({
    url: broker.urls.ws,
    username: 'viewer',
    password: broker.users.viewer,
    maps: MAPS,
    capacity: 4,
    staleAfterMs: 35_000,
    facilityCount: 0,
    laneNodes,
  });
  const buffer = new SharedArrayBuffer(trafficInputBytes(4, 8));
  engine.attachTraffic(buffer, 4, 8);
  return { engine, buffer };
}

describe('LiveEngine packs the live fleet for traffic prediction', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    broker = await startBroker();
  });

  afterAll(async () => {
    await broker?.stop();
  });

  it('packs a vehicle off the wire with its route resolved on the scene’s lane nodes', async () => {
    const { engine, buffer } = await viewerEngine();
    const fleet = await mqtt.connectAsync(broker.urls.tcp, { username: 'fleet', password: broker.users.fleet, protocolVersion: 5 });
    const state = encodeState({
      version: 2,
      manufacturer: 'acme',
      serialNumber: 'AGV-1',
      headerId: 1,
      timestampMs: Date.now(),
      position: { mapId: 'site', x: 5, y: 0, theta: 0, localized: true },
      battery: { chargePercent: 80, charging: false },
      operatingMode: 'AUTOMATIC',
      driving: true,
      safety: { emergencyStop: 'NONE', fieldViolation: false },
      errors: [],
      lastNodeId: 'L0',
      nodeStates: [
        { nodeId: 'L1', sequenceId: 2, released: true, nodePosition: { x: 10, y: 0, mapId: 'site' } },
        { nodeId: 'L2', sequenceId: 4, released: false },
      ],
      edgeStates: [],
      actionStates: [],
    });
    await fleet.publishAsync('uagv/v2/acme/AGV-1/state', JSON.stringify(state), { qos: 1 });
    await expect.poll(() => engine.snapshot().agvs, { timeout: 10_000 }).toBe(1);
    const pack = engine.packTraffic();
    const input = trafficInput(4, 8, buffer);
    expect(pack).toMatchObject({ keys: ['acme/AGV-1'], round: 1 });
    expect([input.meta[META_COUNT], input.x[0], input.routeLen[0], input.baseLen[0], input.route[0], input.route[1]]).toEqual([1, 105, 2, 1, 0, 1]);
    expect(input.flags[0]! & FLAG_HAS_ORDER).toBe(FLAG_HAS_ORDER);
    engine.disconnect();
    await fleet.endAsync(true);
  });

  it('reads the orders a master control sends the vehicles: a pick on a route node is packed as a stop there', async () => {
    const { engine, buffer } = await viewerEngine();
    const master = await mqtt.connectAsync(broker.urls.tcp, { username: 'operator', password: broker.users.operator, protocolVersion: 5 });
    const fleet = await mqtt.connectAsync(broker.urls.tcp, { username: 'fleet', password: broker.users.fleet, protocolVersion: 5 });
    const nowMs = Date.now();
    const header = { headerId: 1, timestamp: new Date(nowMs).toISOString(), version: '3.0.0', manufacturer: 'acme', serialNumber: 'AGV-2' };
    const order = {
      ...header,
      orderId: 'wms-7',
      orderUpdateId: 0,
      nodes: [
        { nodeId: 'L0', sequenceId: 0, released: true, actions: [] },
        { nodeId: 'L1', sequenceId: 2, released: true, actions: [] },
        { nodeId: 'L2', sequenceId: 4, released: true, actions: [{ actionId: 'pick-7', actionType: 'pick', blockingType: 'HARD' }] },
      ],
      edges: [
        { edgeId: 'L0_L1', sequenceId: 1, released: true, actions: [] },
        { edgeId: 'L1_L2', sequenceId: 3, released: true, actions: [] },
      ],
    };
    // An order to a vehicle that never speaks comes first (same client, in order): it makes no vehicle of its own.
    await master.publishAsync('vda5050/v3/acme/AGV-9/order', JSON.stringify({ ...order, serialNumber: 'AGV-9' }), { qos: 1 });
    await master.publishAsync('vda5050/v3/acme/AGV-2/order', JSON.stringify(order), { qos: 1 });
    const state = encodeState({
      version: 3,
      manufacturer: 'acme',
      serialNumber: 'AGV-2',
      headerId: 1,
      timestampMs: nowMs,
      position: { mapId: 'site', x: 5, y: 0, theta: 0, localized: true },
      battery: { chargePercent: 80, charging: false },
      operatingMode: 'AUTOMATIC',
      driving: true,
      safety: { emergencyStop: 'NONE', fieldViolation: false },
      errors: [],
      orderId: 'wms-7',
      lastNodeId: 'L0',
      lastNodeSequenceId: 0,
      nodeStates: [
        { nodeId: 'L1', sequenceId: 2, released: true },
        { nodeId: 'L2', sequenceId: 4, released: true },
      ],
      edgeStates: [],
      actionStates: [{ actionId: 'pick-7', actionType: 'pick', actionStatus: 'WAITING' }],
    });
    await fleet.publishAsync('vda5050/v3/acme/AGV-2/state', JSON.stringify(state), { qos: 1 });
    const input = trafficInput(4, 8, buffer);
    await expect
      .poll(
        () => {
          engine.packTraffic();
          return [input.routeLen[0], input.stopS[0], input.stopS[1]];
        },
        { timeout: 10_000 },
      )
      .toEqual([2, 0, traffic.actionDurationS.pick.value]);
    expect(engine.snapshot().vehicles.map((v) => v.key)).toEqual(['acme/AGV-2']);
    engine.disconnect();
    await master.endAsync(true);
    await fleet.endAsync(true);
  });
});
