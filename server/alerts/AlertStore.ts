/**
 * The shared alert book's durable side: every alert the server's book opened, as it changed (cleared,
 * acknowledged), searchable by when it opened. The live book is in memory ({@link SharedAlerts}); this is its
 * history, and what survives a restart.
 */
import type { Kysely } from 'kysely';
import type { Alert } from '../../src/telemetry/alerts/AlertBook';
import type { Tables } from '../db/schema';

export interface AlertQuery {
  readonly fromMs?: number;
  readonly toMs?: number;
  /** Most rows, newest first. */
  readonly limit: number;
}

const ms = (s: number) => Math.round(s * 1000);

export class AlertStore {
  constructor(private readonly db: Kysely<Tables>) {}

  /** Writes the alert, or its new state where it is already stored. Alert times are epoch seconds. */
  async put(a: Alert, now = Date.now()): Promise<void> {
    const row = {
      id: a.id,
      kind: a.kind,
      openedMs: ms(a.openedS),
      clearedMs: a.clearedS === undefined ? null : ms(a.clearedS),
      ackBy: a.ack?.by ?? null,
      ackMs: a.ack ? ms(a.ack.atS) : null,
      body: JSON.stringify(a),
      updatedMs: now,
    };
    await this.db
      .insertInto('alerts')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ clearedMs: row.clearedMs, ackBy: row.ackBy, ackMs: row.ackMs, body: row.body, updatedMs: now }))
      .execute();
  }

  async search(q: AlertQuery): Promise<readonly Alert[]> {
    let query = this.db.selectFrom('alerts').select(['body']);
    if (q.fromMs !== undefined) query = query.where('openedMs', '>=', q.fromMs);
    if (q.toMs !== undefined) query = query.where('openedMs', '<', q.toMs);
    const rows = await query.orderBy('openedMs', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
    return rows.map((r) => JSON.parse(r.body) as Alert);
  }

  /**
   * Closes what an earlier run of the server, or another instance that led, left open (it died, or was stopped,
   * with the condition still on): the new book opens it again if the condition still holds. Returns what it closed.
   */
  async closeLeftOpen(now = Date.now()): Promise<readonly Alert[]> {
    const open = await this.db.selectFrom('alerts').select(['id', 'body']).where('clearedMs', 'is', null).execute();
    const closed: Alert[] = [];
    for (const r of open) {
      const a = { ...(JSON.parse(r.body) as Alert), active: false, clearedS: now / 1000 };
      await this.put(a, now);
      closed.push(a);
    }
    return closed;
  }
}
