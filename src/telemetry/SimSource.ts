/**
 * The built-in telemetry source: the simulation engine, in a worker in the app and in-thread in tests, driven
 * by a clock the user plays, pauses and speeds up (1×–1000×). Each display frame asks the engine to advance to
 * the clock and unpacks the frame it wrote into shared memory into typed buffers the view reads in `useFrame`;
 * one request is in flight at a time (back-pressure: a slow engine lowers the frame rate of the fleet, never
 * the UI's). KPIs and the log come as snapshots twice a second on `state$` (rxjs), for the heads-up display.
 */
import { BehaviorSubject } from 'rxjs';
import { craneCycles, type CraneCycles } from '../domain/craneCycles';
import { fleetFrame, type FleetFrame } from '../domain/fleetFrame';
import { alertBuffers, packedLength, unpackFrame, type AlertBuffers } from '../domain/packedFrame';
import type { Scene } from '../domain/sceneSchema';
import type { EngineLayout, SimSnapshot } from '../sim/SimulationEngine';
import type { SimOptions } from '../sim/simParams';
import { createSourceMetrics, type SourceMetrics } from './SourceMetrics';
import { SpeedMeter } from './SpeedMeter';
import type { SimOperations, SimRecordingOptions } from './recording/RecordingSimEngine';
import type { VehicleDetail } from './vehicleRow';
import { trafficPort, type TrafficEngineHandle } from './trafficPort';
import type { Capability, Recordable, SourceState, SourceStatus, TelemetrySource, TrafficPort } from './TelemetrySource';

/** The engine as seen from here: every call may cross to a worker, so every answer is a promise. */
export interface SimEngineHandle extends TrafficEngineHandle {
  load(scene: Scene, options: SimOptions): Promise<EngineLayout>;
  attach(buffer: Float32Array): Promise<void>;
  advance(clockS: number): Promise<number>;
  frameCopy(): Promise<Float32Array>;
  snapshot(logTail?: number): Promise<SimSnapshot>;
  plannedPaths(): Promise<Float32Array>;
  injectRogueAgv(i: number): Promise<void>;
  endRogueAgv(): Promise<void>;
  startRecording(o: SimRecordingOptions): Promise<void>;
  recordedMessages(): Promise<number>;
  stopRecording(): Promise<Uint8Array<ArrayBuffer>>;
  operations(): Promise<SimOperations>;
  vehicle(key: string): Promise<VehicleDetail | undefined>;
  setFacilityDown(facilityId: string, down: boolean): Promise<readonly string[]>;
}

export interface SimSourceState extends SourceState {
  readonly snapshot?: SimSnapshot;
  /** The AGV (0-based) a fault drill made ignore its plan, if any. */
  readonly rogueAgv?: number;
  readonly error?: string;
}

export const SPEEDS = [1, 10, 60, 300, 1000] as const;
const SNAPSHOT_EVERY_MS = 500;
/** Poses per simulated second in a recording: 2 Hz scrubs smoothly and keeps 40 AGVs near 8 MB an hour at 1×. */
const RECORD_PERIOD_S = 0.5;
/** Vietnam keeps UTC+7 all year (no daylight saving): midnight at the gate, for a recording's calendar day. */
const GATE_UTC_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 86_400_000;
const PATHS_EVERY_MS = 1000;

export class SimSource implements TelemetrySource<SimSourceState>, Recordable {
  readonly kind = 'sim';
  readonly capabilities: readonly Capability[] = ['play-pause', 'speed', 'record'];
  readonly speeds: readonly number[] = SPEEDS;
  readonly frame: FleetFrame;
  readonly busy: Uint8Array;
  /** What each crane is doing, per facility, as of the latest frame (the view animates cranes from it). */
  readonly cranes: CraneCycles;
  readonly alerts: AlertBuffers = alertBuffers();
  /** Planned paths as line segments (x1, y1, x2, y2, …), refreshed while {@link showPaths} is on. */
  paths: { segments: Float32Array<ArrayBufferLike>; version: number } = { segments: new Float32Array(0), version: 0 };
  showPaths = false;
  /** The fleet for traffic prediction, packed in the worker; absent without shared memory ({@link trafficPort}). */
  readonly traffic: TrafficPort | undefined;
  readonly state$: BehaviorSubject<SimSourceState>;
  private readonly shared: Float32Array;
  private readonly isShared: boolean;
  private inFlight = false;
  private pendingS = 0;
  private clock: number;
  private lastSnapshotAt = -Infinity;
  private lastPathsAt = -Infinity;
  private disposed = false;
  private readonly speedMeter = new SpeedMeter();

