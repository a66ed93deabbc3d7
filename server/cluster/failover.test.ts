import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBroker, type RunningBroker } from '../../src/telemetry/live/brokerProcess';
import { standingState } from '../../src/telemetry/vda5050/fixtures/standingState';
import { openDatabase } from '../db/openDatabase';
import { startPgCluster, type PgCluster } from '../testing/pgCluster';
import { exited, startServerProcess, type ServerProcess } from '../testing/serverProcess';
import { UserStore } from '../users/UserStore';

/**
 * Two control-room servers on one PostgreSQL, as real processes on one broker: one alert book and one audit log
 * for the consoles of both; then one is killed mid-run: the other takes over what runs once (recording, the alert
 * book), no audit record and no acknowledgement is lost, and the recording's gap is no longer than the failover.
 */

const PASSWORD = 'a long enough password';
/** Guards against hanging only: each step takes a second or two. */
const WAIT = { timeout: 30_000, interval: 200 };
let cluster: PgCluster;
let databaseUrl: string;
let broker: RunningBroker;
let fleet: MqttClient;
let dir: string;
let beat: ReturnType<typeof setInterval> | undefined;
let headerId = 0;
const running: ServerProcess[] = [];

async function serve(): Promise<ServerProcess> {
  const p = await startServerProcess(broker, { TWIN_DATA_DIR: dir, DATABASE_URL: databaseUrl });
  running.push(p);
  return p;
}

const health = async (url: string) => (await (await fetch(`${url}/api/health`)).json()) as { leading: boolean; broker: string; recording: boolean };

