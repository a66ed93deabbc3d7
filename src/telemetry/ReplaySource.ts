/**
 * A recording played back as a {@link TelemetrySource}: the {@link ReplayEngine} runs in the replay worker (the
 * file is read, decoded and put through the fleet feed there); this side owns the playhead. Each display frame
 * moves it by the wall time × speed and asks the engine for the fleet at that time, one request in flight; a seek
 * (scrubbing the timeline, a step, the next alert) waits for that request and only the latest one is carried
 * out, so dragging the scrubber never queues up work. State goes out on `state$` at most four times a second.
 */
import { BehaviorSubject } from 'rxjs';
import { fleetFrame, type FleetFrame } from '../domain/fleetFrame';
import { alertBuffers, packedLength, unpackFrame } from '../domain/packedFrame';
import type { ReplayInfo, ReplayOpenOptions, ReplaySnapshot } from './replay/ReplayEngine';
import type { ReplayAlert } from './replay/findAlerts';
import type { RecordingTruth } from './replay/recordingTruth';
import type { VehicleDetail } from './vehicleRow';
import { createSourceMetrics, type SourceMetrics } from './SourceMetrics';
import { SpeedMeter } from './SpeedMeter';
import { trafficPort, type TrafficEngineHandle } from './trafficPort';
import type { Capability, SourceState, SourceStatus, TelemetrySource, TrafficPort } from './TelemetrySource';

/** The engine as seen from the main thread: every call may cross to the worker. */
export interface ReplayEngineHandle extends TrafficEngineHandle {
  open(o: ReplayOpenOptions): Promise<ReplayInfo>;
  attach(buffer: Float32Array): Promise<void>;
  advanceTo(clockS: number): Promise<number>;
  seek(clockS: number): Promise<number>;
  nextTimeAfter(clockS: number): Promise<number | undefined>;
  previousTimeBefore(clockS: number): Promise<number | undefined>;
  snapshot(): Promise<ReplaySnapshot>;
  vehicle(key: string): Promise<VehicleDetail | undefined>;
  truthAfter(clockS: number): Promise<RecordingTruth>;
}

export interface ReplaySourceState extends SourceState {
  readonly info: ReplayInfo;
  readonly snapshot?: ReplaySnapshot;
}

