/**
 * What the control-room server says of a zone's day from the gate's own event feed (`GET /api/gate`,
 * server/http/routes/gateRoutes.ts): the feed's health (null when the server watches no broker), the last days'
 * counts, today's hours and, for the zone the server watches, where today will end.
 */
import type { DayProjection } from '../../sim/dayProjection';

export interface GateDayCount {
  readonly day: string;
  readonly startMs: number;
  readonly entered: number;
  readonly cleared: number;
}

export interface GateReport {
  readonly zone: string;
  readonly feed: { readonly connected: boolean; readonly accepted: number; readonly rejected: number } | null;
  /** Oldest first; the last is today. */
  readonly days: readonly GateDayCount[];
  /** `asOfMs`: when the server answered (the counts include the hour under way). */
  readonly today: { readonly startMs: number; readonly asOfMs: number; readonly hoursDone: number; readonly projection?: DayProjection };
}

/** Whether the report holds the gate's own counts (a watched feed that reported something in its days). */
export function hasGateCounts(r: GateReport | undefined): r is GateReport {
  return r !== undefined && r.feed !== null && r.days.some((d) => d.cleared > 0 || d.entered > 0);
}
