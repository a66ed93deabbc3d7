/**
 * The operations room's alert book: fed each snapshot of a source (the fleet rows, the recent contacts and near
 * misses, the checkpoints' status, the source clock), it opens an alert when something needs an operator and
 * clears it when the condition is over; acknowledgements stay with the alert. One alert per episode: a vehicle
 * that stays stale is one alert however many snapshots say so; stale again after recovering is a new one.
 *
 * Kinds: a near miss or contact (an event: active for a while after it happened), an AGV waiting too long (standing
 * longer than a threshold with an order, or away from a park or charge place), a deadlock (two or more AGVs waiting
 * too long near one another: one alert per cluster while it lasts), stale telemetry, low battery (with a margin
 * before it clears), VDA 5050 errors by level, a barrier or scanner out of service, and what traffic prediction
foresees: a conflict between two AGVs, a deadlock, a blocked route (each with the time it is due, kept open while
rounds keep predicting it and for a short grace after, so that one round's miss does not close and reopen it).
 *
 * Times are the source's clock in seconds (simulated seconds since day 1, or epoch seconds for live and replay);
 * the UI turns them into gate time. Pure: no React, no timers; a replay sought backwards starts the book over.
 */
import type { CollisionEvent } from '../FeedCollisions';
import type { VehicleRow } from '../vehicleRow';
import type { AlertThresholds } from './alertThresholds';

