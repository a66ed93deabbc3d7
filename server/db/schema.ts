/**
 * The tables as the code sees them (camelCase; the columns are snake_case, mapped by Kysely's CamelCasePlugin).
 * Times are epoch milliseconds in `bigint` columns on both databases; ids are random UUIDs made by the server, so
 * two instances on one PostgreSQL never need the database to number anything.
 */
import type { Role } from '../../src/domain/roles';

export interface UsersTable {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly createdMs: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a copy of the database lets no one in. */
  readonly id: string;
  readonly userId: string;
  readonly createdMs: number;
  readonly expiresMs: number;
}

export interface Tables {
  readonly users: UsersTable;
  readonly sessions: SessionsTable;
}
