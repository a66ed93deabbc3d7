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

/**
 * The latest `size` samples of a measurement and a percentile of them, allocation-free after construction, so
 * that it can be fed every frame: `push` writes into a ring, `percentile` sorts a copy in a scratch array (512
 * doubles sort in well under 0.1 ms; callers ask twice a second, not per frame).
 *
 * @example
 *   const ring = new SampleRing(512);
 *   ring.push(12.5);
 *   ring.percentile(0.95); // → 12.5
 */
export class SampleRing {
  private readonly samples: Float64Array;
  private readonly scratch: Float64Array;
  private count = 0;

  constructor(readonly size: number) {
    if (!(Number.isInteger(size) && size > 0)) throw new RangeError(`SampleRing size ${size}: expected a positive integer`);
    this.samples = new Float64Array(size);
    this.scratch = new Float64Array(size);
  }

  /** Samples held now (at most `size`). */
  get length(): number {
    return Math.min(this.count, this.size);
  }

  push(x: number): void {
    this.samples[this.count++ % this.size] = x;
  }

  /**
   * The `q` quantile (0 < q ≤ 1) of the samples held, nearest-rank (the same definition as the live feed's
   * message latency: the ⌈q·n⌉-th smallest); 0 when there are none.
   */
  percentile(q: number): number {
    const n = this.length;
    if (n === 0) return 0;
    // Unused slots hold +Infinity so one in-place sort of the whole scratch array leaves the n samples first.
    for (let i = 0; i < this.size; i++) this.scratch[i] = i < n ? this.samples[i]! : Number.POSITIVE_INFINITY;
    this.scratch.sort();
    return this.scratch[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))]!;
  }
}
