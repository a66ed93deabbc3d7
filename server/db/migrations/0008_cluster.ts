import type { Kysely } from 'kysely';

/**
 * Two or more instances on one PostgreSQL: the leader's alert book as it stands (one row, for the instances standing
 * by to show), and acknowledgements made on those instances, queued for the leader to apply.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alert_book')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('run', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('alert_ack_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ids', 'text', (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('at_ms', 'bigint', (c) => c.notNull())
    .addColumn('applied_ms', 'bigint')
    .addColumn('acknowledged', 'integer')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alert_ack_requests').execute();
  await db.schema.dropTable('alert_book').execute();
}
