import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { readConfig } from '../config';
import { startServer, type RunningServer } from '../startServer';
import { UserStore } from '../users/UserStore';

const PASSWORD = 'a long enough password';
let server: RunningServer;
let dir: string;
let admin = '';
const logged: { level: number; msg: string; reqId?: string }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'twin-fuzz-'));
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logged.push(JSON.parse(line));
      done();
    },
  });
  server = await startServer(readConfig({ TWIN_PORT: '0', TWIN_DATA_DIR: dir, TWIN_DIST_DIR: join(dir, 'none') }), { level: 'warn', stream });
  await new UserStore(server.database.db).add('root', 'admin', PASSWORD);
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'root', password: PASSWORD }),
  });
  admin = res.headers.get('set-cookie')!.split(';')[0]!;
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const PATHS = [
  '/api/health',
  '/api/session',
  '/api/users',
  '/api/users/root',
  '/api/live',
  '/api/commands',
  '/api/audit',
  '/api/recordings',
  '/api/recordings/x/file',
  '/api/kpi',
  '/api/alerts',
  '/api/alerts/acknowledge',
  '/api/ws',
  '/api/fleet',
  '/api/fleet/vehicle',
  '/api/fleet/traffic',
  '/api/gate',
  '/api/layouts',
  '/api/layouts/00000000-0000-4000-8000-000000000000/versions',
];
const segment = fc.stringMatching(/^[A-Za-z0-9%._~<>'"-]{0,12}$/);
const path = fc.oneof(
  fc.constantFrom(...PATHS),
  fc.tuple(fc.constantFrom(...PATHS), segment).map(([p, s]) => `${p}/${s}`),
  fc.tuple(fc.constantFrom(...PATHS), segment, segment).map(([p, k, v]) => `${p}?${k}=${v}`),
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .record({
      name: fc.jsonValue(),
      password: fc.jsonValue(),
      role: fc.jsonValue(),
      vehicle: fc.jsonValue(),
      command: fc.jsonValue(),
      ids: fc.jsonValue(),
      all: fc.jsonValue(),
    })
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
);

describe('the API under random requests', () => {
  it('never answers 500 and keeps serving, signed in as an admin or not', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH'),
        path,
        body,
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
        fc.boolean(),
        async (method, p, b, type, signedIn) => {
          const res = await fetch(`${server.url}${p}`, {
            method,
            headers: { ...(type ? { 'content-type': type } : {}), ...(signedIn ? { cookie: admin } : {}) },
            ...(b === undefined || method === 'GET' ? {} : { body: b }),
          });
          await res.arrayBuffer();
          // 503 is the plain "no live fleet" answer; every other refusal is a 4xx naming the problem.
          expect(res.status, `${method} ${p} ${type} ${b}`).not.toBe(500);
          expect(res.status).toBeLessThan(504);
        },
      ),
      { numRuns: 400, seed: 12 },
    );
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(logged.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe('the consoles’ socket under random messages', () => {
  it('answers each with a pong or an error naming the problem, stays open and logs no error', { timeout: 120_000 }, async () => {
    // A session of its own: the request fuzz may have signed the admin's out.
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'root', password: PASSWORD }),
    });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/ws`, { headers: { cookie } });
    const replies: { type: string }[] = [];
    let wanted = 0;
    let settle: (() => void) | undefined;
    socket.on('message', (data) => {
      replies.push(JSON.parse(String(data)) as { type: string });
      if (replies.length >= wanted) settle?.();
    });
    await new Promise((resolve) => socket.once('open', resolve));
    // The hello, then one answer per message sent.
    const answered = (n: number) =>
      new Promise<void>((resolve) => {
        wanted = n;
        settle = resolve;
        if (replies.length >= n) resolve();
      });
    await answered(1);
    const message = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.record({ type: fc.oneof(fc.string(), fc.constant('ping'), fc.jsonValue()), ids: fc.jsonValue() }).map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
    );
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(message, async (m) => {
        socket.send(m, { binary: Buffer.isBuffer(m) });
        await answered(1 + ++sent);
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(replies.slice(1).every((r) => r.type === 'pong' || r.type === 'error')).toBe(true);
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(logged.filter((l) => l.level >= 50)).toEqual([]);
  });
});
