/**
 * Every migration, in order. Kept as a static list (not read from a folder at run time) so that the same code runs
 * from the repository under tsx and from any bundle; each file's name is its version, applied once, never edited
 * after it has shipped.
 */
import type { Migration } from 'kysely';
import * as usersSessions from './0001_users_sessions';
import * as audit from './0002_audit';
import * as recordings from './0003_recordings';
import * as kpiMinutes from './0004_kpi_minutes';
import * as alerts from './0005_alerts';
import * as layouts from './0006_layouts';
import * as gateMinutes from './0007_gate_minutes';
import * as cluster from './0008_cluster';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_users_sessions': usersSessions,
  '0002_audit': audit,
  '0003_recordings': recordings,
  '0004_kpi_minutes': kpiMinutes,
  '0005_alerts': alerts,
  '0006_layouts': layouts,
  '0007_gate_minutes': gateMinutes,
  '0008_cluster': cluster,
};
