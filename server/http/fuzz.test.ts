import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    .record({ name: fc.jsonValue(), password: fc.jsonValue(), role: fc.jsonValue(), vehicle: fc.jsonValue(), command: fc.jsonValue() })
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
