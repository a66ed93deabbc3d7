/**
 * The clock of whatever moves by itself (a telemetry source, the benchmark's placeholder fleet): once per display
 * frame (requestAnimationFrame) it hands the wall time since the last frame to `step`. The view never drives a
 * source; it only reads the latest frame.
 */

/** Longest step handed on (s): after a stall (a hidden tab, a breakpoint) a source catches up in one frame's worth, not minutes. */
const MAX_STEP_S = 0.1;

export interface Steppable {
  step(dtS: number): void;
}

/** Display frames: the browser's, or a test's hand-cranked ones. */
export interface FrameScheduler {
  request(callback: (nowMs: number) => void): number;
  cancel(id: number): void;
}

export const BROWSER_FRAMES: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (id) => cancelAnimationFrame(id),
};

export class FrameClock {
  private id: number | undefined;
  private lastMs: number | undefined;

  constructor(
    private readonly target: Steppable,
    private readonly frames: FrameScheduler = BROWSER_FRAMES,
    private readonly maxStepS: number = MAX_STEP_S,
  ) {}

  /** Starts handing on time; the first frame after a start (or a stop and start) hands on none. */
  start(): void {
    if (this.id !== undefined) return;
    this.lastMs = undefined;
    this.id = this.frames.request(this.tick);
  }

  stop(): void {
    if (this.id !== undefined) this.frames.cancel(this.id);
    this.id = undefined;
  }

  private readonly tick = (nowMs: number): void => {
    this.id = this.frames.request(this.tick);
    const dtS = this.lastMs === undefined ? 0 : Math.min((nowMs - this.lastMs) / 1000, this.maxStepS);
    this.lastMs = nowMs;
    this.target.step(dtS);
  };
}
