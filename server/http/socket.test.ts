import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBroker, type RunningBroker } from '../../src/telemetry/live/brokerProcess';
import { standingState } from '../../src/telemetry/vda5050/fixtures/standingState';
import type { RunningServer } from '../startServer';
import { signedIn, startWatchingServer, type WatchingServer } from '../testing/watchingServer';

/**
 * The consoles' WebSocket and the shared alert book over a real Mosquitto: what one operator acknowledges reaches
 * every console at once, a console that connects later gets the whole book, and the socket refuses what it should.
 */

/** Most a pushed message may take to arrive; far above the expected few ms, only a guard against hanging. */
const WAIT_MS = 15_000;
let broker: RunningBroker;
let vehicle: MqttClient;
let running: WatchingServer;
let server: RunningServer;
const cookies: Record<string, string> = {};
const opened: WebSocket[] = [];
let headerId = 0;

interface Message {
  type: string;
  entries?: { id: string; who: string; what: string; result: string }[];
  full?: boolean;
  alerts?: { id: string; kind: string; active: boolean; vehicles: string[]; ack?: { by: string; atS: number } }[];
  removed?: string[];
  error?: string;
  user?: string;
  sceneId?: string;
}

/** A socket that keeps every message it got, and waits for the first (from `from` on) that `want` accepts. */
function connect(cookie?: string) {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/ws`, { headers: cookie ? { cookie } : {} });
  opened.push(socket);
  const got: Message[] = [];
  const waiting = new Set<() => void>();
  socket.on('message', (data) => {
    got.push(JSON.parse(String(data)) as Message);
    for (const w of waiting) w();
  });
  const next = (want: (m: Message) => boolean, from = 0) =>
    new Promise<Message>((resolve, reject) => {
      const look = () => {
        const m = got.slice(from).find(want);
        if (!m) return;
        waiting.delete(look);
        clearTimeout(timer);
        resolve(m);
      };
      const timer = setTimeout(() => {
        waiting.delete(look);
        reject(new Error(`no such message in ${WAIT_MS} ms; got ${JSON.stringify(got).slice(0, 500)}`));
      }, WAIT_MS);
      waiting.add(look);
      look();
    });
  return { socket, got, next };
}

async function api(method: string, path: string, cookie: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const publishBattery = (percent: number) =>
  vehicle.publishAsync(
    'uagv/v2/acme/AGV-7/state',
    JSON.stringify(
      standingState({
        manufacturer: 'acme',
        serialNumber: 'AGV-7',
        headerId: ++headerId,
        timestampMs: Date.now(),
        battery: { chargePercent: percent, charging: false },
      }),
    ),
    { qos: 1 },
  );

beforeAll(async () => {
  broker = await startBroker();
  vehicle = await mqtt.connectAsync(broker.urls.tcp, { username: 'fleet', password: broker.users.fleet });
  running = await startWatchingServer(broker, 'twin-socket-');
  server = running.server;
  cookies.ana = await signedIn(server, 'ana', 'operator');
  cookies.binh = await signedIn(server, 'binh', 'viewer');
}, 60_000);

afterAll(async () => {
  for (const s of opened) s.terminate();
  await vehicle?.endAsync();
  await running?.close();
  await broker?.stop();
});

describe('the consoles’ socket', () => {
  it('gives every console the shared book and each acknowledgement, with who and when', async () => {
    const ana = connect(cookies.ana);
    const binh = connect(cookies.binh);
    expect(await ana.next((m) => m.type === 'hello')).toMatchObject({ user: 'ana', sceneId: '1119-1120-proposed' });
    await binh.next((m) => m.type === 'alerts' && m.full === true);

    await publishBattery(4);
    const opened = (m: Message) => m.type === 'alerts' && m.alerts!.some((a) => a.kind === 'low-battery' && a.active && !a.ack);
    const [seenByAna, seenByBinh] = await Promise.all([ana.next(opened), binh.next(opened)]);
    const id = seenByAna.alerts!.find((a) => a.kind === 'low-battery')!.id;
    expect(seenByBinh.alerts!.find((a) => a.kind === 'low-battery')).toMatchObject({ id, vehicles: ['acme/AGV-7'] });

    // A viewer may not acknowledge; an operator may, as herself.
    expect(await api('POST', '/api/alerts/acknowledge', cookies.binh!, { ids: [id] })).toMatchObject({ status: 403 });
    expect(await api('POST', '/api/alerts/acknowledge', cookies.ana!, { ids: [] })).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^body/) },
    });
    const before = Date.now() / 1000;
    const from = binh.got.length;
    expect(await api('POST', '/api/alerts/acknowledge', cookies.ana!, { ids: [id] })).toEqual({ status: 200, body: { acknowledged: 1 } });
    const acked = await binh.next((m) => m.type === 'alerts' && m.alerts!.some((a) => a.id === id && a.ack !== undefined), from);
    const ack = acked.alerts!.find((a) => a.id === id)!.ack!;
    expect(ack.by).toBe('ana');
    expect(ack.atS).toBeGreaterThanOrEqual(before - 1);

    // A console connecting now gets the book as it stands, the acknowledgement in it; so does the API.
    const late = connect(cookies.binh);
    const book = await late.next((m) => m.type === 'alerts' && m.full === true);
    expect(book.alerts!.find((a) => a.id === id)?.ack?.by).toBe('ana');
    const listed = await api('GET', '/api/alerts', cookies.binh!);
    expect((listed.body.alerts as Message['alerts'])!.find((a) => a.id === id)?.ack?.by).toBe('ana');

    // Cleared: every console hears it.
    await publishBattery(90);
    await binh.next((m) => m.type === 'alerts' && m.alerts!.some((a) => a.id === id && !a.active), from);
  });

  it('pushes each audit entry as it is stored and as its result settles', async () => {
    const binh = connect(cookies.binh);
    await binh.next((m) => m.type === 'hello');
    const sent = await api('POST', '/api/commands', cookies.ana!, { vehicle: 'acme/AGV-7', command: { kind: 'pause' } });
    expect(sent.status).toBe(200);
    const pushed = await binh.next((m) => m.type === 'audit' && m.entries!.some((e) => e.id === sent.body.id));
    expect(pushed.entries!.find((e) => e.id === sent.body.id)).toMatchObject({ who: 'ana', what: 'pause' });
  });

  it('answers pings, names what it does not understand and stays open; refuses a socket without a session', async () => {
    const c = connect(cookies.binh);
    await c.next((m) => m.type === 'hello');
    for (const text of ['{"type":"ping"}', 'not json', '[1,2]', '{"type":"ack","ids":["x"]}', '{"type":"<img src=x>"}']) c.socket.send(text);
    c.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    const replies = () => c.got.filter((m) => m.type === 'pong' || m.type === 'error');
    await c.next(() => replies().length === 6);
    expect(replies().map((m) => m.error ?? m.type)).toEqual([
      'pong',
      'not JSON',
      'expected an object with a "type"',
      'unknown message type "ack": consoles send only "ping"',
      'unknown message type "<img src=x>": consoles send only "ping"',
      'binary messages are not understood here',
    ]);
    expect(c.socket.readyState).toBe(WebSocket.OPEN);

    // Over the size a console's message may have: the socket closes with 1009 (message too big).
    const closed = new Promise<number>((resolve) => c.socket.on('close', (code) => resolve(code)));
    c.socket.send('x'.repeat(10_000));
    expect(await closed).toBe(1009);

    const refused = new WebSocket(`${server.url.replace('http', 'ws')}/api/ws`);
    opened.push(refused);
    const status = await new Promise<number>((resolve, reject) => {
      refused.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      refused.on('open', () => reject(new Error('opened without a session')));
      refused.on('error', () => {});
    });
    expect(status).toBe(401);
  });
});
