/**
 * The durable audit log: every command and order release the server sent, who sent it, to which vehicle, the
 * broker's answer and then the vehicle's (rows are updated as results settle). Searchable by time, vehicle and user;
 * exported as JSON or CSV.
 */
import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../src/telemetry/live/operatorCommands';
import type { Tables } from '../db/schema';

export interface AuditQuery {
  readonly fromMs?: number;
  readonly toMs?: number;
  readonly vehicle?: string;
  readonly who?: string;
  /** Most rows, newest first. */
  readonly limit: number;
}

export type AuditRow = Omit<AuditEntry, 'detail'> & { readonly detail?: string };

export class AuditStore {
  constructor(private readonly db: Kysely<Tables>) {}

  /** Writes the entry, or its new result and detail where it is already stored. */
  async put(e: Readonly<AuditEntry>, now = Date.now()): Promise<void> {
    const row = { id: e.id, atMs: e.atMs, who: e.who, vehicle: e.vehicle, what: e.what, result: e.result, detail: e.detail ?? null, updatedMs: now };
    await this.db
      .insertInto('audit')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ result: row.result, detail: row.detail, updatedMs: now }))
      .execute();
  }

  /** Entries written or changed at or after `sinceMs` (by the writer's clock), oldest change first. */
  async changedSince(sinceMs: number): Promise<readonly (AuditRow & { readonly updatedMs: number })[]> {
    const rows = await this.db
      .selectFrom('audit')
      .select(['id', 'atMs', 'who', 'vehicle', 'what', 'result', 'detail', 'updatedMs'])
      .where('updatedMs', '>=', sinceMs)
      .orderBy('updatedMs')
      .orderBy('id')
      .execute();
    return rows.map(({ detail, ...r }) => (detail === null ? r : { ...r, detail }));
  }

  async search(q: AuditQuery): Promise<readonly AuditRow[]> {
    let query = this.db.selectFrom('audit').select(['id', 'atMs', 'who', 'vehicle', 'what', 'result', 'detail']);
    if (q.fromMs !== undefined) query = query.where('atMs', '>=', q.fromMs);
    if (q.toMs !== undefined) query = query.where('atMs', '<', q.toMs);
    if (q.vehicle !== undefined) query = query.where('vehicle', '=', q.vehicle);
    if (q.who !== undefined) query = query.where('who', '=', q.who);
    const rows = await query.orderBy('atMs', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
    return rows.map(({ detail, ...r }) => (detail === null ? r : { ...r, detail }));
  }
}

/**
 * RFC 4180 CSV: a header line, then one line per row, every field quoted with quotes doubled; a field a spreadsheet
 * would run as a formula (starting with = + - @ or a tab) gets a leading apostrophe (OWASP, CSV injection).
 */
export function auditCsv(rows: readonly AuditRow[]): string {
  const cell = (v: string) => `"${(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"`;
  const lines = rows.map((r) => [new Date(r.atMs).toISOString(), r.who, r.vehicle, r.what, r.result, r.detail ?? '', r.id].map(cell).join(','));
  return ['time,who,vehicle,what,result,detail,id', ...lines].join('\r\n') + '\r\n';
}
