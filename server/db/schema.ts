/**
 * The tables as the code sees them (camelCase; the columns are snake_case, mapped by Kysely's CamelCasePlugin).
 * Times are epoch milliseconds in `bigint` columns on both databases; ids are random UUIDs made by the server, so
 * two instances on one PostgreSQL never need the database to number anything.
 */
import type { Role } from '../../src/domain/roles';
import type { AuditResult } from '../../src/telemetry/live/operatorCommands';

export interface UsersTable {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly createdMs: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a copy of the database lets no one in. */
  readonly id: string;
  readonly userId: string;
  readonly createdMs: number;
  readonly expiresMs: number;
}

/** One operator command or order release and its fate (telemetry/live/operatorCommands.ts `AuditEntry`). */
export interface AuditTable {
  readonly id: string;
  readonly atMs: number;
  readonly who: string;
  readonly vehicle: string;
  readonly what: string;
  readonly result: AuditResult;
  readonly detail: string | null;
  /** When the row last changed (the result settling). */
  readonly updatedMs: number;
}

/** One MCAP segment of the live feed under the data folder's `recordings/`. */
export interface RecordingsTable {
  readonly id: string;
  /** Path under `recordings/`, e.g. `2026-12-04/14-00-00-<id>.mcap`. */
  readonly file: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly messages: number;
  readonly bytes: number;
  /** `recording` while written; `complete` once closed with its summary; `cut` when the server died writing it (it replays up to the cut). */
  readonly state: 'recording' | 'complete' | 'cut';
}

/**
 * The fleet's figures for one minute (the minute's start, epoch ms): vehicles as the minute ended (reporting, silent,
 * driving, loaded, paused, with an active error), and what happened in it (near misses, contacts, messages received,
 * containers moved: loads set down).
 */
export interface KpiMinutesTable {
  readonly minuteMs: number;
  readonly agvs: number;
  readonly stale: number;
  readonly driving: number;
  readonly loaded: number;
  readonly paused: number;
  readonly withErrors: number;
  readonly nearMisses: number;
  readonly contacts: number;
  readonly messages: number;
  readonly containersMoved: number;
}

/**
 * One alert of the shared alert book (telemetry/alerts/AlertBook.ts `Alert`, whole, as JSON in `body`), with what
 * a search needs beside it: when it opened and cleared (null while active), who acknowledged it and when.
 */
export interface AlertsTable {
  readonly id: string;
  readonly kind: string;
  readonly openedMs: number;
  readonly clearedMs: number | null;
  readonly ackBy: string | null;
  readonly ackMs: number | null;
  readonly body: string;
  readonly updatedMs: number;
}

/** A layout of the library: a name unique in its zone; its versions in `layout_versions`. */
export interface LayoutsTable {
  readonly id: string;
  readonly name: string;
  readonly zone: string;
  readonly createdBy: string;
  readonly createdMs: number;
}

/** One saved version of a layout: the whole scene file (JSON text) and how many problems the checker found in it. */
export interface LayoutVersionsTable {
  readonly layoutId: string;
  readonly version: number;
  readonly author: string;
  readonly savedMs: number;
  readonly note: string | null;
  readonly problems: number;
  readonly scene: string;
}

/** A capacity study's result (sim/study/runStudy.ts `StudyResult`, JSON) on the layout version it ran on. */
export interface LayoutStudiesTable {
  readonly id: string;
  readonly layoutId: string;
  readonly version: number;
  readonly author: string;
  readonly ranMs: number;
  readonly result: string;
}

/** What the gate's own equipment reported in one minute of one zone (domain/gateEvent.ts): trucks in, trucks out (cleared), scans by channel. */
export interface GateMinutesTable {
  readonly zone: string;
  readonly minuteMs: number;
  readonly entered: number;
  readonly cleared: number;
  readonly scansGreen: number;
  readonly scansYellow: number;
  readonly scansRed: number;
}

/** The leading instance's alert book as it stands (one row, key `book`): `body` is its alerts as JSON, newest first. */
export interface AlertBookTable {
  readonly key: string;
  readonly run: string;
  readonly version: number;
  readonly body: string;
  readonly updatedMs: number;
}

/** An acknowledgement made on an instance standing by, for the leader to apply: `ids` is a JSON array or `"all"`. */
export interface AlertAckRequestsTable {
  readonly id: string;
  readonly ids: string;
  readonly by: string;
  readonly atMs: number;
  readonly appliedMs: number | null;
  readonly acknowledged: number | null;
}

export interface Tables {
  readonly users: UsersTable;
  readonly sessions: SessionsTable;
  readonly audit: AuditTable;
  readonly recordings: RecordingsTable;
  readonly kpiMinutes: KpiMinutesTable;
  readonly alerts: AlertsTable;
  readonly alertBook: AlertBookTable;
  readonly alertAckRequests: AlertAckRequestsTable;
  readonly layouts: LayoutsTable;
  readonly layoutVersions: LayoutVersionsTable;
  readonly layoutStudies: LayoutStudiesTable;
  readonly gateMinutes: GateMinutesTable;
}
