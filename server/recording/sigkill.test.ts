import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MCAP_MAGIC } from '@mcap/core';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBroker, type RunningBroker } from '../../src/telemetry/live/brokerProcess';
import { openRecording } from '../../src/telemetry/recording/openRecording';
import { openDatabase } from '../db/openDatabase';
import { UserStore } from '../users/UserStore';
import { exited, startServerProcess, type ServerProcess } from '../testing/serverProcess';

const PASSWORD = 'a long enough password';
let broker: RunningBroker;
let fleet: MqttClient;
let dir: string;

const running: ServerProcess[] = [];
async function serve(): Promise<ServerProcess> {
  const p = await startServerProcess(broker, { TWIN_DATA_DIR: dir });
  running.push(p);
  return p;
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'ana', password: PASSWORD }),
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function segments(url: string, cookie: string) {
  const r = await fetch(`${url}/api/recordings`, { headers: { cookie } });
  return ((await r.json()) as { segments: { id: string; file: string; state: string; messages: number; url: string }[] }).segments;
}

async function publish(from: number, n: number) {
  for (let k = from; k < from + n; k++) await fleet.publishAsync('uagv/v2/acme/AGV-1/state', JSON.stringify({ headerId: k }), { qos: 1 });
}

beforeAll(async () => {
  broker = await startBroker();
  dir = mkdtempSync(join(tmpdir(), 'twin-sigkill-'));
  const db = await openDatabase({ dataDir: dir });
  await new UserStore(db.db).add('ana', 'viewer', PASSWORD);
  await db.close();
  fleet = await mqtt.connectAsync(broker.urls.tcp, { username: 'fleet', password: broker.users.fleet, protocolVersion: 5 });
}, 60_000);

afterAll(async () => {
  for (const p of running) p.proc.kill('SIGKILL');
  await fleet?.endAsync(true);
  await broker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the recorder around the clock', { timeout: 120_000 }, () => {
  it('killed with SIGKILL mid-segment leaves a file that replays up to the kill; the next start records into a new segment, served with ranges', async () => {
    const first = await serve();
    let cookie = await signIn(first.url);
    await expect.poll(async () => (await (await fetch(`${first.url}/api/health`)).json()).broker, { timeout: 20_000 }).toBe('connected');
    expect((await (await fetch(`${first.url}/api/health`)).json()).recording).toBe(true);
    await publish(0, 40);
    // Indexed once a second, after the chunk is flushed to the file.
    await expect.poll(async () => (await segments(first.url, cookie))[0]?.messages, { timeout: 20_000 }).toBe(40);
    const [cut] = await segments(first.url, cookie);
    first.proc.kill('SIGKILL');
    await exited(first.proc);

    const { reader, info } = await openRecording(new Uint8Array(readFileSync(join(dir, 'recordings', cut!.file))));
    expect(info.damage).toBeDefined();
    const heads: number[] = [];
    for await (const m of reader.messages()) heads.push((JSON.parse(new TextDecoder().decode(m.data)) as { headerId: number }).headerId);
    expect(heads).toEqual([...Array(40).keys()]);

    const second = await serve();
    cookie = await signIn(second.url);
    const listed = await segments(second.url, cookie);
    expect(listed.map((s) => [s.id === cut!.id, s.state])).toEqual([
      [true, 'cut'],
      [false, 'recording'],
    ]);
    await expect.poll(async () => (await (await fetch(`${second.url}/api/health`)).json()).broker, { timeout: 20_000 }).toBe('connected');
    await publish(40, 5);
    await expect.poll(async () => (await segments(second.url, cookie))[1]?.messages, { timeout: 20_000 }).toBe(5);

    // Seeking reads parts of a segment: a range request answers 206 with just those bytes.
    const part = await fetch(`${second.url}${listed[0]!.url}`, { headers: { cookie, range: 'bytes=0-7' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toMatch(/^bytes 0-7\/\d+$/);
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual(MCAP_MAGIC);
    expect((await fetch(`${second.url}${listed[0]!.url}`)).status).toBe(401);

    // A clean stop closes the open segment with its summary.
    second.proc.kill('SIGTERM');
    await exited(second.proc);
    const db = await openDatabase({ dataDir: dir });
    const states = await db.db.selectFrom('recordings').select(['id', 'state']).orderBy('startMs').execute();
    await db.close();
    expect(states.map((s) => [s.id === cut!.id, s.state])).toEqual([
      [true, 'cut'],
      [false, 'complete'],
    ]);
  });
});
