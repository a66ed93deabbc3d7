/**
 * Collision checks on incoming telemetry: each packed frame, every placed, non-stale AGV's footprint (the
 * scene's AGV size, at its reported pose and velocity) goes through the same {@link CollisionChecker} as the
 * simulation's. A contact or near miss is counted once per episode (a pair that stays too close over many frames
 * is one event) and shown as a ring for {@link SHOWN_MS} on the feed's clock. Allocation-free per frame.
 */
import { boxSet, type BoxSet } from '../collision/boxSet';
import { CONTACT, NEAR_MISS, type CollisionParams } from '../collision/classifyPair';
import { CollisionChecker } from '../collision/CollisionChecker';
import { MAX_ALERTS, type AlertBuffers } from '../domain/packedFrame';
import type { FleetTable } from './live/FleetTable';

export interface FeedCollisionOptions extends CollisionParams {
  /** The scene's AGV footprint (m). */
  readonly lengthM: number;
  readonly widthM: number;
}

/** How long a ring stays on screen after an event (feed clock): long enough for an operator to look. */
const SHOWN_MS = 30_000;
/** Events kept with the vehicles involved, for the alerts list (which takes them at 2 Hz: far more than enough). */
export const RECENT_EVENTS = 64;

/** A contact or near miss for the alerts list: when (source clock, s), where (zone frame), between which vehicles. */
export interface CollisionEvent {
  readonly kind: 'contact' | 'near-miss';
  readonly atS: number;
  readonly x: number;
  readonly y: number;
  /** The two vehicles' keys (`manufacturer/serial`), from the wire: show as text. */
  readonly a: string;
  readonly b: string;
}

export class FeedCollisions {
  nearMisses = 0;
  contacts = 0;
  private readonly boxes: BoxSet;
  private readonly checker: CollisionChecker;
  /** Table slot of each box this frame. */
  private readonly slotOf: Int32Array;
  private active = new Set<number>();
  private seen = new Set<number>();
  /** Ring of recent events: x, y, kind, time (ms). */
  private readonly ex = new Float32Array(MAX_ALERTS);
  private readonly ey = new Float32Array(MAX_ALERTS);
  private readonly ekind = new Uint8Array(MAX_ALERTS);
  private readonly eatMs = new Float64Array(MAX_ALERTS);
  private events = 0;
  /** The latest events with their vehicles, newest last (an allocation per event, not per frame). */
  private readonly recent: CollisionEvent[] = [];

  constructor(
    private readonly capacity: number,
    private readonly o: FeedCollisionOptions,
  ) {
    this.boxes = boxSet(capacity);
    this.checker = new CollisionChecker(capacity, o);
    this.slotOf = new Int32Array(capacity);
  }

  /** The latest events, oldest first (a copy). */
  recentEvents(): CollisionEvent[] {
    return this.recent.slice();
  }

  /** Checks the table's fleet at `nowMs` and writes the rings still shown into `alerts`. */
  check(table: FleetTable, nowMs: number, alerts: AlertBuffers): void {
    const b = this.boxes;
    let n = 0;
    for (let i = 0; i < table.count && n < this.capacity; i++) {
      if (!table.placed[i] || table.stale[i]) continue;
      b.x[n] = table.x[i]!;
      b.y[n] = table.y[i]!;
      b.heading[n] = table.heading[i]!;
      b.halfLength[n] = this.o.lengthM / 2;
      b.halfWidth[n] = this.o.widthM / 2;
      b.vx[n] = table.vx[i]!;
      b.vy[n] = table.vy[i]!;
      this.slotOf[n] = i;
      n++;
    }
    b.count = n;
    const now = this.seen;
    now.clear();
    if (n > 1) {
      const ev = this.checker.check(b);
      for (let k = 0; k < ev.count; k++) {
        const kind = ev.kind[k]!;
        if (kind !== CONTACT && kind !== NEAR_MISS) continue;
        const a = this.slotOf[ev.a[k]!]!;
        const c = this.slotOf[ev.b[k]!]!;
        const key = Math.min(a, c) * this.capacity + Math.max(a, c);
        now.add(key);
        if (this.active.has(key)) continue;
        if (kind === CONTACT) this.contacts++;
        else this.nearMisses++;
        const slot = this.events++ % MAX_ALERTS;
        this.ex[slot] = (table.x[a]! + table.x[c]!) / 2;
        this.ey[slot] = (table.y[a]! + table.y[c]!) / 2;
        this.ekind[slot] = kind === CONTACT ? 1 : 2;
        this.eatMs[slot] = nowMs;
        if (this.recent.length === RECENT_EVENTS) this.recent.shift();
        this.recent.push({
          kind: kind === CONTACT ? 'contact' : 'near-miss',
          atS: nowMs / 1000,
          x: this.ex[slot]!,
          y: this.ey[slot]!,
          a: table.keys[a]!,
          b: table.keys[c]!,
        });
      }
    }
    this.seen = this.active;
    this.active = now;
    alerts.count = 0;
    for (let k = 0; k < Math.min(this.events, MAX_ALERTS); k++) {
      const age = nowMs - this.eatMs[k]!;
      if (age < 0 || age > SHOWN_MS) continue;
      const j = alerts.count++;
      alerts.x[j] = this.ex[k]!;
      alerts.y[j] = this.ey[k]!;
      alerts.kind[j] = this.ekind[k]!;
      alerts.ageS[j] = age / 1000;
    }
  }
}
