/**
 * Live VDA 5050 telemetry as a {@link TelemetrySource}: the {@link LiveEngine} runs in the telemetry worker
 * (decoding and bookkeeping off the main thread); each display frame asks it for the fleet, packed into shared
 * memory, one request in flight at a time; twice a second a snapshot (status, vehicles, stale ones, messages
 * received and dropped by reason, latency) goes out on `state$`. A live feed cannot be paused or sought: it
 * offers only recording.
 */
import { BehaviorSubject } from 'rxjs';
import { fleetFrame, type FleetFrame } from '../domain/fleetFrame';
import { alertBuffers, packedLength, unpackFrame, type FrameLayout } from '../domain/packedFrame';
import type { LiveConnectOptions, LiveSnapshot } from './live/LiveEngine';
import type { AuditEntry, OperatorCommand } from './live/operatorCommands';
import type { VehicleDetail } from './vehicleRow';
import { ScreenLatency } from './ScreenLatency';
import { createSourceMetrics, type TelemetryMetrics } from './SourceMetrics';
import { trafficPort, type TrafficEngineHandle } from './trafficPort';
import type { Capability, Recordable, SourceState, TelemetrySource, TrafficPort } from './TelemetrySource';

/**
 * The engine in the telemetry worker, as the page calls it: the page's own broker connection ({@link LiveEngine},
 * options {@link LiveConnectOptions}) or the control-room server's fan-out (telemetry/fanout, its own options).
 */
export interface LiveEngineHandle<O = LiveConnectOptions> extends TrafficEngineHandle {
  connect(o: O): Promise<FrameLayout>;
  attach(buffer: Float32Array): Promise<void>;
  advance(): Promise<number>;
  snapshot(): Promise<LiveSnapshot>;
  disconnect(): Promise<void>;
  command(key: string, c: OperatorCommand): Promise<AuditEntry>;
  startRecording(): Promise<void>;
  recordedMessages(): Promise<number>;
  stopRecording(): Promise<Uint8Array<ArrayBuffer>>;
  vehicle(key: string): Promise<VehicleDetail | undefined>;
}

export interface LiveSourceState extends SourceState {
  readonly snapshot?: LiveSnapshot;
}

const SNAPSHOT_EVERY_MS = 500;

/** How a live source differs by where its fleet comes from. */
export interface LiveSourceOptions {
  /** Whether the page records the wire itself (not when the control-room server records it). Default true. */
  readonly record?: boolean;
}

/** Where commands go instead of the page's own broker connection: the control-room server (src/app/server). */
export interface CommandRoute {
  /** Whether the signed-in user may command vehicles. */
  readonly canCommand: boolean;
  send(key: string, c: OperatorCommand): Promise<AuditEntry>;
  /** The audit log as the route keeps it (the server's durable one), oldest first. */
  audit(): readonly AuditEntry[];
  /** Why the route cannot show its log now, if it cannot. */
  problem(): string | undefined;
}

export class LiveSource implements TelemetrySource<LiveSourceState>, Recordable {
  readonly kind = 'live';
  readonly capabilities: readonly Capability[];
  readonly frame: FleetFrame;
  readonly busy: Uint8Array;
  readonly alerts = alertBuffers();
  /** The fleet for traffic prediction, packed in the worker; absent without shared memory ({@link trafficPort}). */
  readonly traffic: TrafficPort | undefined;
  readonly state$ = new BehaviorSubject<LiveSourceState>({ status: 'connecting', clockS: 0, speed: 1, problems: [] });
  private readonly shared: Float32Array;
  private inFlight = false;
  private lastSnapshotAt = -Infinity;
  private disposed = false;
  private route: CommandRoute | undefined;
  private readonly screen: ScreenLatency;
  /** The clock of the frame last unpacked: a frame the worker has not changed since is not unpacked again. */
  private unpackedClockS = Number.NaN;

  private constructor(
    private readonly engine: LiveEngineHandle<unknown>,
    private readonly layout: FrameLayout,
    private readonly metrics: TelemetryMetrics,
    o: LiveSourceOptions,
  ) {
    this.capabilities = o.record === false ? [] : ['record'];
    this.traffic = trafficPort(engine);
    this.screen = new ScreenLatency(metrics);
    this.frame = fleetFrame(layout.agvCapacity, layout.truckCapacity);
    this.busy = new Uint8Array(layout.facilityCount);
    this.shared = new Float32Array(new SharedArrayBuffer(4 * packedLength(layout)));
  }

