import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  let t = db.schema
    .createTable('gate_minutes')
    .addColumn('zone', 'text', (c) => c.notNull())
    .addColumn('minute_ms', 'bigint', (c) => c.notNull());
  for (const column of ['entered', 'cleared', 'scans_green', 'scans_yellow', 'scans_red']) t = t.addColumn(column, 'bigint', (c) => c.notNull());
  await t.addPrimaryKeyConstraint('gate_minutes_pk', ['zone', 'minute_ms']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('gate_minutes').execute();
}
