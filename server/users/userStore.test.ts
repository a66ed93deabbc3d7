import { describe, expect, it } from 'vitest';
import { SessionStore } from '../auth/SessionStore';
import { bothDatabases } from '../testing/bothDatabases';
import { UserError, UserStore } from './UserStore';

const PASSWORD = 'correct horse battery';

describe.each(bothDatabases())('users and sessions on the $kind database', ({ open }) => {
  it('adds users with a hashed password, lists them, authenticates only the right password, removes them', async () => {
    const { db } = await open();
    const users = new UserStore(db);
    const ana = await users.add('ana', 'operator', PASSWORD);
    await users.add('binh', 'viewer', `${PASSWORD}!`);
    expect(await users.list()).toEqual([
      { id: ana.id, name: 'ana', role: 'operator' },
      { id: expect.any(String), name: 'binh', role: 'viewer' },
    ]);
    const stored = await db.selectFrom('users').select('passwordHash').where('name', '=', 'ana').executeTakeFirstOrThrow();
    expect(stored.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);
    expect(await users.authenticate('ana', PASSWORD)).toEqual(ana);
    expect(await users.authenticate('ana', `${PASSWORD}!`)).toBeUndefined();
    expect(await users.authenticate('nobody', PASSWORD)).toBeUndefined();
    expect(await users.remove('binh')).toBe(true);
    expect(await users.remove('binh')).toBe(false);
    expect((await users.list()).map((u) => u.name)).toEqual(['ana']);
  });

  it('refuses a taken name, an unknown role, a short password and an unsafe name, saying which', async () => {
    const users = new UserStore((await open()).db);
    await users.add('ana', 'admin', PASSWORD);
    await expect(users.add('ana', 'viewer', PASSWORD)).rejects.toThrow(new UserError('name "ana": already taken'));
    await expect(users.add('chi', 'root', PASSWORD)).rejects.toThrow(/role "root": one of viewer, operator, engineer, admin/);
    await expect(users.add('chi', 'viewer', 'short')).rejects.toThrow(/password: at least 12 characters/);
    await expect(users.add('<script>', 'viewer', PASSWORD)).rejects.toThrow(/name "<script>"/);
  });

  it('opens a session whose token finds its user until it expires or is closed; the database keeps only its digest', async () => {
    const { db } = await open();
    const users = new UserStore(db);
    const sessions = new SessionStore(db);
    const ana = await users.add('ana', 'engineer', PASSWORD);
    const t0 = 1_800_000_000_000;
    const { token, expiresMs } = await sessions.open(ana, t0);
    expect(expiresMs).toBe(t0 + 12 * 3600_000);
    expect(await sessions.user(token, t0 + 1000)).toEqual(ana);
    expect(await sessions.user(`${token}x`, t0 + 1000)).toBeUndefined();
    expect(await sessions.user(token, expiresMs)).toBeUndefined();
    const rows = await db.selectFrom('sessions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(token);
    expect(rows[0]!.expiresMs).toBe(expiresMs);
    expect(await sessions.sweep(expiresMs)).toBe(1);
    const second = await sessions.open(ana, t0);
    await sessions.close(second.token);
    expect(await sessions.user(second.token, t0)).toBeUndefined();
  });

  it("ends a removed user's sessions with the user", async () => {
    const { db } = await open();
    const users = new UserStore(db);
    const sessions = new SessionStore(db);
    const { token } = await sessions.open(await users.add('ana', 'viewer', PASSWORD));
    await users.remove('ana');
    expect(await sessions.user(token)).toBeUndefined();
    expect(await db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });
});
