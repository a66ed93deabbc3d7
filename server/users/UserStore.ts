/**
 * The server's users: a name, one role, a scrypt hash. There is no default user and no default password; the first
 * admin is made with `npm run user -- add <name> --role admin`.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import settings from '../../data/server.json' with { type: 'json' };
import { isRole, ROLES, type Role } from '../../src/domain/roles';
import { hashPassword, verifyPassword } from '../auth/passwords';
import type { Tables } from '../db/schema';

export interface User {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

export class UserError extends Error {
  override name = 'UserError';
}

/** Letters, digits, dot, dash, underscore; 2–32 characters: safe in a log line, a CSV cell and a URL. */
const NAME = /^[A-Za-z0-9._-]{2,32}$/;

/** Run once per unknown name, so a wrong name costs as long as a wrong password (no user enumeration by timing). */
let decoy: Promise<string> | undefined;

export class UserStore {
  constructor(private readonly db: Kysely<Tables>) {}

  async add(name: string, role: string, password: string, now = Date.now()): Promise<User> {
    if (!NAME.test(name)) throw new UserError(`name "${name}": 2–32 letters, digits, ".", "-" or "_"`);
    if (!isRole(role)) throw new UserError(`role "${role}": one of ${ROLES.join(', ')}`);
    if (password.length < settings.password.minLength) throw new UserError(`password: at least ${settings.password.minLength} characters`);
    if (await this.byName(name)) throw new UserError(`name "${name}": already taken`);
    const user = { id: randomUUID(), name, role };
    await this.db
      .insertInto('users')
      .values({ ...user, passwordHash: await hashPassword(password), createdMs: now })
      .execute();
    return user;
  }

  async list(): Promise<readonly User[]> {
    return this.db.selectFrom('users').select(['id', 'name', 'role']).orderBy('name').execute();
  }

  async remove(name: string): Promise<boolean> {
    const r = await this.db.deleteFrom('users').where('name', '=', name).executeTakeFirst();
    return r.numDeletedRows > 0n;
  }

  async byId(id: string): Promise<User | undefined> {
    return this.db.selectFrom('users').select(['id', 'name', 'role']).where('id', '=', id).executeTakeFirst();
  }

  /** The user whose name and password these are, or undefined. */
  async authenticate(name: string, password: string): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
    if (!row) {
      decoy ??= hashPassword('not a password of anyone');
      await verifyPassword(password, await decoy);
      return undefined;
    }
    return (await verifyPassword(password, row.passwordHash)) ? { id: row.id, name: row.name, role: row.role } : undefined;
  }

  private async byName(name: string): Promise<boolean> {
    return (await this.db.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst()) !== undefined;
  }
}
