import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateEventTopic } from '../../src/domain/gateEvent';
import { startBroker, type RunningBroker } from '../../src/telemetry/live/brokerProcess';
import type { RunningServer } from '../startServer';
import { signedIn, startWatchingServer, type WatchingServer } from '../testing/watchingServer';
import { GateStore } from './GateStore';
import { GateWatch } from './GateWatch';

/** The gate's event feed over a real Mosquitto into the server: counted by minute, repeats and bad messages refused. */

let broker: RunningBroker;
let gate: MqttClient;
let running: WatchingServer;
let server: RunningServer;
let cookie = '';

beforeAll(async () => {
  broker = await startBroker();
  gate = await mqtt.connectAsync(broker.urls.tcp, { username: 'fleet', password: broker.users.fleet, protocolVersion: 5 });
  running = await startWatchingServer(broker, 'twin-gate-');
  server = running.server;
  cookie = await signedIn(server, 'binh', 'viewer');
}, 60_000);

afterAll(async () => {
  await gate?.endAsync();
  await running?.close();
  await broker?.stop();
});

interface GateAnswer {
  feed: { connected: boolean; accepted: number; repeated: number; rejected: number; lastProblem?: string } | null;
  days: { day: string; cleared: number; entered: number; scansRed: number }[];
  today: { projection?: unknown };
}

const gateNow = async () => (await (await fetch(`${server.url}/api/gate?zone=1119-1120&days=2`, { headers: { cookie } })).json()) as GateAnswer;

describe('the gate event feed into the server', () => {
  it('counts trucks in and out and scans by channel, drops a repeat, names a bad message, and lasts the day in the API', async () => {
    const base = { version: '1.0.0', timestamp: new Date().toISOString(), zone: '1119-1120' };
    const send = (facility: string, message: unknown) =>
      gate.publishAsync(gateEventTopic('1119-1120', facility), typeof message === 'string' ? message : JSON.stringify(message), { qos: 1 });
    for (let k = 1; k <= 3; k++)
      await send('vn-barrier-entry', { ...base, eventId: `in-${k}`, facilityId: 'vn-barrier-entry', kind: 'barrier-pass', direction: 'in' });
    for (let k = 1; k <= 2; k++)
      await send('vn-barrier-exit', { ...base, eventId: `out-${k}`, facilityId: 'vn-barrier-exit', kind: 'barrier-pass', direction: 'out' });
    // The broker delivers one again: the same event, not another truck.
    await send('vn-barrier-exit', { ...base, eventId: 'out-2', facilityId: 'vn-barrier-exit', kind: 'barrier-pass', direction: 'out' });
    await send('vn-scanner-1', { ...base, eventId: 's-1', facilityId: 'vn-scanner-1', kind: 'scan', channel: 'red' });
    await send('vn-barrier-exit', '{"version": "1.0.0", ');
    await send('vn-barrier-exit', { ...base, eventId: 'out-3', facilityId: 'vn-barrier-exit', kind: 'barrier-pass', direction: '<b>up</b>' });

    await expect.poll(async () => (await gateNow()).feed, { timeout: 15_000 }).toMatchObject({ connected: true, accepted: 6, repeated: 1, rejected: 2 });
    const answer = await gateNow();
    expect(answer.feed?.lastProblem).toMatch(/^gate\/v1\/1119-1120\/vn-barrier-exit\/event: direction: /);
    await expect.poll(async () => (await gateNow()).days.at(-1), { timeout: 15_000 }).toMatchObject({ cleared: 2, entered: 3, scansRed: 1 });
    expect((await gateNow()).days).toHaveLength(2);
    // The feed began just now: the day's earlier hours are unknown, so there is no projection of the day.
    expect((await gateNow()).today.projection).toBeUndefined();
  });

  it('splits the feed between two instances on one database: each event counted once, the counts adding up', async () => {
    const second = new GateWatch({ url: broker.urls.tcp, username: 'operator', password: broker.users.operator }, new GateStore(server.database.db), {
      info: () => {},
      warn: () => {},
      error: () => {},
    });
    second.start();
    await expect.poll(() => second.status().connected, { timeout: 15_000 }).toBe(true);
    const before = (await gateNow()).days.at(-1)!.entered;
    const firstBefore = (await gateNow()).feed!.accepted;
    const base = {
      version: '1.0.0',
      timestamp: new Date().toISOString(),
      zone: '1119-1120',
      facilityId: 'vn-barrier-entry',
      kind: 'barrier-pass',
      direction: 'in',
    };
    for (let k = 1; k <= 20; k++)
      await gate.publishAsync(gateEventTopic('1119-1120', 'vn-barrier-entry'), JSON.stringify({ ...base, eventId: `split-${k}` }), { qos: 1 });
    await expect.poll(async () => (await gateNow()).feed!.accepted - firstBefore + second.status().accepted, { timeout: 15_000 }).toBe(20);
    // Both took a share (the broker deals them round the group), and together they counted each once.
    expect(second.status().accepted).toBeGreaterThan(0);
    expect((await gateNow()).feed!.accepted - firstBefore).toBeGreaterThan(0);
    await second.flush();
    await expect.poll(async () => (await gateNow()).days.at(-1)!.entered - before, { timeout: 15_000 }).toBe(20);
    await second.close();
  });
});
