import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  let t = db.schema.createTable('kpi_minutes').addColumn('minute_ms', 'bigint', (c) => c.primaryKey());
  for (const column of ['agvs', 'stale', 'driving', 'loaded', 'paused', 'with_errors', 'near_misses', 'contacts', 'messages', 'containers_moved']) {
    t = t.addColumn(column, 'bigint', (c) => c.notNull());
  }
  await t.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('kpi_minutes').execute();
}
