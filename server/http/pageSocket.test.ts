import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ServerSocket, type SocketEvent } from '../../src/app/server/ServerSocket';
import { createSharedAlertsStore } from '../../src/store/server/sharedAlertsStore';
import { startBroker, type RunningBroker } from '../../src/telemetry/live/brokerProcess';
import { standingState } from '../../src/telemetry/vda5050/fixtures/standingState';
import type { RunningServer } from '../startServer';
import { signedIn, startWatchingServer, type WatchingServer } from '../testing/watchingServer';

/** The page's own socket client (src/app/server/ServerSocket.ts) against the real server and a real Mosquitto. */

let broker: RunningBroker;
let vehicle: MqttClient;
let running: WatchingServer;
let server: RunningServer;
let cookie = '';

beforeAll(async () => {
  broker = await startBroker();
  vehicle = await mqtt.connectAsync(broker.urls.tcp, { username: 'fleet', password: broker.users.fleet });
  running = await startWatchingServer(broker, 'twin-page-socket-');
  server = running.server;
  cookie = await signedIn(server, 'ana', 'operator');
}, 60_000);

afterAll(async () => {
  await vehicle?.endAsync();
  await running?.close();
  await broker?.stop();
});

describe('the page’s socket client', () => {
  it('keeps the shared book, acknowledges as the signed-in user, and hands on audit entries', async () => {
    const store = createSharedAlertsStore();
    const withCookie = (input: string, init?: RequestInit) =>
      fetch(`${server.url}${input}`, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } });
    const client = new ServerSocket(
      store,
      `${server.url.replace('http', 'ws')}/api/ws`,
      withCookie,
      (url) => new WebSocket(url, { headers: { cookie } }) as unknown as globalThis.WebSocket,
    );
    const events: SocketEvent[] = [];
    client.on((e) => events.push(e));
    client.open();
    await expect.poll(() => store.getState().shared, { timeout: 15_000 }).toMatchObject({ status: 'open', sceneId: '1119-1120-proposed', alerts: [] });
    expect(events).toContainEqual({ kind: 'open' });

    const state = standingState({
      manufacturer: 'acme',
      serialNumber: 'AGV-9',
      headerId: 1,
      timestampMs: Date.now(),
      battery: { chargePercent: 3, charging: false },
    });
    await vehicle.publishAsync('uagv/v2/acme/AGV-9/state', JSON.stringify(state), { qos: 1 });
    const low = () => store.getState().shared.alerts?.find((a) => a.kind === 'low-battery');
    await expect.poll(() => low()?.active, { timeout: 15_000 }).toBe(true);

    await client.acknowledge([low()!.id]);
    await expect.poll(() => low()?.ack?.by, { timeout: 15_000 }).toBe('ana');
    expect(store.getState().shared.problem).toBeUndefined();
    // A refusal is said, not thrown.
    await client.acknowledge([]);
    expect(store.getState().shared.problem).toMatch(/^body/);

    const sent = await withCookie('/api/commands', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ vehicle: 'acme/AGV-9', command: { kind: 'pause' } }),
    });
    const entry = (await sent.json()) as { id: string };
    await expect.poll(() => events.some((e) => e.kind === 'audit' && e.entries.some((x) => x.id === entry.id)), { timeout: 15_000 }).toBe(true);

    client.close();
    expect(store.getState().shared).toEqual({ status: 'off' });
  });
});
