/**
 * Runs a test suite against both databases the server supports: the embedded SQLite in a temp folder, and a
 * throw-away PostgreSQL cluster (pgCluster.ts) started once per file. Each call of `open()` gives a fresh, migrated
 * database; everything opened is closed after the file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openDatabase, type DatabaseKind, type TwinDatabase } from '../db/openDatabase';
import { startPgCluster, type PgCluster } from './pgCluster';

export interface DatabaseUnderTest {
  readonly kind: DatabaseKind;
  open(): Promise<TwinDatabase>;
}

export function bothDatabases(): readonly DatabaseUnderTest[] {
  const opened: TwinDatabase[] = [];
  const dirs: string[] = [];
  let cluster: Promise<PgCluster> | undefined;
  let count = 0;
  afterAll(async () => {
    await Promise.all(opened.map((d) => d.close()));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    if (cluster) (await cluster).stop();
  });
  const keep = (d: TwinDatabase) => (opened.push(d), d);
  return [
    {
      kind: 'embedded',
      open: async () => {
        const dir = mkdtempSync(join(tmpdir(), 'twin-db-'));
        dirs.push(dir);
        return keep(await openDatabase({ dataDir: dir }));
      },
    },
    {
      kind: 'postgres',
      open: async () => {
        cluster ??= startPgCluster();
        const url = await (await cluster).createDatabase(`twin_${++count}`);
        return keep(await openDatabase({ databaseUrl: url, dataDir: '/nonexistent' }));
      },
    },
  ];
}
