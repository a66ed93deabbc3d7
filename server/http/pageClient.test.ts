import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config';
import { startServer, type RunningServer } from '../startServer';
import { UserStore } from '../users/UserStore';
import { createServerStore } from '../../src/store/server/serverStore';
import { ServerClient } from '../../src/app/server/ServerClient';

const PASSWORD = 'a long enough password';
let server: RunningServer;
let dir: string;

/** The page's fetch against the real server: same-origin paths, and the cookie kept as a browser keeps it. */
function pageFetch() {
  let cookie = '';
  return async (path: string, init?: RequestInit) => {
    const res = await fetch(`${server.url}${path}`, { ...init, headers: { ...(init?.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    const set = res.headers.get('set-cookie');
    if (set) cookie = /Expires=Thu, 01 Jan 1970/.test(set) ? '' : set.split(';')[0]!;
    return res;
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'twin-client-'));
  server = await startServer(readConfig({ TWIN_PORT: '0', TWIN_DATA_DIR: dir }));
  const users = new UserStore(server.database.db);
  await users.add('ana', 'operator', PASSWORD);
  await users.add('locked', 'viewer', PASSWORD);
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the page’s server client against the real server', () => {
  it('finds the server, signs in, keeps the session for a new page, and signs out', async () => {
    const f = pageFetch();
    const store = createServerStore();
    const client = new ServerClient(store, f);
    expect(store.getState().server).toEqual({ status: 'checking' });
    await client.detect();
    expect(store.getState().server).toEqual({ status: 'signed-out', busy: false });
    await client.signIn('ana', 'not the password');
    expect(store.getState().server).toEqual({ status: 'signed-out', busy: false, problem: { kind: 'wrong-credentials' } });
    await client.signIn('ana', PASSWORD);
    expect(store.getState().server).toEqual({ status: 'signed-in', user: 'ana', role: 'operator' });
    // A reload: a new page with the same cookie finds the session.
    const again = createServerStore();
    await new ServerClient(again, f).detect();
    expect(again.getState().server).toEqual({ status: 'signed-in', user: 'ana', role: 'operator' });
    await client.signOut();
    expect(store.getState().server).toEqual({ status: 'signed-out', busy: false });
    const after = createServerStore();
    await new ServerClient(after, f).detect();
    expect(after.getState().server).toEqual({ status: 'signed-out', busy: false });
  });

  it('says when sign-ins are throttled and for how long', async () => {
    const store = createServerStore();
    const client = new ServerClient(store, pageFetch());
    for (let k = 0; k < 5; k++) await client.signIn('locked', `wrong guess ${k}`);
    await client.signIn('locked', PASSWORD);
    const s = store.getState().server;
    expect(s.status === 'signed-out' && s.problem?.kind === 'throttled' && s.problem.retryS).toBeGreaterThan(800);
  });

  it('is absent where the page is served without a server (a static build answers every path with the app)', async () => {
    const store = createServerStore();
    await new ServerClient(store, async () => new Response('<!doctype html><html></html>', { headers: { 'content-type': 'text/html' } })).detect();
    expect(store.getState().server).toEqual({ status: 'absent' });
    const down = createServerStore();
    await new ServerClient(down, async () => Promise.reject(new TypeError('Failed to fetch'))).detect();
    expect(down.getState().server).toEqual({ status: 'absent' });
  });

  it('says the server cannot be reached when a sign-in fails on the way', async () => {
    const store = createServerStore();
    await new ServerClient(store, async () => Promise.reject(new TypeError('Failed to fetch'))).signIn('ana', PASSWORD);
    expect(store.getState().server).toEqual({ status: 'signed-out', busy: false, problem: { kind: 'unreachable', detail: 'Failed to fetch' } });
  });
});
