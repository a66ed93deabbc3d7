/**
 * The gate's own figures, minute by minute per zone (what its barriers and scanners reported), added to as events
 * arrive: each flush adds its counts to the minute's row, so two flushes of one minute (or two servers) sum. Read
 * back by the gate's day (Asia/Ho_Chi_Minh, UTC+7 all year) and by the hour of one day.
 */
import type { Kysely } from 'kysely';
import type { GateMinutesTable, Tables } from '../db/schema';

export type GateCounts = Omit<GateMinutesTable, 'zone' | 'minuteMs'>;

export const EMPTY_COUNTS: GateCounts = { entered: 0, cleared: 0, scansGreen: 0, scansYellow: 0, scansRed: 0 };

/** The gate's clock is UTC+7 with no daylight saving: its day starts at 17:00 UTC the day before. */
const GATE_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Start (epoch ms) of the gate's day that holds `ms`. */
export function gateDayStart(ms: number): number {
  return Math.floor((ms + GATE_OFFSET_MS) / DAY_MS) * DAY_MS - GATE_OFFSET_MS;
}

export interface GateDay extends GateCounts {
  /** The day as the gate says it, `2026-12-04`. */
  readonly day: string;
  readonly startMs: number;
}

export interface GateHour extends GateCounts {
  /** Hour of the gate's day, 0–23. */
  readonly hour: number;
}

export const addCounts = (a: GateCounts, b: GateCounts): GateCounts => ({
  entered: a.entered + b.entered,
  cleared: a.cleared + b.cleared,
  scansGreen: a.scansGreen + b.scansGreen,
  scansYellow: a.scansYellow + b.scansYellow,
  scansRed: a.scansRed + b.scansRed,
});

export class GateStore {
  constructor(private readonly db: Kysely<Tables>) {}

  /** Adds `c` to the zone's minute. */
  async add(zone: string, minuteMs: number, c: GateCounts): Promise<void> {
    await this.db
      .insertInto('gateMinutes')
      .values({ zone, minuteMs, ...c })
      .onConflict((oc) =>
        oc.columns(['zone', 'minuteMs']).doUpdateSet((eb) => ({
          entered: eb('gateMinutes.entered', '+', c.entered),
          cleared: eb('gateMinutes.cleared', '+', c.cleared),
          scansGreen: eb('gateMinutes.scansGreen', '+', c.scansGreen),
          scansYellow: eb('gateMinutes.scansYellow', '+', c.scansYellow),
          scansRed: eb('gateMinutes.scansRed', '+', c.scansRed),
        })),
      )
      .execute();
  }

  /** The zone's last `count` gate days up to the one holding `nowMs`, oldest first (a day without events: zeros). */
  async days(zone: string, count: number, nowMs: number): Promise<readonly GateDay[]> {
    const today = gateDayStart(nowMs);
    const from = today - (count - 1) * DAY_MS;
    const rows = await this.minutes(zone, from, today + DAY_MS);
    return Array.from({ length: count }, (_, k) => {
      const startMs = from + k * DAY_MS;
      const sum = rows.filter((r) => r.minuteMs >= startMs && r.minuteMs < startMs + DAY_MS).reduce<GateCounts>(addCounts, EMPTY_COUNTS);
      return { day: new Date(startMs + GATE_OFFSET_MS).toISOString().slice(0, 10), startMs, ...sum };
    });
  }

  /** The hours of the gate's day starting at `dayStartMs`, 0–23. */
  async hours(zone: string, dayStartMs: number): Promise<readonly GateHour[]> {
    const rows = await this.minutes(zone, dayStartMs, dayStartMs + DAY_MS);
    return Array.from({ length: 24 }, (_, hour) => {
      const from = dayStartMs + hour * HOUR_MS;
      return { hour, ...rows.filter((r) => r.minuteMs >= from && r.minuteMs < from + HOUR_MS).reduce<GateCounts>(addCounts, EMPTY_COUNTS) };
    });
  }

  private minutes(zone: string, fromMs: number, toMs: number) {
    return this.db.selectFrom('gateMinutes').selectAll().where('zone', '=', zone).where('minuteMs', '>=', fromMs).where('minuteMs', '<', toMs).execute();
  }
}
