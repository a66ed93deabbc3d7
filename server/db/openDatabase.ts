/**
 * The server's one database: embedded SQLite in the data folder by default, PostgreSQL when a `postgres://` URL is
 * given. Both sit behind one Kysely query layer, so the stores are written once; migrations run at open.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { MIGRATIONS } from './migrations';
import type { Tables } from './schema';

export type DatabaseKind = 'embedded' | 'postgres';

export interface TwinDatabase {
  readonly db: Kysely<Tables>;
  readonly kind: DatabaseKind;
  /** Where it lives, without a password: the file, or host/database. */
  readonly where: string;
  close(): Promise<void>;
}

export class DatabaseError extends Error {
  override name = 'DatabaseError';
}

const INT8_OID = 20;

/** `bigint` comes back from PostgreSQL as a string by default; our bigints are epoch milliseconds, safe as numbers. */
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export async function openDatabase(o: { readonly databaseUrl?: string; readonly dataDir: string }): Promise<TwinDatabase> {
  const twin = o.databaseUrl === undefined ? openEmbedded(o.dataDir) : openPostgres(o.databaseUrl);
  try {
    await migrate(twin.db);
  } catch (e) {
    await twin.close();
    throw new DatabaseError(`${twin.kind} database at ${twin.where}: ${(e as Error).message}`, { cause: e });
  }
  return twin;
}

function openEmbedded(dataDir: string): TwinDatabase {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'twin.sqlite');
  const sqlite = new SQLite(file);
  // WAL: readers do not wait for the recorder's and the alert book's writes; foreign keys are off in SQLite unless asked.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  return { db, kind: 'embedded', where: file, close: () => db.destroy() };
}

function openPostgres(url: string): TwinDatabase {
  const parsed = new URL(url);
  const where = `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  const pool = new pg.Pool({ connectionString: url, types: pgTypes, max: 10 });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  return { db, kind: 'postgres', where, close: () => db.destroy() };
}

async function migrate(db: Kysely<Tables>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '(before any ran)'} failed: ${(error as Error).message ?? String(error)}`);
  }
}
