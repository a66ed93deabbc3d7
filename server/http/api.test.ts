import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { may, ROLES, type Capability, type Role } from '../../src/domain/roles';
import { readConfig } from '../config';
import { startServer, type RunningServer } from '../startServer';
import { UserStore } from '../users/UserStore';
import { loadScene } from '../../src/sim/testScenes';

const PASSWORD = 'a long enough password';
const NO_LAYOUT = '00000000-0000-4000-8000-000000000000';
let server: RunningServer;
let dir: string;
const cookies: Partial<Record<Role, string>> = {};

async function call(method: string, path: string, o: { cookie?: string; body?: unknown } = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(o.cookie ? { cookie: o.cookie } : {}), ...(o.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'twin-api-'));
  server = await startServer(readConfig({ TWIN_PORT: '0', TWIN_DATA_DIR: dir, TWIN_DIST_DIR: join(dir, 'no-build') }));
  const users = new UserStore(server.database.db);
  for (const role of ROLES) {
    await users.add(role, role, PASSWORD);
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: role, password: PASSWORD }),
    });
    cookies[role] = res.headers.get('set-cookie')!.split(';')[0];
  }
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the control-room API', () => {
  it('answers health without a session', async () => {
    const r = await call('GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      ok: true,
      database: 'embedded',
      broker: 'none',
      recording: false,
      leading: true,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    // Cross-origin isolation on every answer: the app's workers share memory.
    expect(r.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie, says who is signed in, and signs out', async () => {
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'operator', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'operator', role: 'operator' });
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(/^twin_session=[A-Za-z0-9_-]{43};/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    const cookie = set.split(';')[0]!;
    expect((await call('GET', '/api/session', { cookie })).body).toEqual({ name: 'operator', role: 'operator' });
    expect((await call('DELETE', '/api/session', { cookie })).status).toBe(204);
    expect(await call('GET', '/api/session', { cookie })).toMatchObject({ status: 401, body: { error: 'not signed in' } });
  });

  // Every route with the capability it needs: 401 without a session, 403 for each role without the capability.
  const ROUTES: readonly { method: string; path: string; needs: Capability; body?: unknown }[] = [
    { method: 'GET', path: '/api/session', needs: 'view' },
    { method: 'GET', path: '/api/users', needs: 'administer' },
    { method: 'POST', path: '/api/users', needs: 'administer', body: { name: 'new-user', role: 'viewer', password: PASSWORD } },
    { method: 'DELETE', path: '/api/users/nobody', needs: 'administer' },
    { method: 'GET', path: '/api/live', needs: 'view' },
    { method: 'POST', path: '/api/commands', needs: 'command', body: { vehicle: 'acme/AGV-1', command: { kind: 'pause' } } },
    { method: 'GET', path: '/api/audit', needs: 'view' },
    { method: 'GET', path: '/api/recordings', needs: 'view' },
    { method: 'GET', path: '/api/recordings/x/file', needs: 'view' },
    { method: 'GET', path: '/api/kpi', needs: 'view' },
    { method: 'GET', path: '/api/alerts', needs: 'view' },
    { method: 'POST', path: '/api/alerts/acknowledge', needs: 'command', body: { all: true } },
    { method: 'GET', path: '/api/ws', needs: 'view' },
    { method: 'GET', path: '/api/fleet', needs: 'view' },
    { method: 'GET', path: '/api/fleet/vehicle?key=acme/AGV-1', needs: 'view' },
    { method: 'GET', path: '/api/fleet/traffic?capacity=64&routeCap=16', needs: 'view' },
    { method: 'GET', path: '/api/gate?zone=1119-1120', needs: 'view' },
    { method: 'GET', path: '/api/layouts', needs: 'view' },
    { method: 'POST', path: '/api/layouts', needs: 'design', body: { name: 'x', scene: {} } },
    { method: 'GET', path: `/api/layouts/${NO_LAYOUT}`, needs: 'view' },
    { method: 'POST', path: `/api/layouts/${NO_LAYOUT}/versions`, needs: 'design', body: { basedOn: 1, scene: {} } },
    { method: 'GET', path: `/api/layouts/${NO_LAYOUT}/versions/1`, needs: 'view' },
    { method: 'GET', path: `/api/layouts/${NO_LAYOUT}/compare?from=1&to=2`, needs: 'view' },
    { method: 'GET', path: `/api/layouts/${NO_LAYOUT}/studies`, needs: 'view' },
    { method: 'POST', path: `/api/layouts/${NO_LAYOUT}/versions/1/studies`, needs: 'design', body: { result: {} } },
  ];
  it.each(ROUTES)('$method $path: 401 without a session, 403 for roles that may not', async ({ method, path, needs, body }) => {
    expect(await call(method, path, { body })).toMatchObject({ status: 401, body: { error: 'not signed in' } });
    for (const role of ROLES.filter((r) => !may(r, needs))) {
      const r = await call(method, path, { cookie: cookies[role]!, body });
      expect(r.status, `${role} on ${method} ${path}`).toBe(403);
      expect(r.body.error).toMatch(new RegExp(`^${role} is a ${role}: a ${role} may not`));
    }
  });

  it('keeps an engineer’s layouts by version: refuses a broken scene by field, a stale save, and compares versions with the checker’s verdict', async () => {
    const engineer = cookies.engineer!;
    const scene = loadScene('scenes/1119-1120/proposed.json');
    const broken = { ...scene, facilities: [{ ...scene.facilities[0], footprint: { position: [0, 0] } }] };
    expect(await call('POST', '/api/layouts', { cookie: engineer, body: { name: 'Broken', scene: broken } })).toMatchObject({
      status: 400,
      body: {
        error:
          'body.scene.facilities[0].footprint.rotation: required (number); body.scene.facilities[0].footprint.size: required (tuple); body.scene.facilities[0].footprint.height: required (number)',
      },
    });
    const created = await call('POST', '/api/layouts', { cookie: engineer, body: { name: 'Proposed, two-way', scene, note: 'from the proposed layout' } });
    expect(created).toMatchObject({
      status: 201,
      body: { name: 'Proposed, two-way', zone: '1119-1120', createdBy: 'engineer', latest: { version: 1, problems: 0 } },
    });
    const id = created.body.id as string;
    const first = scene.facilities[0]!;
    const moved = {
      ...scene,
      facilities: [
        { ...first, footprint: { ...first.footprint, position: [first.footprint.position[0] + 3, first.footprint.position[1] + 4] } },
        ...scene.facilities.slice(1),
      ],
    };
    expect(await call('POST', `/api/layouts/${id}/versions`, { cookie: cookies.admin!, body: { basedOn: 1, scene: moved } })).toMatchObject({
      status: 201,
      body: { version: 2, author: 'admin' },
    });
    expect(await call('POST', `/api/layouts/${id}/versions`, { cookie: engineer, body: { basedOn: 1, scene } })).toMatchObject({
      status: 409,
      body: { error: expect.stringMatching(/^basedOn: version 2 was saved by admin at /) },
    });
    const listed = await call('GET', '/api/layouts?zone=1119-1120', { cookie: cookies.viewer! });
    expect(listed.body.layouts).toMatchObject([{ id, latest: { version: 2, author: 'admin' } }]);
    expect((await call('GET', `/api/layouts/${id}`, { cookie: cookies.viewer! })).body.versions.map((v: { version: number }) => v.version)).toEqual([
      2, 1,
    ]);
    const file = await call('GET', `/api/layouts/${id}/versions/1`, { cookie: cookies.viewer! });
    expect(file.body).toEqual(JSON.parse(JSON.stringify(scene)));
    const compared = await call('GET', `/api/layouts/${id}/compare?from=1&to=2`, { cookie: cookies.viewer! });
    expect(compared.body).toMatchObject({
      from: 1,
      to: 2,
      changes: [{ kind: 'facility', id: first.id, change: 'moved', movedM: 5 }],
      sections: [],
      before: [],
    });
    expect(await call('GET', `/api/layouts/${id}/compare?from=1&to=9`, { cookie: cookies.viewer! })).toMatchObject({ status: 404 });
    expect(await call('GET', `/api/layouts/not-a-uuid`, { cookie: cookies.viewer! })).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^params\.id: /) },
    });

    const result = {
      sceneId: scene.id,
      zoneId: '1119-1120',
      spec: { agvs: 80 },
      base: { agvs: 80, clearedPerDay: { mean: 1800 } },
      targetRange: { min: 3000, max: 3500 },
    };
    expect(await call('POST', `/api/layouts/${id}/versions/2/studies`, { cookie: engineer, body: { result } })).toMatchObject({
      status: 201,
      body: { version: 2, author: 'engineer' },
    });
    expect((await call('GET', `/api/layouts/${id}/studies`, { cookie: cookies.viewer! })).body.studies).toMatchObject([
      { version: 2, author: 'engineer', result },
    ]);
  });

  it('lets an admin add and remove users, naming a bad field or a taken name', async () => {
    const admin = cookies.admin!;
    expect(await call('POST', '/api/users', { cookie: admin, body: { name: 'duc', role: 'engineer', password: PASSWORD } })).toMatchObject({
      status: 201,
      body: { name: 'duc', role: 'engineer' },
    });
    expect(await call('POST', '/api/users', { cookie: admin, body: { name: 'duc', role: 'engineer', password: PASSWORD } })).toMatchObject({
      status: 409,
      body: { error: 'name "duc": already taken' },
    });
    expect(await call('POST', '/api/users', { cookie: admin, body: { name: 'em', role: 'engineer' } })).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^body\.password: /) },
    });
    expect((await call('GET', '/api/users', { cookie: admin })).body.users.map((u: { name: string }) => u.name)).toContain('duc');
    expect((await call('DELETE', '/api/users/duc', { cookie: admin })).status).toBe(204);
    expect(await call('DELETE', '/api/users/duc', { cookie: admin })).toMatchObject({ status: 404, body: { error: 'no user "duc"' } });
  });

  it('refuses bad sign-in bodies by field, and throttles failed sign-ins of a name even with the right password', async () => {
    expect(await call('POST', '/api/session', { body: { name: 'viewer' } })).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^body\.password: /) },
    });
    expect(await call('POST', '/api/session', { body: '{"name":' })).toMatchObject({ status: 400 });
    await new UserStore(server.database.db).add('target', 'viewer', PASSWORD);
    for (let k = 0; k < 5; k++) {
      expect(await call('POST', '/api/session', { body: { name: 'target', password: `guess ${k} of many` } })).toMatchObject({
        status: 401,
        body: { error: 'wrong name or password' },
      });
    }
    const locked = await call('POST', '/api/session', { body: { name: 'target', password: PASSWORD } });
    expect(locked.status).toBe(429);
    expect(locked.body.error).toMatch(/^too many failed sign-ins: try again in \d+ s$/);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  it('refuses a 100 MB body from its declared length, before reading it', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode!);
        req.destroy();
      });
      req.on('error', reject);
      req.write('{"name":"');
    });
    expect(status).toBe(413);
  });

  it('says plainly when it watches no live fleet', async () => {
    expect(await call('GET', '/api/live', { cookie: cookies.viewer! })).toMatchObject({ status: 200, body: { status: 'none', vehicles: [] } });
    expect(await call('POST', '/api/commands', { cookie: cookies.operator!, body: { vehicle: 'acme/AGV-1', command: { kind: 'pause' } } })).toMatchObject({
      status: 503,
      body: { error: 'this server watches no live fleet (TWIN_BROKER_URL is not set)' },
    });
    expect(await call('GET', '/api/fleet/vehicle?key=acme/AGV-1', { cookie: cookies.viewer! })).toMatchObject({
      status: 503,
      body: { error: 'this server watches no live fleet (TWIN_BROKER_URL is not set)' },
    });
  });

  it('names an unknown API route, and says the app is not built when it is not', async () => {
    expect(await call('GET', '/api/nothing')).toMatchObject({ status: 404, body: { error: 'no API route GET /api/nothing' } });
    const page = await call('GET', '/');
    expect(page.status).toBe(503);
    expect(page.body).toMatch(/not built yet/);
  });
});
