/**
 * How long a live frame takes to reach the screen, measured on `Date.now()` (the worker stamps each pack with its
 * own `Date.now()`; same machine, same clock). The source reports each frame it unpacks ({@link unpacked}); the
 * view reports the start of each display frame ({@link displayFrame}), before it writes the instance matrices.
 * At that moment the frame drawn in the display frame before has been rendered: how long after its pack (and
 * after the pack before it) that is goes into two rings. Nothing is allocated per frame.
 */
import { SampleRing } from '../domain/SampleRing';

/** Drawn frames the percentiles cover: at 10–60 frames/s, the last 9–50 s. */
const SCREEN_SAMPLES = 512;

/** Where the figures go: the source's telemetry metrics (SourceMetrics.ts says what each means). */
export interface ScreenLatencyFigures {
  packToScreenMs: number;
  screenLatencyMs: number;
  packToScreenLastMs: number;
  screenLatencyLastMs: number;
}

export class ScreenLatency {
  /** Pack time of the frame last unpacked and of the one before it; `fresh` until a display frame draws it. */
  private lastPackMs = Number.NaN;
  private prevPackMs = Number.NaN;
  private fresh = false;
  /** Pack times of the frame being drawn, until the next display frame begins (when it is on screen). */
  private drawnPackMs = Number.NaN;
  private drawnPrevPackMs = Number.NaN;
  private readonly packToScreen = new SampleRing(SCREEN_SAMPLES);
  private readonly arrivalToScreen = new SampleRing(SCREEN_SAMPLES);

  constructor(private readonly out: ScreenLatencyFigures) {}

  /** A frame packed by the worker at `packMs` (its `Date.now()`) has been unpacked: the next display frame draws it. */
  unpacked(packMs: number): void {
    this.prevPackMs = this.lastPackMs;
    this.lastPackMs = packMs;
    this.fresh = true;
  }

  /** The start of a display frame, before anything is drawn in it. */
  readonly displayFrame = (): void => {
    const now = Date.now();
    if (!Number.isNaN(this.drawnPackMs)) {
      this.out.packToScreenLastMs = now - this.drawnPackMs;
      this.packToScreen.push(this.out.packToScreenLastMs);
      if (!Number.isNaN(this.drawnPrevPackMs)) {
        this.out.screenLatencyLastMs = now - this.drawnPrevPackMs;
        this.arrivalToScreen.push(this.out.screenLatencyLastMs);
      }
      this.drawnPackMs = Number.NaN;
    }
    if (this.fresh) {
      this.fresh = false;
      this.drawnPackMs = this.lastPackMs;
      this.drawnPrevPackMs = this.prevPackMs;
    }
  };

  /** Copies the 95th percentiles into the figures (twice a second, with the source's snapshot). */
  publish(): void {
    this.out.packToScreenMs = this.packToScreen.percentile(0.95);
    this.out.screenLatencyMs = this.arrivalToScreen.percentile(0.95);
  }

  /** Zeroes the figures (the source is gone). */
  clear(): void {
    this.out.packToScreenMs = 0;
    this.out.screenLatencyMs = 0;
    this.out.packToScreenLastMs = 0;
    this.out.screenLatencyLastMs = 0;
  }
}
