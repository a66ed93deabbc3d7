/**
 * What `window.__TWIN__.telemetry` reports about the running source, in one mutable object the sources update
 * as frames and snapshots arrive (nothing allocated per frame).
 */
import type { SourceKind, SourceStatus } from './TelemetrySource';

export const telemetryStats = {
  source: 'sim' as SourceKind,
  status: 'connecting' as SourceStatus,
  /** AGVs currently known to the source. */
  agvs: 0,
  /** Messages (live) or frames (simulation) received. */
  received: 0,
  dropped: {} as Record<string, number>,
  /** 95th percentile of message age on arrival (live), ms; 0 for the simulation. */
  latencyMs: 0,
};
