/**
 * The one interface every telemetry source implements — the built-in simulation, a replayed recording, live
 * VDA 5050 over MQTT — shaped like a media player (Foxglove's Player): the latest frame in typed
 * buffers the view reads each display frame, a state on an rxjs subject (status, clock, problems), and optional
 * playback controls announced as capabilities, so the UI shows a control only where it works (a live feed has
 * no pause and no seek bar).
 */
import type { BehaviorSubject } from 'rxjs';
import type { FleetFrame } from '../domain/fleetFrame';
import type { CollisionEvent } from './FeedCollisions';
import type { TrafficPack } from './FleetFeed';
import type { AuditEntry, OperatorCommand } from './live/operatorCommands';
import type { VehicleRow } from './vehicleRow';

export type SourceKind = 'sim' | 'replay' | 'live';

export type SourceStatus = 'connecting' | 'live' | 'reconnecting' | 'buffering' | 'playing' | 'paused' | 'ended' | 'error';

/** Playback controls a source may offer; the UI shows only these (`record`: the source is {@link Recordable}). */
export type Capability = 'play-pause' | 'speed' | 'seek' | 'step' | 'record';

export interface SourceProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/**
 * The fleet as every source reports it, filled the same way (the simulation's vehicles go through the same fleet
 * feed as live and replayed ones): the vehicle rows, how many vehicles and how many silent, and the near misses
 * and contacts between them with the latest of those events, oldest first.
 */
export interface SourceFleet {
  readonly agvs: number;
  readonly stale: number;
  readonly vehicles: readonly VehicleRow[];
  readonly nearMisses: number;
  readonly contacts: number;
  readonly collisionEvents: readonly CollisionEvent[];
}

export interface SourceState {
  readonly status: SourceStatus;
  /** Source time now, in seconds: simulated seconds since the start of day 1, or a recording's or the wire's clock. */
  readonly clockS: number;
  readonly speed: number;
  /**
   * Source seconds per wall second actually reached over the last second or so, while playing: below `speed` when
   * the machine cannot keep up. Absent where a source plays at the wire's pace.
   */
  readonly achievedSpeed?: number;
  /**
   * Bumped by every seek, step or jump (Foxglove's `lastSeekTime`): whoever accumulates states (the alert book)
   * drops what it has and rebuilds from the state that carries the new value, which is the one at the new time.
   */
  readonly seeks?: number;
  /** The span a `seek` may reach (a recording's first and last instant), in `clockS`'s seconds. */
  readonly range?: { readonly startS: number; readonly endS: number };
  readonly problems: readonly SourceProblem[];
  /** The fleet at `clockS`; absent until the source has one (and in a simulation without AGVs). */
  readonly fleet?: SourceFleet;
  /** Barriers and scanner bays out of service (a fault drill in the simulation), by id; absent where a source cannot tell. */
  readonly facilitiesDown?: readonly string[];
  /** Whether this user may command vehicles (a live feed probes it at login); absent where the source takes no commands. */
  readonly canCommand?: boolean;
}

/**
 * The source's fleet handed to traffic prediction: the worker holding the fleet packs it into a `TrafficInput`
 * shared buffer (`trafficInputBytes(capacity, routeCap)`, created by the page and handed to the planner and
 * collision workers as well) once a round, and answers with the vehicle keys in input order.
 */
export interface TrafficPort {
  attach(buffer: SharedArrayBuffer, capacity: number, routeCap: number): Promise<void>;
  pack(): Promise<TrafficPack>;
}

export interface TelemetrySource<S extends SourceState = SourceState> {
  readonly kind: SourceKind;
  readonly capabilities: readonly Capability[];
  /** The speeds offered (×), with the `speed` capability. */
  readonly speeds?: readonly number[];
  /** The latest poses, refreshed by {@link step}; the view reads them in `useFrame`. */
  readonly frame: FleetFrame;
  readonly state$: BehaviorSubject<S>;
  /** Called by the app's clock once per drawn display frame with the wall time since the last one (s). Allocates nothing per vehicle. */
  step(dtS: number): void;
  /** Told at the start of each display frame, before it is drawn (a live feed measures its screen latency). */
  frameDrawn?(): void;
  play?(): void;
  pause?(): void;
  setSpeed?(speed: number): void;
  seek?(clockS: number): void;
  /** Pauses and moves to the next (+1) or previous (−1) message, with the `step` capability. */
  stepBy?(direction: 1 | -1): Promise<void>;
  /**
   * The fleet for traffic prediction; absent where the page is not cross-origin isolated: without
   * `SharedArrayBuffer` the three workers cannot read one fleet buffer, and copying it each round is not offered.
   */
  readonly traffic?: TrafficPort;
  /** Sends an operator's command to vehicle `key` (a live feed); the result shows in the audit log. */
  command?(key: string, c: OperatorCommand): Promise<AuditEntry>;
  dispose(): void;
}

/** A source whose data can be recorded to an MCAP file from the app (the simulation and the live feed). */
export interface Recordable {
  startRecording(): Promise<void>;
  /** Messages recorded so far. */
  recordedMessages(): Promise<number>;
  /** Ends the recording and hands over the file. */
  stopRecording(): Promise<Uint8Array<ArrayBuffer>>;
}
