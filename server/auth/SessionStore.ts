/**
 * Signed-in sessions: a random 256-bit token in an HttpOnly cookie; the database keeps only its SHA-256, so a
 * copied database opens no session. Sessions live one shift (data/server.json `sessionHours`) and end at sign-out.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import settings from '../../data/server.json' with { type: 'json' };
import type { Tables } from '../db/schema';
import type { User } from '../users/UserStore';

const LIFETIME_MS = settings.sessionHours.value * 3600_000;

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export class SessionStore {
  constructor(private readonly db: Kysely<Tables>) {}

  /** A new session for `user`: the token for the cookie and when it expires. */
  async open(user: User, now = Date.now()): Promise<{ token: string; expiresMs: number }> {
    const token = randomBytes(32).toString('base64url');
    const expiresMs = now + LIFETIME_MS;
    await this.db
      .insertInto('sessions')
      .values({ id: digest(token), userId: user.id, createdMs: now, expiresMs })
      .execute();
    return { token, expiresMs };
  }

  /** The user of a live session, or undefined for an unknown, expired or malformed token. */
  async user(token: string | undefined, now = Date.now()): Promise<User | undefined> {
    if (!token || token.length > 64) return undefined;
    return this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.userId')
      .select(['users.id', 'users.name', 'users.role'])
      .where('sessions.id', '=', digest(token))
      .where('sessions.expiresMs', '>', now)
      .executeTakeFirst();
  }

  async close(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', digest(token)).execute();
  }

  /** Drops expired sessions; returns how many. */
  async sweep(now = Date.now()): Promise<number> {
    const r = await this.db.deleteFrom('sessions').where('expiresMs', '<=', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