export const ALERT_KINDS = [
  'contact',
  'near-miss',
  'deadlock',
  'waiting',
  'connection',
  'stale',
  'low-battery',
  'vda-fatal',
  'vda-warning',
  'facility-down',
  'predicted-conflict',
  'predicted-deadlock',
  'blocked-route',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertLevel = 'critical' | 'warning';

const LEVEL: Readonly<Record<AlertKind, AlertLevel>> = {
  contact: 'critical',
  'near-miss': 'warning',
  deadlock: 'critical',
  waiting: 'warning',
  connection: 'critical',
  stale: 'warning',
  'low-battery': 'warning',
  'vda-fatal': 'critical',
  'vda-warning': 'warning',
  'facility-down': 'critical',
  'predicted-conflict': 'critical',
  'predicted-deadlock': 'critical',
  'blocked-route': 'warning',
};

export interface Acknowledgement {
  readonly by: string;
  /** Source clock (s) when acknowledged. */
  readonly atS: number;
}

export interface Alert {
  /** Unique for the book's life (`A1`, `A2` …). */
  readonly id: string;
  readonly kind: AlertKind;
  readonly level: AlertLevel;
  /** Source clock (s) when it happened or the condition began to count. */
  readonly openedS: number;
  readonly active: boolean;
  readonly clearedS?: number;
  /** Zone frame (east, north, m); absent when nobody knows where (a vehicle never placed). */
  readonly x?: number;
  readonly y?: number;
  /** Vehicle keys (`manufacturer/serial`) concerned, from the wire: show as text. */
  readonly vehicles: readonly string[];
  readonly facilityId?: string;
  /** What the source said (an error's type and text, a battery level): from the wire, show as text. */
  readonly detail?: string;
  /**
   * Predicted alerts: the source clock (s) when the conflict, deadlock or block is predicted to happen (the UI
   * counts down to it), and what kind of meeting or block it is (`merge`, `head-on`, `unknown-node` …).
   */
  readonly dueS?: number;
  readonly cause?: string;
  /** Blocked routes: the lane node where the route is blocked (a scene id, or the id the vehicle reported). */
  readonly nodeId?: string;
  readonly ack?: Acknowledgement;
}

/** A checkpoint's status with where it is (zone frame). */
export interface FacilityStatus {
  readonly id: string;
  readonly down: boolean;
  readonly x: number;
  readonly y: number;
}

/** One snapshot of a source. */
export interface AlertInput {
  readonly clockS: number;
  readonly rows: readonly VehicleRow[];
  /** Recent contacts and near misses, oldest first; the book takes each once. */
  readonly collisions?: readonly CollisionEvent[];
  readonly facilities?: readonly FacilityStatus[];
  /**
   * The source has lost its feed (a live broker gone): one `connection` alert stands for it, with the vehicles gone
   * silent under it, instead of one stale alert per vehicle.
   */
  readonly connectionLost?: boolean;
  /** The latest traffic prediction; its alerts open and clear with it (absent: prediction not running, none open). */
  readonly predictions?: PredictionInput;
}

/** What traffic prediction foresees, keyed by vehicle; times in seconds after `clockS` (the source clock predicted from). */
export interface PredictionInput {
  readonly clockS: number;
  readonly conflicts: readonly {
    readonly a: string;
    readonly b: string;
    readonly kind: string;
    readonly inS: number;
    readonly x: number;
    readonly y: number;
  }[];
  readonly deadlocks: readonly { readonly agvs: readonly string[]; readonly inS: number; readonly x: number; readonly y: number }[];
  readonly blocked: readonly {
    readonly agv: string;
    readonly reason: string;
    readonly nodeId?: string;
    readonly by?: string;
    readonly inS: number;
    readonly x: number;
    readonly y: number;
  }[];
}

/** A predicted time moving by less than this (s) between rounds is the same prediction: the alert is not touched. */
const DUE_JITTER_S = 0.5;
/**
 * A predicted alert stays open this long (source s) after the last round that predicted it: a round may miss a
 * pair whose predicted footprints only graze (one sample more or less), and an operator should not see such an
 * alert close and reopen as a new one.
 */
const PREDICTION_GRACE_S = 2;
const PREDICTED_KINDS: ReadonlySet<AlertKind> = new Set(['predicted-conflict', 'predicted-deadlock', 'blocked-route']);

/** Where AGVs rest (park and charge lane nodes), zone frame. */
export interface RestPlace {
  readonly x: number;
  readonly y: number;
}

const movedDue = (was: number | undefined, now: number | undefined) =>
  was === undefined || now === undefined ? was !== now : Math.abs(was - now) >= DUE_JITTER_S;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** An open condition wanted by this snapshot: what its alert would say. */
interface Wanted {
  readonly kind: AlertKind;
  readonly vehicles: readonly string[];
  readonly x?: number;
  readonly y?: number;
  readonly facilityId?: string;
  readonly detail?: string;
  readonly dueS?: number;
  readonly cause?: string;
  readonly nodeId?: string;
}

export class AlertBook {
  /** Bumped on every change, so a panel re-renders only when something changed. */
  version = 0;
  private records: Mutable<Alert>[] = [];
  /** Open condition alerts (not events, not deadlocks) by condition key. */
  private open = new Map<string, Mutable<Alert>>();
  private deadlocks: Mutable<Alert>[] = [];
  /** Source clock since which each vehicle has stood (not driving, not stale). */
  private standingSince = new Map<string, number>();
  /** Source clock of the last snapshot that still predicted each open predicted alert. */
  private predictedAt = new Map<string, number>();
  private lastClockS = -Infinity;
  /** Collision events taken: the latest event time seen and the events at exactly that time. */
  private eventsUpToS = -Infinity;
  private eventsAtLast = new Set<string>();
  private seq = 0;
  private cache: readonly Alert[] | undefined;

  constructor(
    private readonly limits: AlertThresholds,
    private readonly restPlaces: readonly RestPlace[] = [],
  ) {}

  /** Takes one snapshot: opens what began, clears what ended. */
  update(input: AlertInput): void {
    const now = input.clockS;
    if (now < this.lastClockS) this.reset();
    this.lastClockS = now;
    for (const e of input.collisions ?? []) this.takeEvent(e);
    for (const r of this.records) {
      if (r.active && (r.kind === 'contact' || r.kind === 'near-miss') && now - r.openedS > this.limits.collisionActiveS) this.clear(r, now);
    }
    const wanted = new Map<string, Wanted>();
    const waiting: VehicleRow[] = [];
    for (const row of input.rows) this.checkVehicle(row, now, wanted, waiting);
    if (input.connectionLost) this.groupStale(input.rows, wanted);
    for (const f of input.facilities ?? []) {
      if (f.down) wanted.set(`facility-down:${f.id}`, { kind: 'facility-down', vehicles: [], x: f.x, y: f.y, facilityId: f.id });
    }
    if (input.predictions) this.wantPredictions(input.predictions, wanted);
    for (const [key, w] of wanted) {
      const r = this.open.get(key);
      if (!r) this.open.set(key, this.add({ ...w, openedS: now }));
      else if (r.detail !== w.detail || r.x !== w.x || r.y !== w.y || r.cause !== w.cause || movedDue(r.dueS, w.dueS)) this.change(r, w);
    }
    for (const [key, r] of this.open) {
      if (wanted.has(key)) {
        if (PREDICTED_KINDS.has(r.kind)) this.predictedAt.set(key, now);
        continue;
      }
      if (PREDICTED_KINDS.has(r.kind) && input.predictions && now - (this.predictedAt.get(key) ?? r.openedS) <= PREDICTION_GRACE_S) continue;
      this.clear(r, now);
      this.open.delete(key);
      this.predictedAt.delete(key);
    }
    this.checkDeadlocks(waiting, now);
    this.trim();
  }

  /**
   * The source jumped to `clockS` (a replay's scrub, step or jump); the next snapshot is the state there. Back in
   * time, what began or ended after `clockS` is forgotten (a condition still holding then opens again from that
   * snapshot); forward, the book goes on as if it had played there, so what cleared on the way is listed as cleared.
   */
  seek(clockS: number): void {
    if (clockS < this.lastClockS) {
      const held = (r: Alert) => r.openedS <= clockS && (r.active || r.clearedS! <= clockS);
      this.records = this.records.filter(held);
      for (const [key, r] of this.open) if (!held(r)) this.open.delete(key);
      for (const key of this.predictedAt.keys()) if (!this.open.has(key)) this.predictedAt.delete(key);
      this.deadlocks = this.deadlocks.filter(held);
      for (const [key, since] of this.standingSince) if (since > clockS) this.standingSince.delete(key);
      if (this.eventsUpToS > clockS) {
        this.eventsUpToS = clockS;
        this.eventsAtLast.clear();
      }
    }
    this.lastClockS = clockS;
    this.touch();
  }

  /** The source clock of the latest snapshot taken (s); -Infinity before the first. */
  get clockS(): number {
    return this.lastClockS;
  }

  /** Marks one alert acknowledged by `by` at source time `atS`; an alert already acknowledged keeps its first. */
  acknowledge(id: string, by: string, atS: number): void {
    const r = this.records.find((x) => x.id === id);
    if (!r || r.ack) return;
    r.ack = { by, atS };
    this.touch();
  }

  acknowledgeAll(by: string, atS: number): void {
    let changed = false;
    for (const r of this.records) {
      if (r.ack) continue;
      r.ack = { by, atS };
      changed = true;
    }
    if (changed) this.touch();
  }

  /** Every alert kept, newest first (the same array until something changes). */
  list(): readonly Alert[] {
    this.cache ??= Object.freeze(this.records.map((r) => Object.freeze({ ...r })).reverse());
    return this.cache;
  }

  unacknowledged(): number {
    let n = 0;
    for (const r of this.records) if (!r.ack) n++;
    return n;
  }

  /**
   * One condition per predicted conflict (by its pair), deadlock (by its AGVs) and blocked route (by AGV and
   * reason): it opens when first predicted, follows the prediction (place, time, kind) and clears itself when a
   * round no longer predicts it.
   */
  private wantPredictions(p: PredictionInput, wanted: Map<string, Wanted>): void {
    for (const c of p.conflicts) {
      const pair = [c.a, c.b].sort();
      wanted.set(`predicted-conflict:${pair.join('|')}`, {
        kind: 'predicted-conflict',
        vehicles: pair,
        x: c.x,
        y: c.y,
        dueS: p.clockS + c.inS,
        cause: c.kind,
      });
    }
    for (const d of p.deadlocks) {
      const agvs = [...d.agvs].sort();
      wanted.set(`predicted-deadlock:${agvs.join('|')}`, { kind: 'predicted-deadlock', vehicles: agvs, x: d.x, y: d.y, dueS: p.clockS + d.inS });
    }
    for (const b of p.blocked) {
      const vehicles = b.by ? [b.agv, b.by] : [b.agv];
      wanted.set(`blocked-route:${b.agv}|${b.reason}`, {
        kind: 'blocked-route',
        vehicles,
        x: b.x,
        y: b.y,
        cause: b.reason,
        ...(Number.isFinite(b.inS) ? { dueS: p.clockS + b.inS } : {}),
        ...(b.nodeId ? { nodeId: b.nodeId } : {}),
      });
    }
  }

  /** Folds the stale alerts wanted into one connection alert listing the silent vehicles. */
  private groupStale(rows: readonly VehicleRow[], wanted: Map<string, Wanted>): void {
    const silent: string[] = [];
    for (const r of rows) {
      if (!wanted.delete(`stale:${r.key}`)) continue;
      silent.push(r.key);
    }
    // The count is the detail, so the alert is updated as vehicles fall silent one by one.
    wanted.set('connection', { kind: 'connection', vehicles: silent, detail: String(silent.length) });
  }

  private checkVehicle(row: VehicleRow, now: number, wanted: Map<string, Wanted>, waiting: VehicleRow[]): void {
    const key = row.key;
    const at = row.placed ? { x: row.x, y: row.y } : {};
    const vehicles = [key];
    if (row.stale) wanted.set(`stale:${key}`, { kind: 'stale', vehicles, ...at });
    if (row.fatals > 0) wanted.set(`vda-fatal:${key}`, { kind: 'vda-fatal', vehicles, ...at, ...(row.topError ? { detail: row.topError } : {}) });
    if (row.warnings > 0)
      wanted.set(`vda-warning:${key}`, { kind: 'vda-warning', vehicles, ...at, ...(row.fatals === 0 && row.topError ? { detail: row.topError } : {}) });
    const battery = row.batteryPercent;
    if (battery !== undefined) {
      const low = this.limits.lowBatteryPercent;
      const bar = this.open.has(`low-battery:${key}`) ? low + this.limits.batteryClearMarginPercent : low;
      if (battery < bar) wanted.set(`low-battery:${key}`, { kind: 'low-battery', vehicles, ...at, detail: `${Math.round(battery)} %` });
    }
    if (row.stale || row.operatingState === 'driving') {
      this.standingSince.delete(key);
      return;
    }
    const since = this.standingSince.get(key);
    if (since === undefined) {
      this.standingSince.set(key, now);
      return;
    }
    if (now - since <= this.limits.waitingTooLongS) return;
    const stuck = row.hasOrder || (row.placed && !row.charging && !this.atRest(row.x, row.y));
    if (!stuck) return;
    wanted.set(`waiting:${key}`, { kind: 'waiting', vehicles, ...at });
    if (row.placed) waiting.push(row);
  }

  private atRest(x: number, y: number): boolean {
    const r2 = this.limits.restRadiusM ** 2;
    return this.restPlaces.some((p) => (p.x - x) ** 2 + (p.y - y) ** 2 <= r2);
  }

  /** Groups AGVs waiting too long within the deadlock radius of one another; each group of two or more is one alert. */
  private checkDeadlocks(waiting: readonly VehicleRow[], now: number): void {
    const groups: VehicleRow[][] = [];
    const taken = new Set<number>();
    const r2 = this.limits.deadlockRadiusM ** 2;
    for (let i = 0; i < waiting.length; i++) {
      if (taken.has(i)) continue;
      taken.add(i);
      const group = [waiting[i]!];
      for (let k = 0; k < group.length; k++) {
        for (let j = 0; j < waiting.length; j++) {
          if (taken.has(j) || (group[k]!.x - waiting[j]!.x) ** 2 + (group[k]!.y - waiting[j]!.y) ** 2 > r2) continue;
          taken.add(j);
          group.push(waiting[j]!);
        }
      }
      if (group.length >= 2) groups.push(group);
    }
    const still: Mutable<Alert>[] = [];
    for (const group of groups) {
      const keys = group.map((r) => r.key).sort();
      const w: Wanted = {
        kind: 'deadlock',
        vehicles: keys,
        x: group.reduce((s, r) => s + r.x, 0) / group.length,
        y: group.reduce((s, r) => s + r.y, 0) / group.length,
      };
      const same = this.deadlocks.find((d) => !still.includes(d) && d.vehicles.some((v) => keys.includes(v)));
      if (!same) still.push(this.add({ ...w, openedS: now }));
      else {
        if (same.vehicles.join() !== keys.join() || same.x !== w.x || same.y !== w.y) this.change(same, w);
        still.push(same);
      }
    }
    for (const d of this.deadlocks) if (!still.includes(d)) this.clear(d, now);
    this.deadlocks = still;
  }

  private takeEvent(e: CollisionEvent): void {
    if (e.atS < this.eventsUpToS) return;
    const id = `${e.kind}|${e.a}|${e.b}`;
    if (e.atS > this.eventsUpToS) {
      this.eventsUpToS = e.atS;
      this.eventsAtLast.clear();
    } else if (this.eventsAtLast.has(id)) return;
    this.eventsAtLast.add(id);
    this.add({ kind: e.kind, openedS: e.atS, x: e.x, y: e.y, vehicles: [e.a, e.b] });
  }

  private add(w: Wanted & { readonly openedS: number }): Mutable<Alert> {
    const r: Mutable<Alert> = { id: `A${++this.seq}`, level: LEVEL[w.kind], active: true, ...w };
    this.records.push(r);
    this.touch();
    return r;
  }

  private change(r: Mutable<Alert>, w: Wanted): void {
    r.vehicles = w.vehicles;
    if (w.x !== undefined && w.y !== undefined) {
      r.x = w.x;
      r.y = w.y;
    }
    if (w.detail === undefined) delete r.detail;
    else r.detail = w.detail;
    if (w.dueS === undefined) delete r.dueS;
    else r.dueS = w.dueS;
    if (w.cause === undefined) delete r.cause;
    else r.cause = w.cause;
    if (w.nodeId === undefined) delete r.nodeId;
    else r.nodeId = w.nodeId;
    this.touch();
  }

  private clear(r: Mutable<Alert>, now: number): void {
    r.active = false;
    r.clearedS = now;
    this.touch();
  }

  /** Keeps at most `maxKept` alerts: the oldest cleared ones go first. */
  private trim(): void {
    while (this.records.length > this.limits.maxKept) {
      const k = this.records.findIndex((r) => !r.active);
      this.records.splice(k >= 0 ? k : 0, 1);
      this.touch();
    }
  }

  private reset(): void {
    this.records = [];
    this.open.clear();
    this.deadlocks = [];
    this.standingSince.clear();
    this.predictedAt.clear();
    this.eventsUpToS = -Infinity;
    this.eventsAtLast.clear();
    this.touch();
  }

  private touch(): void {
    this.version++;
    this.cache = undefined;
  }
}
