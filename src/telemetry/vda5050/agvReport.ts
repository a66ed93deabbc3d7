/**
 * What the twin keeps about an AGV from its VDA 5050 messages, the same for 2.0, 2.1 and 3.0: the codec renames 3.0's
 * fields (`mobileRobotPosition`, `powerSupply`, `activeEmergencyStop`, `localized`, `stateOfCharge`,
 * `actionResult`, `TEACH_IN`, `CONNECTION_BROKEN`) into one vocabulary, so that nothing above `telemetry/` knows
 * which version a vehicle speaks.
 *
 * Units are the wire's: metres, radians, metres per second, per cent. Positions are in the vehicle's map frame
 * (`mapId`), not yet in the scene frame. Every string is kept exactly as received: it is plain text, never HTML,
 * and whoever shows it must insert it as text (React does), never as markup.
 *
 * Enumerations are the union of both versions' values; where one version cannot say a value, `encode.ts` refuses
 * it rather than guess.
 */

/** The VDA 5050 major versions the twin reads: 2 (2.0, 2.1) and 3 (3.0). */
export type VdaMajor = 2 | 3;

/** The header fields every message carries, as the twin uses them. */
export interface MessageHeader {
  readonly version: VdaMajor;
  /**
   * The exact `[Major].[Minor].[Patch]` written in the header ("2.0.0", "2.1.0", "3.0.0"). Absent when encoding:
   * the twin's own for the major (2.1.0, 3.0.0). Some master controls and vehicles accept only their own exact
   * version, so a vehicle is answered in the one it speaks.
   */
  readonly protocolVersion?: string;
  readonly manufacturer: string;
  readonly serialNumber: string;
  /** Per vehicle and topic, incremented by 1 with each message sent (uint32). */
  readonly headerId: number;
  /** The vehicle's clock, ms since the Unix epoch (the ISO-8601 `timestamp` of the message). */
  readonly timestampMs: number;
}

/** The header of a decoded message, with where and when the twin got it. */
export interface ReportHeader extends MessageHeader {
  readonly protocolVersion: string;
  /** The topic's first level (`uagv`, or 3.0's `vda5050`): commands to this vehicle go under the same. */
  readonly interfaceName: string;
  /** `manufacturer/serialNumber`: unique, since `/` can occur in neither (a topic level each). */
  readonly key: string;
  /** The twin's clock when the message arrived, ms since the Unix epoch: compare with it to find silent AGVs. */
  readonly receivedMs: number;
}

/** 3.0's list; 2.1 lacks `STARTUP` and `INTERVENED` and spells `TEACH_IN` as `TEACHIN`. */
export type OperatingMode = 'STARTUP' | 'AUTOMATIC' | 'SEMIAUTOMATIC' | 'INTERVENED' | 'MANUAL' | 'SERVICE' | 'TEACH_IN';
/** 2.1 knows only `WARNING` and `FATAL`. */
export type ErrorLevel = 'WARNING' | 'URGENT' | 'CRITICAL' | 'FATAL';
/** Which e-stop is active and how it must be acknowledged; 3.0 dropped `AUTOACK` (bumper, protective field). */
export type EmergencyStop = 'AUTOACK' | 'MANUAL' | 'REMOTE' | 'NONE';
/** 3.0's list; 2.1's schema lacks `PAUSED` (its text has it) and `RETRIABLE`. */
export type ActionStatus = 'WAITING' | 'INITIALIZING' | 'RUNNING' | 'PAUSED' | 'RETRIABLE' | 'FINISHED' | 'FAILED';
/** 2.1's spelling; 3.0 writes `CONNECTION_BROKEN` and adds `HIBERNATING` (connected, but not sending state). */
export type ConnectionState = 'ONLINE' | 'OFFLINE' | 'CONNECTIONBROKEN' | 'HIBERNATING';

/** Where the vehicle is: 2.1 `agvPosition`, 3.0 `mobileRobotPosition`. All or nothing, as in both schemas. */
export interface Position {
  readonly mapId: string;
  readonly x: number;
  readonly y: number;
  /** Radians, counter-clockwise from the map's x axis, in [-π, π]. */
  readonly theta: number;
  /** Whether x, y and theta can be trusted: 2.1 `positionInitialized`, 3.0 `localized`. */
  readonly localized: boolean;
}

/** In vehicle coordinates: vx forward, vy to the left, omega counter-clockwise (m/s, rad/s). */
export interface Velocity {
  readonly vx?: number;
  readonly vy?: number;
  readonly omega?: number;
}

/** A load on the vehicle (a container, for us); both fields optional as in the spec. */
export interface LoadReport {
  readonly loadId?: string;
  readonly loadType?: string;
}

/** 2.1 `batteryState`, 3.0 `powerSupply`. */
export interface BatteryReport {
  /** State of charge in per cent (2.1 `batteryCharge`, 3.0 `stateOfCharge`). */
  readonly chargePercent: number;
  readonly charging: boolean;
}

export interface ErrorReport {
  readonly errorType: string;
  readonly errorLevel: ErrorLevel;
  /** Free text from the vehicle: plain text, never HTML. */
  readonly errorDescription?: string;
}

