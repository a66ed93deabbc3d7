import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBroker, type RunningBroker } from '../../src/telemetry/live/brokerProcess';
import { standingState } from '../../src/telemetry/vda5050/fixtures/standingState';
import { readConfig } from '../config';
import { startServer, type RunningServer } from '../startServer';
import { UserStore } from '../users/UserStore';

const PASSWORD = 'a long enough password';
let broker: RunningBroker;
let vehicle: MqttClient;
let dir: string;
let server: RunningServer;
const cookies: Record<string, string> = {};
const received: { topic: string; body: { actions?: { actionId: string; actionType: string }[] } }[] = [];
let headerId = 0;

/** A vehicle on the proposed 1119–1120 layout's map, standing, with the given actions finished. */
function publishState(finished: readonly string[] = []) {
  const msg = standingState({
    manufacturer: 'acme',
    serialNumber: 'AGV-7',
    headerId: ++headerId,
    timestampMs: Date.now(),
    actionStates: finished.map((actionId) => ({ actionId, actionType: 'startPause', actionStatus: 'FINISHED' as const })),
  });
  return vehicle.publishAsync('uagv/v2/acme/AGV-7/state', JSON.stringify(msg), { qos: 1 });
}

async function start(): Promise<RunningServer> {
  return startServer(
    readConfig({
      TWIN_PORT: '0',
      TWIN_DATA_DIR: dir,
      TWIN_BROKER_URL: broker.urls.tcp,
      TWIN_BROKER_USERNAME: 'operator',
      TWIN_BROKER_PASSWORD: broker.users.operator,
    }),
  );
}

async function api(method: string, path: string, role?: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(role ? { cookie: cookies[role]! } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, body: type.includes('json') ? await res.json() : await res.text() };
}

async function signIn(role: string) {
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: role, password: PASSWORD }),
  });
  cookies[role] = res.headers.get('set-cookie')!.split(';')[0]!;
}

beforeAll(async () => {
  broker = await startBroker();
  dir = mkdtempSync(join(tmpdir(), 'twin-commands-'));
  server = await start();
  const users = new UserStore(server.database.db);
  for (const role of ['viewer', 'operator', 'engineer']) {
    await users.add(role, role, PASSWORD);
    await signIn(role);
  }
  vehicle = await mqtt.connectAsync(broker.urls.tcp, { username: 'fleet', password: broker.users.fleet, protocolVersion: 5 });
  vehicle.on('message', (topic, payload) => received.push({ topic, body: JSON.parse(payload.toString()) }));
  await vehicle.subscribeAsync(['uagv/v2/acme/AGV-7/instantActions', 'uagv/v2/acme/AGV-7/order']);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await vehicle?.endAsync(true);
  await broker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('commands through the server, audited durably', { timeout: 60_000 }, () => {
  it('watches the live fleet with its own MQTT identity, with no browser open', async () => {
    await expect.poll(async () => (await api('GET', '/api/health')).body.broker, { timeout: 20_000 }).toBe('connected');
    await publishState();
    await expect
      .poll(async () => (await api('POST', '/api/commands', 'operator', { vehicle: 'acme/AGV-7', command: { kind: 'pause' } })).body.result, {
        timeout: 10_000,
      })
      .toBe('sent');
  });

  it("refuses a viewer's and an engineer's command (403) and a malformed one (400), sending nothing", async () => {
    // The first test's pause has reached the vehicle: from here on nothing more may.
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1);
    const before = received.length;
    const pause = { vehicle: 'acme/AGV-7', command: { kind: 'pause' } };
    expect(await api('POST', '/api/commands', undefined, pause)).toMatchObject({ status: 401 });
    expect(await api('POST', '/api/commands', 'viewer', pause)).toMatchObject({
      status: 403,
      body: { error: 'viewer is a viewer: a viewer may not command vehicles' },
    });
    expect(await api('POST', '/api/commands', 'engineer', pause)).toMatchObject({ status: 403 });
    expect(await api('POST', '/api/commands', 'operator', { vehicle: 'acme/AGV-7', command: { kind: 'goto' } })).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^body\.command\.nodeId: /) },
    });
    expect(received.length).toBe(before);
  });

  it("publishes the operator's command, stores who sent it, settles it from the vehicle's state, keeps it over a restart, exports it", async () => {
    const sent = await api('POST', '/api/commands', 'operator', { vehicle: 'acme/AGV-7', command: { kind: 'resume' } });
    expect(sent.body).toMatchObject({ who: 'operator', vehicle: 'acme/AGV-7', what: 'resume', result: 'sent' });
    const id: string = sent.body.id;
    await expect
      .poll(() => received.some((m) => m.topic.endsWith('/instantActions') && m.body.actions?.[0]?.actionId === id), { timeout: 10_000 })
      .toBe(true);
    await publishState([id]);
    const entry = async () => (await api('GET', '/api/audit?vehicle=acme%2FAGV-7', 'viewer')).body.entries.find((e: { id: string }) => e.id === id);
    await expect.poll(async () => (await entry())?.result, { timeout: 10_000 }).toBe('finished');

    await server.close();
    server = await start();
    await signIn('viewer');
    expect(await entry()).toMatchObject({ id, who: 'operator', vehicle: 'acme/AGV-7', what: 'resume', result: 'finished' });
    const byUser = await api('GET', '/api/audit?user=operator', 'viewer');
    expect(byUser.body.entries.map((e: { what: string }) => e.what)).toEqual(['resume', 'pause']);
    expect((await api('GET', '/api/audit?user=nobody', 'viewer')).body.entries).toEqual([]);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await api('GET', `/api/audit?from=${encodeURIComponent(future)}`, 'viewer')).body.entries).toEqual([]);
    expect(await api('GET', '/api/audit?from=yesterday', 'viewer')).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^query\.from: /) },
    });

    const csv = await api('GET', '/api/audit?format=csv&vehicle=acme%2FAGV-7', 'viewer');
    expect(csv.type).toMatch(/^text\/csv/);
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('time,who,vehicle,what,result,detail,id');
    expect(lines[1]).toMatch(new RegExp(`^"\\d{4}-\\d\\d-\\d\\dT[^"]+Z","operator","acme/AGV-7","resume","finished","","${id}"$`));
  });

  it('says why a command cannot go: an unknown vehicle fails with the reason, stored too', async () => {
    const r = await api('POST', '/api/commands', 'operator', { vehicle: 'acme/AGV-404', command: { kind: 'pause' } });
    expect(r.body).toMatchObject({ result: 'failed to send', detail: 'no message from this vehicle yet' });
    const rows = (await api('GET', '/api/audit?vehicle=acme%2FAGV-404', 'viewer')).body.entries;
    expect(rows).toMatchObject([{ result: 'failed to send', detail: 'no message from this vehicle yet' }]);
  });
});
