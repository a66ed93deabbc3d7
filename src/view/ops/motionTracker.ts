/**
 * How long each AGV of the fleet frame has been standing, from its positions sampled over source time: an AGV that
 * moved slower than `movingSpeedMps` since the previous sample adds the time between them, one that drove starts
 * again from 0. This is the "delay" the colour rule shows: waiting time, not driving. Per frame slot, allocation-free.
 */
export class MotionTracker {
  /** Seconds of source time each slot has stood still. */
  readonly standingS: Float32Array;
  private readonly lastX: Float32Array;
  private readonly lastY: Float32Array;
  private known = 0;
  private lastS = Number.NaN;

  constructor(
    readonly capacity: number,
    private readonly movingSpeedMps: number,
  ) {
    this.standingS = new Float32Array(capacity);
    this.lastX = new Float32Array(capacity);
    this.lastY = new Float32Array(capacity);
  }

  /** The fleet (first `count` of `x`, `y`) at source time `clockS`. Time going back starts afresh. */
  sample(x: ArrayLike<number>, y: ArrayLike<number>, count: number, clockS: number): void {
    const n = Math.min(count, this.capacity);
    const dt = clockS - this.lastS;
    if (dt === 0) return;
    const fresh = Number.isNaN(dt) || dt < 0;
    const limit = this.movingSpeedMps * dt;
    for (let i = 0; i < n; i++) {
      const dx = x[i]! - this.lastX[i]!;
      const dy = y[i]! - this.lastY[i]!;
      this.standingS[i] = fresh || i >= this.known ? 0 : dx * dx + dy * dy < limit * limit ? this.standingS[i]! + dt : 0;
      this.lastX[i] = x[i]!;
      this.lastY[i] = y[i]!;
    }
    this.known = n;
    this.lastS = clockS;
  }
}
