import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRangeBlob, httpRangeRef } from '../../src/telemetry/recording/httpRange';
import { openRecording } from '../../src/telemetry/recording/openRecording';
import { readConfig } from '../config';
import { startServer, type RunningServer } from '../startServer';
import { UserStore } from '../users/UserStore';
import { Recorder } from './Recorder';
import { RecordingStore } from './RecordingStore';

/**
 * A segment the server recorded, replayed through its HTTP API by range requests: a seek into the middle of it
 * fetches the summary and the chunks it needs, not the file.
 */

const PASSWORD = 'a long enough password';
const T0 = Date.UTC(2026, 11, 4, 10, 0, 0);
const SECONDS = 600;
const VEHICLES = 20;
let server: RunningServer;
let dir: string;
let cookie = '';
let url = '';
const withCookie = (input: string, init?: RequestInit) =>
  fetch(`${server.url}${input}`, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'twin-range-'));
  server = await startServer(readConfig({ TWIN_PORT: '0', TWIN_DATA_DIR: dir, TWIN_DIST_DIR: join(dir, 'none') }));
  await new UserStore(server.database.db).add('binh', 'viewer', PASSWORD);
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'binh', password: PASSWORD }),
  });
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  // Ten minutes of 20 vehicles at 1 Hz, flushed every second as the live watch does: a chunk a second.
  const store = new RecordingStore(server.database.db);
  const recorder = new Recorder(join(dir, 'recordings'), store, { info: () => {}, error: () => {} });
  await recorder.start(T0);
  for (let s = 0; s < SECONDS; s++) {
    for (let v = 0; v < VEHICLES; v++) {
      const payload = new TextEncoder().encode(JSON.stringify({ headerId: s, serialNumber: `AGV-${v}`, padding: 'x'.repeat(300) }));
      recorder.record(`uagv/v2/acme/AGV-${v}/state`, payload, T0 + s * 1000 + v);
    }
    await recorder.tick(T0 + s * 1000 + 999);
  }
  await recorder.close(T0 + SECONDS * 1000);
  const [segment] = await store.list();
  url = `/api/recordings/${segment!.id}/file`;
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a server recording read by range requests', () => {
  it('seeks into the middle fetching a small share of the file, and reads on from there', async () => {
    const ref = await httpRangeRef(url, withCookie);
    expect(ref.size).toBeGreaterThan(SECONDS * VEHICLES * 300);
    const blob = httpRangeBlob(ref, withCookie);
    const { reader, info, kind } = await openRecording(blob, { verifyDataCrc: false });
    expect(kind).toBe('indexed');
    expect(info.messageCount).toBe(SECONDS * VEHICLES);
    const opened = blob.fetched();
    const mid = BigInt(T0 + (SECONDS / 2) * 1000) * 1_000_000n;
    const latest = await reader.latestBefore(mid);
    expect(latest.size).toBe(VEHICLES);
    let next = 0;
    for await (const m of reader.messages({ start: mid })) {
      expect(m.logTimeNs).toBeGreaterThanOrEqual(mid);
      if (++next === VEHICLES) break;
    }
    console.log(`range replay: ${ref.size} bytes in the file; opening fetched ${opened}, the seek and a second of playing ${blob.fetched() - opened}`);
    expect(blob.fetched()).toBeLessThan(ref.size * 0.1);
  });

  it('is refused without a session, and names a server that does not serve ranges', async () => {
    await expect(httpRangeRef(url, (input, init) => fetch(`${server.url}${input}`, init))).rejects.toThrow(/answered 401/);
    const noRanges = async () => new Response('x', { status: 200, headers: { 'content-length': '1' } });
    await expect(httpRangeRef(url, noRanges)).rejects.toThrow('does not serve byte ranges');
    const whole = httpRangeBlob({ kind: 'http-range', url, size: 10 }, async () => new Response(new Uint8Array(10), { status: 200 }));
    await expect(whole.slice(0, 4).arrayBuffer()).rejects.toThrow('answered 200, not 206');
  });
});
