/**
 * The speed a source reaches: source seconds per wall second between two measures while playing. Simulation and
 * replay measure at their snapshots (twice a second); the transport bar shows it when it falls short of the speed
 * asked for, because this machine cannot keep up.
 */
export class SpeedMeter {
  private fromClockS = Number.NaN;
  private fromMs = Number.NaN;

  /**
   * The speed since the previous measure, or undefined for the first measure after a pause or {@link restart}
   * (nothing to compare with yet). `nowMs` is wall time in ms (performance.now()).
   */
  measure(clockS: number, playing: boolean, nowMs: number): number | undefined {
    const speed = playing && nowMs > this.fromMs ? (clockS - this.fromClockS) / ((nowMs - this.fromMs) / 1000) : Number.NaN;
    if (playing) {
      this.fromClockS = clockS;
      this.fromMs = nowMs;
    } else this.restart();
    return Number.isFinite(speed) ? speed : undefined;
  }

  /** Forgets the previous measure: the clock jumped (a seek), so the next measure only starts a new span. */
  restart(): void {
    this.fromClockS = Number.NaN;
    this.fromMs = Number.NaN;
  }
}
