/**
 * The live fleet's figures minute by minute, for the KPI history the briefing wall and the reports read. Fed the
 * watch's snapshot every tick; when a minute has passed it stores that minute's row: the fleet as the minute ended,
 * and the counts of what happened in it (near misses, contacts and messages as differences of the feed's running
 * totals; containers moved as loads set down, a vehicle's `loaded` going from true to false).
 */
import type { Kysely } from 'kysely';
import type { FeedCounts } from '../../src/telemetry/FleetFeed';
import type { KpiMinutesTable, Tables } from '../db/schema';

const MINUTE_MS = 60_000;

type Totals = Pick<FeedCounts, 'nearMisses' | 'contacts' | 'received'>;

export class KpiMinutes {
  private minuteMs: number | undefined;
  /** The feed's running totals when the open minute began. */
  private base: Totals | undefined;
  private last: Pick<FeedCounts, 'vehicles' | 'nearMisses' | 'contacts' | 'received'> | undefined;
  private readonly wasLoaded = new Map<string, boolean>();
  private moved = 0;

  constructor(private readonly db: Kysely<Tables>) {}

  /** One tick's view of the fleet at `nowMs`; resolves once a finished minute is stored. */
  async observe(counts: Pick<FeedCounts, 'vehicles' | 'nearMisses' | 'contacts' | 'received'>, nowMs: number): Promise<void> {
    const minute = Math.floor(nowMs / MINUTE_MS) * MINUTE_MS;
    if (this.minuteMs !== undefined && minute !== this.minuteMs && this.last && this.base) {
      await this.store(this.minuteMs, this.last, this.base);
      this.base = this.last;
      this.moved = 0;
    }
    if (this.minuteMs === undefined || minute !== this.minuteMs) this.minuteMs = minute;
    this.base ??= counts;
    for (const v of counts.vehicles) {
      if (this.wasLoaded.get(v.key) === true && !v.loaded) this.moved++;
      this.wasLoaded.set(v.key, v.loaded);
    }
    this.last = counts;
  }

  async list(fromMs: number, toMs: number): Promise<readonly KpiMinutesTable[]> {
    return this.db.selectFrom('kpiMinutes').selectAll().where('minuteMs', '>=', fromMs).where('minuteMs', '<', toMs).orderBy('minuteMs').execute();
  }

  private async store(minuteMs: number, end: NonNullable<KpiMinutes['last']>, base: Totals): Promise<void> {
    const live = end.vehicles.filter((v) => !v.stale);
    const row: KpiMinutesTable = {
      minuteMs,
      agvs: live.length,
      stale: end.vehicles.length - live.length,
      driving: live.filter((v) => v.driving === true).length,
      loaded: live.filter((v) => v.loaded).length,
      paused: live.filter((v) => v.paused === true).length,
      withErrors: live.filter((v) => v.errors > 0).length,
      nearMisses: end.nearMisses - base.nearMisses,
      contacts: end.contacts - base.contacts,
      messages: end.received - base.received,
      containersMoved: this.moved,
    };
    const { minuteMs: _key, ...rest } = row;
    await this.db
      .insertInto('kpiMinutes')
      .values(row)
      .onConflict((oc) => oc.column('minuteMs').doUpdateSet(rest))
      .execute();
  }
}
