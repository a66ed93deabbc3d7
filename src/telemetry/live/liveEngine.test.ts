import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedLength } from '../../domain/packedFrame';
import { encodeConnection, encodeState } from '../vda5050/encode';
import { startBroker, type RunningBroker } from './brokerProcess';
import { openRecording } from '../recording/openRecording';
import { LiveEngine } from './LiveEngine';

const MAPS = [{ mapId: 'site', origin: [100, 200] as [number, number], rotation: 0 }];
let broker: RunningBroker;
let fleet: MqttClient;
let clock = Date.now();
const headerIds = new Map<string, number>();

function publishState(serial: string, x: number): Promise<unknown> {
  const headerId = (headerIds.get(serial) ?? 0) + 1;
  headerIds.set(serial, headerId);
  const msg = encodeState({
    version: 2,
    manufacturer: 'acme',
    serialNumber: serial,
    headerId,
    timestampMs: Date.now(),
    position: { mapId: 'site', x, y: 0, theta: 0, localized: true },
    battery: { chargePercent: 80, charging: false },
    operatingMode: 'AUTOMATIC',
    driving: true,
    safety: { emergencyStop: 'NONE', fieldViolation: false },
    loads: [],
    errors: [],
    nodeStates: [],
    edgeStates: [],
    actionStates: [],
  });
  return fleet.publishAsync(`uagv/v2/acme/${serial}/state`, JSON.stringify(msg), { qos: 1 });
}

async function connectFleet(): Promise<MqttClient> {
  return mqtt.connectAsync(broker.urls.tcp, { username: 'fleet', password: broker.users.fleet, protocolVersion: 5, reconnectPeriod: 200 });
}

describe('LiveEngine against a real Mosquitto', { timeout: 60_000 }, () => {
  const engine = new LiveEngine(() => clock);

  beforeAll(async () => {
    broker = await startBroker();
    fleet = await connectFleet();
  });

  afterAll(async () => {
    engine.disconnect();
    await fleet?.endAsync(true);
    await broker?.stop();
  });

  it('refuses a wrong password with a clear message', async () => {
    const other = new LiveEngine();
    await expect(
      other.connect({ url: broker.urls.ws, username: 'viewer', password: 'wrong', maps: MAPS, capacity: 10, staleAfterMs: 1000, facilityCount: 0 }),
    ).rejects.toThrow(/refused the user name or password/);
  });

  it('shows the vehicles that publish, counts hostile messages, marks silent ones stale, reconnects after a broker restart', async () => {
    const layout = await engine.connect({
      url: broker.urls.ws,
      username: 'viewer',
      password: broker.users.viewer,
      maps: MAPS,
      capacity: 10,
      staleAfterMs: 5000,
      facilityCount: 0,
    });
    const frame = new Float32Array(packedLength(layout));
    engine.attach(frame);
    engine.startRecording();
    await Promise.all(['AGV-1', 'AGV-2', 'AGV-3'].map((s, k) => publishState(s, 10 * k)));
    await fleet.publishAsync(
      'uagv/v2/acme/AGV-1/connection',
      JSON.stringify(encodeConnection({ version: 2, manufacturer: 'acme', serialNumber: 'AGV-1', headerId: 1, timestampMs: Date.now() }, 'ONLINE')),
      { qos: 1 },
    );
    await fleet.publishAsync('uagv/v2/acme/AGV-9/state', '{"headerId": 1, "oops"', { qos: 1 });
    await fleet.publishAsync('uagv/v2/acme/AGV-9/state', JSON.stringify({ headerId: '<img src=x onerror=alert(1)>' }), { qos: 1 });
    await expect.poll(() => engine.snapshot().received, { timeout: 10_000 }).toBe(6);
    const s = engine.snapshot();
    expect(s).toMatchObject({ status: 'live', agvs: 3, stale: 0 });
    expect(s.dropped['malformed-json']).toBe(1);
    expect(s.dropped['wrong-fields']).toBe(1);
    engine.advance();
    expect(frame[1]).toBe(3);
    expect([frame[4], frame[5]]).toEqual([100, 200]);

    // The recording holds every message as it came off the wire, the malformed one byte for byte, replayable.
    expect(engine.recordedMessages()).toBe(6);
    const { reader, info } = await openRecording(engine.stopRecording());
    expect(info.messageCount).toBe(6);
    expect(info.damage).toBeUndefined();
    const recorded = [];
    for await (const m of reader.messages()) recorded.push(m);
    expect(new TextDecoder().decode(recorded.find((m) => m.topic === 'uagv/v2/acme/AGV-9/state')!.data)).toBe('{"headerId": 1, "oops"');
    expect(recorded.filter((m) => m.topic.endsWith('/state') && !m.topic.includes('AGV-9'))).toHaveLength(3);

    await broker.restart();
    clock += 6000;
    engine.advance();
    expect(engine.snapshot().stale).toBe(3);
    await expect.poll(() => engine.snapshot().reconnects, { timeout: 30_000 }).toBe(1);
    expect(engine.snapshot().status).toBe('live');
    await expect.poll(() => fleet.connected, { timeout: 30_000 }).toBe(true);
    await Promise.all(['AGV-1', 'AGV-2', 'AGV-3'].map((s, k) => publishState(s, 10 * k + 1)));
    await expect.poll(() => engine.snapshot().received, { timeout: 10_000 }).toBeGreaterThanOrEqual(9);
    engine.advance();
    expect(engine.snapshot().stale).toBe(0);
    expect(frame[4]).toBe(101);
  });
});
