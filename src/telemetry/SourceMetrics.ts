/**
 * The running source's figures for automation (`window.__TWIN__`: tests, benchmarks, wall monitors), in mutable
 * objects a source is handed when it starts and updates in place as frames and snapshots arrive (nothing
 * allocated per frame), like Foxglove's player metrics collector. The app makes one and hands it to every source
 * it starts; a test hands its own and reads it.
 */
import type { FleetFrame } from '../domain/fleetFrame';
import type { FanoutCounts } from './fanout/FanoutEngine';
import type { SourceKind, SourceStatus } from './TelemetrySource';

export type TelemetryMetrics = ReturnType<typeof telemetryMetrics>;

/** What any source reports (`window.__TWIN__.telemetry`). */
function telemetryMetrics() {
  return {
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
    /** Live through the control-room server only: the fan-out's frames received, refused and skipped, and its bytes. */
    fanout: undefined as FanoutCounts | undefined,
  };
}

/** The simulation's clock (simulated seconds since the start of day 1), AGVs and trucks drawn, speed, status, frames. */
export interface SimMetrics {
  clockS: number;
  agvs: number;
  trucks: number;
  speed: number;
  status: SourceStatus;
  frames: number;
}

/** A replay's playhead and range (s since the epoch), speed, alerts found, and the frame shown (copied only when read). */
export interface ReplayMetrics {
  clockS: number;
  startS: number;
  endS: number;
  speed: number;
  alerts: number;
  frame: FleetFrame | undefined;
}

export interface SourceMetrics {
  readonly telemetry: TelemetryMetrics;
  readonly sim: SimMetrics;
  readonly replay: ReplayMetrics;
}

export function createSourceMetrics(): SourceMetrics {
  return {
    telemetry: telemetryMetrics(),
    sim: { clockS: 0, agvs: 0, trucks: 0, speed: 0, status: 'connecting', frames: 0 },
    replay: { clockS: 0, startS: 0, endS: 0, speed: 1, alerts: 0, frame: undefined },
  };
}