/** Playback speeds offered (the issue asks for 0.1× to 64×). */
export const REPLAY_SPEEDS = [0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;
const EMIT_EVERY_MS = 250;
const SNAPSHOT_EVERY_MS = 500;

export class ReplaySource implements TelemetrySource<ReplaySourceState> {
  readonly kind = 'replay';
  readonly capabilities: readonly Capability[] = ['play-pause', 'speed', 'seek', 'step'];
  readonly speeds: readonly number[] = REPLAY_SPEEDS;
  readonly frame: FleetFrame;
  readonly busy: Uint8Array;
  readonly alerts = alertBuffers();
  /** The fleet for traffic prediction, packed in the worker; absent without shared memory ({@link trafficPort}). */
  readonly traffic: TrafficPort | undefined;
  readonly state$: BehaviorSubject<ReplaySourceState>;
  private readonly shared: Float32Array;
  private clock: number;
  private inFlight = false;
  private pendingSeek: number | undefined;
  /**
   * The time of the fleet on show (the last request carried out). States carry this, not the playhead: a seek's
   * playhead runs ahead of the fleet until the engine has rebuilt it, and a state pairing the new time with the old
   * fleet would file that fleet's alerts at the wrong time.
   */
  private shownS: number;
  private seeks = 0;
  private lastEmitAt = -Infinity;
  private lastSnapshotAt = -Infinity;
  private readonly speedMeter = new SpeedMeter();
  private disposed = false;

  private constructor(
    private readonly engine: ReplayEngineHandle,
    readonly info: ReplayInfo,
    private readonly metrics: SourceMetrics,
  ) {
    this.traffic = trafficPort(engine);
    this.frame = fleetFrame(info.layout.agvCapacity, 0);
    this.busy = new Uint8Array(info.layout.facilityCount);
    this.shared = new Float32Array(new SharedArrayBuffer(4 * packedLength(info.layout)));
    this.clock = info.startS;
    this.shownS = info.startS;
    const problems = info.damage ? [{ severity: 'warning' as const, message: info.damage }] : [];
    this.state$ = new BehaviorSubject<ReplaySourceState>({
      status: 'paused',
      clockS: info.startS,
      speed: 1,
      problems,
      info,
      range: { startS: info.startS, endS: info.endS },
    });
  }

  /** Opens the file in the engine, shows its first instant, paused; figures go into `metrics`. */
  static async start(engine: ReplayEngineHandle, options: ReplayOpenOptions, metrics = createSourceMetrics()): Promise<ReplaySource> {
    const info = await engine.open(options);
    if (info.messageCount === 0) {
      throw new Error(info.damage ?? `${options.name} holds no messages`);
    }
    const source = new ReplaySource(engine, info, metrics);
    await engine.attach(source.shared);
    Object.assign(metrics.replay, {
      clockS: info.startS,
      startS: info.startS,
      endS: info.endS,
      speed: 1,
      alerts: info.alerts.length,
      frame: source.frame,
    });
    metrics.telemetry.source = 'replay';
    metrics.telemetry.latencyMs = 0;
    await engine.seek(info.startS);
    source.unpack();
    await source.refresh(true);
    return source;
  }

  get status(): SourceStatus {
    return this.state$.value.status;
  }

  get clockS(): number {
    return this.clock;
  }

  play(): void {
    if (this.status === 'ended') this.seek(this.info.startS);
    // The time spent paused is no time the replay fell behind in.
    this.speedMeter.restart();
    if (this.status !== 'error') this.emit({ status: 'playing' });
  }

  pause(): void {
    if (this.status === 'playing') this.emit({ status: 'paused' });
  }

  setSpeed(speed: number): void {
    if (!(speed >= REPLAY_SPEEDS[0] && speed <= REPLAY_SPEEDS.at(-1)!)) throw new RangeError(`replay speed must be within 0.1× to 64×, got ${speed}`);
    this.metrics.replay.speed = speed;
    this.emit({ speed });
  }

  /** Moves the playhead to `clockS` (clamped to the recording); the fleet there shows after the next frame. */
  seek(clockS: number): void {
    this.clock = Math.min(this.info.endS, Math.max(this.info.startS, clockS));
    this.pendingSeek = this.clock;
    if (this.status === 'ended') this.emit({ status: 'paused' });
    else this.emit({});
  }

  /** Pauses and moves to the next (+1) or previous (−1) recorded message. */
  async stepBy(direction: 1 | -1): Promise<void> {
    this.pause();
    const t = direction > 0 ? await this.engine.nextTimeAfter(this.clock) : await this.engine.previousTimeBefore(this.clock);
    if (t !== undefined && !this.disposed) this.seek(t);
  }

  /** Pauses at the next alert after the playhead; returns it, or undefined when there is none. */
  nextAlert(): ReplayAlert | undefined {
    const next = this.info.alerts.find((a) => a.atS > this.clock + 1e-3);
    if (next) {
      this.pause();
      this.seek(next.atS);
    }
    return next;
  }

  step(dtS: number): void {
    if (this.disposed || this.inFlight) return;
    const seekTo = this.pendingSeek;
    if (seekTo !== undefined) {
      this.pendingSeek = undefined;
      this.request(this.engine.seek(seekTo), ++this.seeks);
      return;
    }
    if (this.status !== 'playing') return;
    this.clock = Math.min(this.info.endS, this.clock + dtS * this.state$.value.speed);
    if (this.clock >= this.info.endS) this.emit({ status: 'ended' });
    this.request(this.engine.advanceTo(this.clock));
  }

  /** Everything known of one vehicle now, for its panel. */
  vehicle(key: string): Promise<VehicleDetail | undefined> {
    return this.engine.vehicle(key);
  }

  /** What the recording shows over the hour after `clockS`, to score a forecast made then; playback is not disturbed. */
  truthAfter(clockS: number): Promise<RecordingTruth> {
    return this.engine.truthAfter(clockS);
  }

  dispose(): void {
    this.disposed = true;
    this.metrics.replay.frame = undefined;
    this.state$.complete();
  }

  /** Waits for the engine, shows its frame and publishes; after a seek (`seeks` given), the whole state at once. */
  private request(done: Promise<number>, seeks?: number): void {
    this.inFlight = true;
    done
      .then((atS) => {
        if (this.disposed) return;
        this.shownS = atS;
        this.unpack();
        return seeks === undefined ? this.refresh(false) : this.refresh(true, seeks);
      })
      .catch((e: unknown) => this.fail(e))
      .finally(() => {
        this.inFlight = false;
      });
  }

  private unpack(): void {
    unpackFrame(this.info.layout, this.shared, this.frame, this.busy, this.alerts);
    this.frame.version++;
    this.metrics.replay.clockS = this.shownS;
    this.metrics.telemetry.agvs = this.frame.agvs.count;
  }

  /** Publishes the playhead (throttled) and, twice a second or after a seek, the fleet's counts. */
  private async refresh(force: boolean, seeks?: number): Promise<void> {
    const now = performance.now();
    if (force || now - this.lastSnapshotAt > SNAPSHOT_EVERY_MS) {
      this.lastSnapshotAt = now;
      const snapshot = await this.engine.snapshot();
      if (this.disposed) return;
      this.metrics.telemetry.received = snapshot.received;
      this.metrics.telemetry.dropped = { ...snapshot.dropped };
      this.lastEmitAt = now;
      if (seeks !== undefined) this.speedMeter.restart();
      const achievedSpeed = this.speedMeter.measure(this.shownS, this.status === 'playing', now);
      this.emit({ snapshot, fleet: snapshot, achievedSpeed, ...(seeks === undefined ? {} : { seeks }) });
      return;
    }
    if (now - this.lastEmitAt > EMIT_EVERY_MS) {
      this.lastEmitAt = now;
      this.emit({});
    }
  }

  private fail(e: unknown): void {
    if (this.disposed) return;
    const message = e instanceof Error ? e.message : String(e);
    this.emit({ status: 'error', problems: [...this.state$.value.problems, { severity: 'error', message }] });
  }

  private emit(change: Partial<ReplaySourceState>): void {
    if (this.disposed) return;
    const next = { ...this.state$.value, ...change, clockS: this.shownS };
    this.metrics.telemetry.status = next.status;
    this.state$.next(next);
  }
}