  /** Connects (rejecting with the broker's reason: wrong password, nobody listening) and attaches the frame; figures go into `metrics`. */
  static async start<O>(engine: LiveEngineHandle<O>, options: O, metrics = createSourceMetrics(), how: LiveSourceOptions = {}): Promise<LiveSource> {
    const layout = await engine.connect(options);
    const source = new LiveSource(engine as LiveEngineHandle<unknown>, layout, metrics.telemetry, how);
    await engine.attach(source.shared);
    // connect() resolved: the broker accepted us, so the feed is live before the first snapshot says so (frames,
    // and with them the AGV count, may arrive before it).
    metrics.telemetry.source = 'live';
    metrics.telemetry.status = 'live';
    source.state$.next({ ...source.state$.value, status: 'live' });
    return source;
  }

  /** Told at the start of each display frame: the frame drawn in the one before is on screen now. */
  frameDrawn(): void {
    this.screen.displayFrame();
  }

  /** Called by the clock of the app once per display frame: asks the worker for the fleet, one request in flight. */
  step(): void {
    if (this.disposed || this.inFlight) return;
    this.inFlight = true;
    void this.engine
      .advance()
      .then((clockS) => {
        if (this.disposed) return;
        if (clockS !== this.unpackedClockS) {
          this.unpackedClockS = clockS;
          unpackFrame(this.layout, this.shared, this.frame, this.busy, this.alerts);
          this.metrics.agvs = this.frame.agvs.count;
          this.metrics.framesUnpacked++;
          // advance() resolves with the time the frame was packed (Date.now() in the worker or on the server), in s.
          this.screen.unpacked(clockS * 1000);
        }
        const now = performance.now();
        if (now - this.lastSnapshotAt > SNAPSHOT_EVERY_MS) {
          this.lastSnapshotAt = now;
          return this.engine.snapshot().then((snapshot) => this.publish(snapshot, clockS));
        }
        return undefined;
      })
      .catch((e: unknown) => this.publishError(e))
      .finally(() => {
        this.inFlight = false;
      });
  }

  /** Sends an operator's command; the result shows in the audit log of the next snapshots. */
  async command(key: string, c: OperatorCommand): Promise<AuditEntry> {
    const entry = await (this.route ? this.route.send(key, c) : this.engine.command(key, c));
    this.lastSnapshotAt = -Infinity;
    return entry;
  }

  /**
   * Sends commands another way than this page's broker connection (the control-room server, which checks the
   * signed-in user's role and keeps the audit log), or again through it with `undefined`. Whether commands are
   * allowed and the audit log shown then come from the route.
   */
  routeCommands(route: CommandRoute | undefined): void {
    this.route = route;
    this.lastSnapshotAt = -Infinity;
  }

  /** Records every message off the wire from now on (in the worker), until {@link stopRecording}. */
  startRecording(): Promise<void> {
    return this.engine.startRecording();
  }

  recordedMessages(): Promise<number> {
    return this.engine.recordedMessages();
  }

  stopRecording(): Promise<Uint8Array<ArrayBuffer>> {
    return this.engine.stopRecording();
  }

  /** Everything known of one vehicle now, for its panel. */
  vehicle(key: string): Promise<VehicleDetail | undefined> {
    return this.engine.vehicle(key);
  }

  dispose(): void {
    this.disposed = true;
    this.screen.clear();
    void this.engine.disconnect();
    this.state$.complete();
  }

  private publish(s: LiveSnapshot, clockS: number): void {
    if (this.disposed) return;
    this.metrics.status = s.status;
    this.metrics.agvs = s.agvs;
    this.metrics.received = s.received;
    this.metrics.dropped = { ...s.dropped };
    this.metrics.latencyMs = s.latencyMs;
    this.metrics.fanout = s.fanout;
    this.screen.publish();
    const problems = [
      ...(s.error ? [{ severity: 'error' as const, message: s.error }] : []),
      ...s.unknownMaps.map((m) => ({ severity: 'warning' as const, message: `vehicles report map "${m}", which this scene does not place` })),
    ];
    const route = this.route;
    const routeProblem = route?.problem();
    if (routeProblem) problems.push({ severity: 'warning', message: routeProblem });
    const snapshot = route ? { ...s, canCommand: route.canCommand, audit: route.audit() } : s;
    this.state$.next({ status: s.status, clockS, speed: 1, problems, snapshot, fleet: snapshot, canCommand: snapshot.canCommand });
  }

  private publishError(e: unknown): void {
    if (this.disposed) return;
    const message = e instanceof Error ? e.message : String(e);
    this.metrics.status = 'error';
    this.state$.next({ ...this.state$.value, status: 'error', problems: [{ severity: 'error', message }] });
  }
}
