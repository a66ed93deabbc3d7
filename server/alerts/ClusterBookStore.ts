/**
 * What instances sharing one database tell each other of the alert book: the leader's book as it stands (one row),
 * and the acknowledgements made on instances standing by, queued until the leader has applied them.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Alert } from '../../src/telemetry/alerts/AlertBook';
import type { Tables } from '../db/schema';

const BOOK_KEY = 'book';

export interface StoredBook {
  readonly run: string;
  readonly version: number;
  readonly alerts: readonly Alert[];
}

export interface AckRequest {
  readonly id: string;
  readonly ids: readonly string[] | 'all';
  readonly by: string;
  readonly atMs: number;
}

export class ClusterBookStore {
  constructor(private readonly db: Kysely<Tables>) {}

  /** Writes the leader's book as it stands. */
  async publish(run: string, version: number, alerts: readonly Alert[], nowMs: number): Promise<void> {
    const row = { key: BOOK_KEY, run, version, body: JSON.stringify(alerts), updatedMs: nowMs };
    await this.db
      .insertInto('alertBook')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet({ run, version, body: row.body, updatedMs: nowMs }))
      .execute();
  }

  /** The run and version of the book stored, without its body (read every second by the instances standing by). */
  async stamp(): Promise<{ readonly run: string; readonly version: number } | undefined> {
    return this.db.selectFrom('alertBook').select(['run', 'version']).where('key', '=', BOOK_KEY).executeTakeFirst();
  }

  async read(): Promise<StoredBook | undefined> {
    const row = await this.db.selectFrom('alertBook').select(['run', 'version', 'body']).where('key', '=', BOOK_KEY).executeTakeFirst();
    return row && { run: row.run, version: row.version, alerts: JSON.parse(row.body) as Alert[] };
  }

  /** Queues an acknowledgement for the leader; returns its id. */
  async request(ids: readonly string[] | 'all', by: string, atMs: number): Promise<string> {
    const id = randomUUID();
    await this.db
      .insertInto('alertAckRequests')
      .values({ id, ids: JSON.stringify(ids), by, atMs, appliedMs: null, acknowledged: null })
      .execute();
    return id;
  }

  /** The queued acknowledgements not applied yet, oldest first. */
  async pending(): Promise<readonly AckRequest[]> {
    const rows = await this.db
      .selectFrom('alertAckRequests')
      .select(['id', 'ids', 'by', 'atMs'])
      .where('appliedMs', 'is', null)
      .orderBy('atMs')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, ids: JSON.parse(r.ids) as readonly string[] | 'all', by: r.by, atMs: r.atMs }));
  }

  async applied(id: string, acknowledged: number, nowMs: number): Promise<void> {
    await this.db.updateTable('alertAckRequests').set({ appliedMs: nowMs, acknowledged }).where('id', '=', id).execute();
  }

  /** How many a request acknowledged, once applied. */
  async result(id: string): Promise<number | undefined> {
    const row = await this.db.selectFrom('alertAckRequests').select(['acknowledged']).where('id', '=', id).executeTakeFirst();
    return row?.acknowledged ?? undefined;
  }
}