export interface SafetyReport {
  /** 2.1 `eStop`, 3.0 `activeEmergencyStop`. */
  readonly emergencyStop: EmergencyStop;
  /** A protective field is violated. */
  readonly fieldViolation: boolean;
}

/** A node still to traverse; `released` true: part of the base (approved), false: the horizon. */
export interface NodeStateReport {
  readonly nodeId: string;
  readonly sequenceId: number;
  readonly released: boolean;
  readonly nodePosition?: { readonly x: number; readonly y: number; readonly theta?: number; readonly mapId: string };
}

export interface EdgeStateReport {
  readonly edgeId: string;
  readonly sequenceId: number;
  readonly released: boolean;
}

export interface ActionStateReport {
  readonly actionId: string;
  readonly actionType?: string;
  readonly actionStatus: ActionStatus;
  /** 2.1 `resultDescription`, 3.0 `actionResult`: plain text, never HTML. */
  readonly resultDescription?: string;
  /** True for 3.0's `instantActionStates`; 2.1 lists instant actions with the others and cannot tell them apart. */
  readonly instant?: boolean;
}

/** 3.0 only: the path the vehicle plans within its order, as a NURBS. */
export interface PlannedPath {
  readonly degree?: number;
  readonly knotVector?: readonly number[];
  readonly controlPoints: readonly { readonly x: number; readonly y: number; readonly weight?: number }[];
  readonly traversedNodes?: readonly string[];
}

/** 3.0 only: the waypoints the vehicle sees ahead, each with its estimated time of arrival. */
export interface IntermediatePoint {
  readonly x: number;
  readonly y: number;
  readonly theta?: number;
  /** Estimated time of arrival, ms since the Unix epoch. */
  readonly etaMs: number;
}

/** Position and motion: what `visualization` carries, and `state` as well. */
export interface MotionFields {
  readonly position?: Position;
  readonly velocity?: Velocity;
  readonly plannedPath?: PlannedPath;
  readonly intermediatePath?: readonly IntermediatePoint[];
}

/**
 * The body of a `state` message. A field is missing when the vehicle did not send it: decoding is tolerant of
 * vehicles that leave out what the schema requires, so that a half-compliant AGV still shows on the map.
 */
export interface StateFields extends MotionFields {
  /** Absent: the vehicle cannot tell its loads; empty: it is unloaded (spec). */
  readonly loads?: readonly LoadReport[];
  readonly battery?: BatteryReport;
  readonly operatingMode?: OperatingMode;
  /** Driving and/or rotating. */
  readonly driving?: boolean;
  /** Paused by a button or by `startPause`; it can resume its order. */
  readonly paused?: boolean;
  /** All active errors; empty when there are none. */
  readonly errors: readonly ErrorReport[];
  readonly safety?: SafetyReport;
  /** Current or previous order; absent for the wire's "" (none yet). */
  readonly orderId?: string;
  readonly orderUpdateId?: number;
  /** Node reached last, or the node it stands on; absent for the wire's "" (none yet). */
  readonly lastNodeId?: string;
  readonly lastNodeSequenceId?: number;
  readonly nodeStates: readonly NodeStateReport[];
  readonly edgeStates: readonly EdgeStateReport[];
  /** Order actions, then (3.0) instant actions marked `instant`. */
  readonly actionStates: readonly ActionStateReport[];
}

/** The twin's record of one `state` message. */
export interface AgvReport extends ReportHeader, StateFields {}

/** The twin's record of one `visualization` message (a cheaper, more frequent pose). */
export interface VisualizationReport extends ReportHeader, MotionFields {
  /** 3.0 only: the headerId of the `state` message this one refines. */
  readonly referenceStateHeaderId?: number;
}

/** The twin's record of one `connection` message (retained by the broker; the last will says CONNECTIONBROKEN). */
export interface ConnectionReport extends ReportHeader {
  readonly connectionState: ConnectionState;
}

/**
 * How an order's action lets the vehicle go on: NONE drives and runs other actions alongside, 3.0's SINGLE drives
 * but runs no other action, SOFT stands but runs other actions, HARD stands and runs nothing else.
 */
export type BlockingType = 'NONE' | 'SINGLE' | 'SOFT' | 'HARD';

/** An action of an order's node or edge. */
export interface OrderActionReport {
  readonly actionId: string;
  readonly actionType: string;
  readonly blockingType: BlockingType;
}

/** A node of an order a master control sent: where, and what the vehicle does there. */
export interface OrderNodeReport {
  readonly nodeId: string;
  readonly sequenceId: number;
  readonly released: boolean;
  readonly nodePosition?: { readonly x: number; readonly y: number; readonly theta?: number; readonly mapId: string };
  readonly actions: readonly OrderActionReport[];
}

export interface OrderEdgeReport {
  readonly edgeId: string;
  readonly sequenceId: number;
  readonly released: boolean;
  readonly actions: readonly OrderActionReport[];
}

/**
 * The twin's record of one `order` a master control (another one, or the twin itself) published to a vehicle:
 * `key` names the vehicle (the topic's), the header's clock is the master control's.
 */
export interface OrderReport extends ReportHeader {
  readonly orderId: string;
  readonly orderUpdateId: number;
  readonly nodes: readonly OrderNodeReport[];
  readonly edges: readonly OrderEdgeReport[];
}
