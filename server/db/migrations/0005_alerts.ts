import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('opened_ms', 'bigint', (c) => c.notNull())
    .addColumn('cleared_ms', 'bigint')
    .addColumn('ack_by', 'text')
    .addColumn('ack_ms', 'bigint')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_opened').on('alerts').column('opened_ms').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alerts').execute();
}