async function api<T>(url: string, path: string, cookie: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

interface Alert {
  id: string;
  kind: string;
  active: boolean;
  vehicles: string[];
  ack?: { by: string };
}
const batteryAlert = (alerts: Alert[]) => alerts.find((a) => a.kind === 'low-battery' && a.vehicles.includes('acme/AGV-7') && a.active);

/** AGV-7, nearly flat, and AGV-8 send a state every 200 ms: the recording always has something to write. */
function heartbeat(): void {
  const send = (serial: string, chargePercent: number) =>
    void fleet.publishAsync(
      `uagv/v2/acme/${serial}/state`,
      JSON.stringify(
        standingState({
          manufacturer: 'acme',
          serialNumber: serial,
          headerId: ++headerId,
          timestampMs: Date.now(),
          battery: { chargePercent, charging: false },
        }),
      ),
      { qos: 1 },
    );
  beat = setInterval(() => {
    send('AGV-7', 4);
    send('AGV-8', 80);
  }, 200);
}

beforeAll(async () => {
  cluster = await startPgCluster();
  databaseUrl = await cluster.createDatabase('twin_failover');
  const db = await openDatabase({ databaseUrl, dataDir: '/nonexistent' });
  await new UserStore(db.db).add('ana', 'operator', PASSWORD);
  await db.close();
  broker = await startBroker();
  fleet = await mqtt.connectAsync(broker.urls.tcp, { username: 'fleet', password: broker.users.fleet, protocolVersion: 5 });
  // One recordings folder for both, as on shared storage: whichever leads writes there, either serves it.
  dir = mkdtempSync(join(tmpdir(), 'twin-failover-'));
}, 120_000);

afterAll(async () => {
  clearInterval(beat);
  for (const p of running) p.proc.kill('SIGKILL');
  await Promise.all(running.map((p) => exited(p.proc)));
  await fleet?.endAsync(true);
  await broker?.stop();
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('two instances on one PostgreSQL', { timeout: 180_000 }, () => {
  it('share the alert book and the audit log; killed, the leader’s duties pass to the other with nothing lost', async () => {
    const a = await serve();
    await expect.poll(() => health(a.url), WAIT).toMatchObject({ leading: true, broker: 'connected', recording: true });
    const b = await serve();
    await expect.poll(() => health(b.url), WAIT).toMatchObject({ leading: false, broker: 'connected', recording: false });
    // One sign-in serves on both: sessions are in the shared database.
    const res = await fetch(`${a.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ana', password: PASSWORD }),
    });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    heartbeat();

    // The leader's book opens the alert; the other instance shows the same book.
    let opened: Alert | undefined;
    await expect.poll(async () => (opened = batteryAlert((await api<{ alerts: Alert[] }>(a.url, '/api/alerts', cookie)).body.alerts)), WAIT).toBeDefined();
    await expect.poll(async () => batteryAlert((await api<{ alerts: Alert[] }>(b.url, '/api/alerts', cookie)).body.alerts)?.id, WAIT).toBe(opened!.id);

    // Acknowledged on the instance standing by: the leader applies it, and both show who.
    expect(await api(b.url, '/api/alerts/acknowledge', cookie, { ids: [opened!.id] })).toEqual({ status: 200, body: { acknowledged: 1 } });
    for (const url of [a.url, b.url]) {
      await expect.poll(async () => batteryAlert((await api<{ alerts: Alert[] }>(url, '/api/alerts', cookie)).body.alerts)?.ack?.by, WAIT).toBe('ana');
    }

    // A command through each instance: both audited in the shared log, and pushed to the consoles of both.
    const consoleSocket = new WebSocket(`${b.url.replace('http', 'ws')}/api/ws`, { headers: { cookie } });
    const pushed = new Set<string>();
    consoleSocket.on('message', (data) => {
      const m = JSON.parse(String(data)) as { type: string; entries?: { id: string }[] };
      if (m.type === 'audit') for (const e of m.entries!) pushed.add(e.id);
    });
    await new Promise((resolve) => consoleSocket.once('open', resolve));
    const sent: string[] = [];
    for (const url of [a.url, b.url]) {
      const r = await api<{ id: string }>(url, '/api/commands', cookie, { vehicle: 'acme/AGV-8', command: { kind: 'pause' } });
      expect(r.status).toBe(200);
      sent.push(r.body.id);
    }
    await expect
      .poll(async () => (await api<{ entries: { id: string }[] }>(b.url, '/api/audit', cookie)).body.entries.map((e) => e.id).sort(), WAIT)
      .toEqual([...sent].sort());
    await expect.poll(() => [...pushed].sort(), WAIT).toEqual([...sent].sort());
    consoleSocket.close();

    // The leader has recorded a while; then it dies.
    await expect
      .poll(async () => (await api<{ segments: { messages: number }[] }>(a.url, '/api/recordings', cookie)).body.segments[0]?.messages ?? 0, WAIT)
      .toBeGreaterThan(20);
    const killedAt = Date.now();
    a.proc.kill('SIGKILL');
    await exited(a.proc);
    await expect.poll(() => health(b.url), WAIT).toMatchObject({ leading: true, recording: true });
    const failoverMs = Date.now() - killedAt;

    // Nothing lost: both commands, the acknowledgement (kept in the history, and carried over to the new book's alert).
    expect((await api<{ entries: { id: string }[] }>(b.url, '/api/audit', cookie)).body.entries.map((e) => e.id).sort()).toEqual([...sent].sort());
    const history = (await api<{ alerts: Alert[] }>(b.url, `/api/alerts?from=${new Date(killedAt - 600_000).toISOString()}`, cookie)).body.alerts;
    expect(history.find((x) => x.id === opened!.id)?.ack?.by).toBe('ana');
    let reopened: Alert | undefined;
    await expect
      .poll(async () => (reopened = batteryAlert((await api<{ alerts: Alert[] }>(b.url, '/api/alerts', cookie)).body.alerts)), WAIT)
      .toBeDefined();
    expect(reopened!.id).not.toBe(opened!.id);
    expect(reopened!.ack?.by).toBe('ana');

    // The recording goes on in a new segment; the gap is no longer than the failover, plus the last second the
    // killed leader had not flushed.
    const segments = async () =>
      (await api<{ segments: { startMs: number; endMs: number; state: string; messages: number }[] }>(b.url, '/api/recordings', cookie)).body.segments;
    await expect.poll(async () => (await segments()).map((s) => s.state), WAIT).toEqual(['cut', 'recording']);
    await expect.poll(async () => (await segments())[1]!.messages, WAIT).toBeGreaterThan(0);
    const [before, after] = await segments();
    const gapMs = after!.startMs - before!.endMs;
    console.info(`failover ${failoverMs} ms; recording gap ${gapMs} ms`);
    expect(gapMs).toBeLessThanOrEqual(failoverMs + 1500);
  });
});