  private constructor(
    private readonly engine: SimEngineHandle,
    readonly layout: EngineLayout,
    startS: number,
    speed: number,
    private readonly metrics: SourceMetrics,
  ) {
    this.traffic = trafficPort(engine);
    this.frame = fleetFrame(layout.agvCapacity, layout.truckCapacity);
    this.busy = new Uint8Array(layout.facilityCount);
    this.cranes = craneCycles(layout.facilityCount);
    this.isShared = typeof SharedArrayBuffer !== 'undefined';
    const bytes = 4 * packedLength(layout);
    this.shared = new Float32Array(this.isShared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    this.clock = Math.min(startS, layout.endS);
    this.state$ = new BehaviorSubject<SimSourceState>({ status: 'connecting', speed, clockS: 0, problems: [] });
  }

  /** Loads `scene` into the engine and runs it to `startS` before the first frame; figures go into `metrics`. */
  static async start(
    engine: SimEngineHandle,
    scene: Scene,
    options: SimOptions,
    startS = 0,
    speed = 10,
    metrics = createSourceMetrics(),
  ): Promise<SimSource> {
    const layout = await engine.load(scene, options);
    const source = new SimSource(engine, layout, startS, speed, metrics);
    await engine.attach(source.shared);
    await source.pull(source.clock);
    source.emit({ status: 'playing' });
    await source.refreshSnapshot();
    return source;
  }

  get speed(): number {
    return this.state$.value.speed;
  }

  get status(): SourceStatus {
    return this.state$.value.status;
  }

  play(): void {
    // The time spent paused is no time the simulation fell behind in.
    this.speedMeter.restart();
    if (this.status === 'paused') this.emit({ status: 'playing' });
  }

  pause(): void {
    if (this.status === 'playing') this.emit({ status: 'paused' });
  }

  setSpeed(speed: number): void {
    if (!(speed > 0 && speed <= 1000)) throw new RangeError(`speed must be in (0, 1000]×, got ${speed}`);
    this.emit({ speed });
  }

  /** Records from now on, filed under today's date at the gate (simulated second 0 = midnight there). */
  startRecording(): Promise<void> {
    const dayStartMs = Math.floor((Date.now() + GATE_UTC_OFFSET_MS) / DAY_MS) * DAY_MS - GATE_UTC_OFFSET_MS;
    return this.engine.startRecording({ dayStartMs, periodS: RECORD_PERIOD_S });
  }

  recordedMessages(): Promise<number> {
    return this.engine.recordedMessages();
  }

  stopRecording(): Promise<Uint8Array<ArrayBuffer>> {
    return this.engine.stopRecording();
  }

  async injectRogueAgv(i: number): Promise<void> {
    await this.engine.injectRogueAgv(i);
    await this.refreshSnapshot();
  }

  /** Ends the rogue drill; the AGV rejoins the plan once it stands clear of the others. */
  async endRogueAgv(): Promise<void> {
    await this.engine.endRogueAgv();
    await this.refreshSnapshot();
  }

  /** Everything known of one simulated vehicle (`smartgate/AGV-001` …), for its panel. */
  vehicle(key: string): Promise<VehicleDetail | undefined> {
    return this.engine.vehicle(key);
  }

  /** Takes a barrier or scanner bay out of service or puts it back (reported as an alert): while out of service it starts no service and trucks queue before it. */
  async setFacilityDown(facilityId: string, down: boolean): Promise<void> {
    const facilitiesDown = await this.engine.setFacilityDown(facilityId, down);
    this.emit({ facilitiesDown });
  }

  /** Called once per display frame with the wall time since the last one (s). */
  step(dtS: number): void {
    if (this.disposed || this.status !== 'playing') return;
    this.pendingS += dtS;
    const now = performance.now();
    if (now - this.lastSnapshotAt > SNAPSHOT_EVERY_MS) {
      this.lastSnapshotAt = now;
      void this.refreshSnapshot();
    }
    if (this.showPaths && now - this.lastPathsAt > PATHS_EVERY_MS) {
      this.lastPathsAt = now;
      void this.engine.plannedPaths().then((segments) => {
        this.paths = { segments, version: this.paths.version + 1 };
      }, this.fail);
    }
    if (this.inFlight) return;
    const target = Math.min(this.layout.endS, this.clock + this.pendingS * this.speed);
    this.pendingS = 0;
    void this.pull(target);
  }

  dispose(): void {
    this.disposed = true;
    this.state$.complete();
  }

  private async pull(target: number): Promise<void> {
    this.inFlight = true;
    try {
      const clock = await this.engine.advance(target);
      const packed = this.isShared ? this.shared : await this.engine.frameCopy();
      if (this.disposed) return;
      unpackFrame(this.layout, packed, this.frame, this.busy, this.alerts, this.cranes);
      this.clock = clock;
      this.metrics.sim.clockS = clock;
      this.metrics.sim.agvs = this.frame.agvs.count;
      this.metrics.sim.trucks = this.frame.trucks.count;
      this.metrics.sim.frames++;
      this.metrics.telemetry.agvs = this.frame.agvs.count;
      this.metrics.telemetry.received = this.metrics.sim.frames;
      if (clock >= this.layout.endS && this.status === 'playing') {
        this.emit({ status: 'ended' });
        await this.refreshSnapshot();
      }
    } catch (e) {
      this.fail(e);
    } finally {
      this.inFlight = false;
    }
  }

  private async refreshSnapshot(): Promise<void> {
    try {
      const [snapshot, ops] = await Promise.all([this.engine.snapshot(), this.engine.operations()]);
      const achievedSpeed = this.speedMeter.measure(this.clock, this.status === 'playing', performance.now());
      if (!this.disposed) this.emit({ snapshot, ...ops, achievedSpeed });
    } catch (e) {
      this.fail(e);
    }
  }

  private readonly fail = (e: unknown): void => {
    if (this.disposed) return;
    const message = e instanceof Error ? e.message : String(e);
    this.emit({ status: 'error', error: message, problems: [{ severity: 'error', message }] });
  };

  private emit(change: Partial<SimSourceState>): void {
    if (this.disposed) return;
    const next = { ...this.state$.value, ...change, clockS: this.clock };
    this.metrics.sim.speed = next.speed;
    this.metrics.sim.status = next.status;
    this.metrics.telemetry.source = 'sim';
    this.metrics.telemetry.status = next.status;
    this.state$.next(next);
  }
}
