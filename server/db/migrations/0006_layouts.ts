import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('layouts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('zone', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('layouts_zone_name', ['zone', 'name'])
    .execute();
  await db.schema
    .createTable('layout_versions')
    .addColumn('layout_id', 'text', (c) => c.notNull().references('layouts.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('saved_ms', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('problems', 'integer', (c) => c.notNull())
    .addColumn('scene', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('layout_versions_pk', ['layout_id', 'version'])
    .execute();
  await db.schema
    .createTable('layout_studies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('layout_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('ran_ms', 'bigint', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('layout_studies_version', ['layout_id', 'version'], 'layout_versions', ['layout_id', 'version'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('layout_studies_version').on('layout_studies').columns(['layout_id', 'version']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('layout_studies').execute();
  await db.schema.dropTable('layout_versions').execute();
  await db.schema.dropTable('layouts').execute();
}
