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
  /**
   * Live only (0 otherwise), p95 over the last 512 drawn frames: from the worker packing a frame to the start of
   * the display frame after the one that drew it (so the draw itself is inside), ms. Both ends read `Date.now()`
   * on the same machine.
   */
  packToScreenMs: 0,
  /**
   * Live only, p95 over the last 512 drawn frames: from the *previous* pack to the same end point, ms — the
   * longest a message that reached the worker could wait before it was on screen (one that arrived just after
   * a pack waits in the worker for the next one). Message age on arrival (`latencyMs`) plus this bounds
   * broker-to-screen from above.
   */
  screenLatencyMs: 0,
  /**
   * Live only: the latest single samples of the two figures above, ms. A reader polling these at a steady rate
   * gets a time-uniform sample over its own window (the 512-frame rings reach back minutes when SwiftShader
   * draws a frame a second).
   */
  packToScreenLastMs: 0,
  screenLatencyLastMs: 0,
  /** Live only: frames unpacked from the telemetry worker so far (new data; drawn frames may repeat one). */
  framesUnpacked: 0,
};
