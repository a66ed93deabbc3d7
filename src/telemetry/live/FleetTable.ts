/**
 * Every AGV the live feed has told us about: its latest state in the zone frame, when it last spoke, and whether
 * it has gone silent. Reports come in decoded (vda5050/decode.ts) and accepted (MessageGate); the table keeps a
 * slot per vehicle (key `manufacturer/serial`) so that writing the frame for the view is a loop over typed arrays.
 *
 * An AGV is stale when nothing has come from it for `staleAfterMs`, or when its `connection` says it is offline or
 * broken (the broker publishes the last will when its link drops); a message from it makes it fresh again.
 */
import traffic from '../../../data/traffic.json' with { type: 'json' };
import { LOAD_EXPORT, LOAD_NONE, type VehicleBuffers } from '../../domain/fleetFrame';
import { mapToZone } from '../../domain/mapPlacement';
import type { MapPlacement } from '../../domain/sceneSchema';
import type { AgvReport, ConnectionReport, ErrorLevel, MotionFields, ReportHeader, VisualizationReport } from '../vda5050/agvReport';

/** Worst active error per AGV, for colouring and alerts. */
export const ERROR_NONE = 0;
export const ERROR_WARNING = 1;
export const ERROR_URGENT = 2;
export const ERROR_CRITICAL = 3;
export const ERROR_FATAL = 4;

const STANDING_MPS: number = traffic.standingSpeedMps.value;

const LEVEL: Readonly<Record<ErrorLevel, number>> = { WARNING: ERROR_WARNING, URGENT: ERROR_URGENT, CRITICAL: ERROR_CRITICAL, FATAL: ERROR_FATAL };

/** A `state` or `visualization` report, as far as it tells of the vehicle's path ahead. */
export type PathReport = ReportHeader & MotionFields;

export interface FleetTableOptions {
  readonly maps: readonly MapPlacement[];
  readonly capacity: number;
  readonly staleAfterMs: number;
}

export class FleetTable {
  readonly keys: string[] = [];
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly heading: Float64Array;
  /** Velocity east/north in the zone frame (m/s), from the vehicle's latest `velocity` (0 when it sends none). */
  readonly vx: Float64Array;
  readonly vy: Float64Array;
  /**
   * Ground speed (m/s) for the fleet list: the reported velocity when the vehicle sends one (VDA 5050 makes it
   * optional), else estimated from the distance between its last two positions over the time between them.
   */
  readonly speed: Float64Array;
  /**
   * 1 once {@link speed} is measured: the vehicle sent a velocity, or a second position to estimate it from. Until
   * then `speed` reads 0 and means nothing (a replay paused at its first instant has one position of each AGV).
   */
  readonly speedKnown: Uint8Array;
  /**
   * Feed time (ms) since which the AGV's speed has been below `standingSpeedMps` (data/traffic.json), NaN while it
   * drives: how long it has stood, for traffic prediction's blocked routes.
   */
  readonly standingSinceMs: Float64Array;
  /** Feed time (ms) of each AGV's latest pose, for the standing clock's gap test. */
  private readonly heardAtMs: Float64Array;
  /** 1 when the AGV has reported a position in a map the scene places. */
  readonly placed: Uint8Array;
  /**
   * Where each vehicle is drawn in the view's buffers, -1 until its first placed position: given then, and its own
   * for the table's life, so a fleet-list row finds its AGV in any later frame.
   */
  readonly drawSlot: Int32Array;
  /** Vehicles given a draw slot so far. */
  private drawn = 0;
  readonly loaded: Uint8Array;
  readonly battery: Float32Array;
  readonly errorLevel: Uint8Array;
  readonly stale: Uint8Array;
  readonly lastSeenMs: Float64Array;
  /** VDA 5050 major version each vehicle speaks (2 or 3), from its latest message. */
  readonly version: Uint8Array;
  /** The latest full state of each AGV (for its panel; not read per frame). */
  readonly latest: (AgvReport | undefined)[] = [];
  /**
   * The newest message (state or visualization, VDA 5050 3.0 only) that carried each vehicle's `intermediatePath`,
   * and the newest that carried its `plannedPath`; a state with no nodes left clears both (nothing lies ahead).
   */
  readonly intermediateFrom: (PathReport | undefined)[] = [];
  readonly plannedFrom: (PathReport | undefined)[] = [];
  /** Map ids vehicles reported that the scene does not place, each once, for the problems list. */
  readonly unknownMaps = new Set<string>();
  private readonly slot = new Map<string, number>();
  private readonly offline: Uint8Array;
  private readonly pose = new Float64Array(3);
  /** Time (ms) of each vehicle's latest placed position, for the speed estimate; NaN before the first. */
  private readonly placedAtMs: Float64Array;

  constructor(private readonly options: FleetTableOptions) {
    const n = options.capacity;
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.heading = new Float64Array(n);
    this.vx = new Float64Array(n);
    this.vy = new Float64Array(n);
    this.speed = new Float64Array(n);
    this.speedKnown = new Uint8Array(n);
    this.standingSinceMs = new Float64Array(n).fill(Number.NaN);
    this.heardAtMs = new Float64Array(n).fill(-Infinity);
    this.placedAtMs = new Float64Array(n).fill(Number.NaN);
    this.placed = new Uint8Array(n);
    this.drawSlot = new Int32Array(n).fill(-1);
    this.loaded = new Uint8Array(n);
    this.battery = new Float32Array(n).fill(Number.NaN);
    this.errorLevel = new Uint8Array(n);
    this.stale = new Uint8Array(n);
    this.lastSeenMs = new Float64Array(n);
    this.version = new Uint8Array(n);
    this.offline = new Uint8Array(n);
  }

  get count(): number {
    return this.keys.length;
  }

  /** How many AGVs are stale now (after {@link markStale}). */
  staleCount(): number {
    let n = 0;
    for (let i = 0; i < this.count; i++) n += this.stale[i]!;
    return n;
  }

  applyState(r: AgvReport): void {
    const i = this.slotOf(r.key, r.receivedMs, true);
    if (i < 0) return;
    this.version[i] = r.version;
    this.latest[i] = r;
    if (r.position) this.place(i, r.position.mapId, r.position.x, r.position.y, r.position.theta, r.receivedMs, r.velocity !== undefined);
    this.setVelocity(i, r);
    this.trackStanding(i, r.receivedMs);
    if (r.loads) this.loaded[i] = r.loads.length > 0 ? 1 : 0;
    if (r.battery) this.battery[i] = r.battery.chargePercent;
    if (r.nodeStates.length === 0) {
      this.intermediateFrom[i] = undefined;
      this.plannedFrom[i] = undefined;
    } else this.keepPaths(i, r);
    let worst = ERROR_NONE;
    for (const e of r.errors) worst = Math.max(worst, LEVEL[e.errorLevel]);
    this.errorLevel[i] = worst;
  }

  applyVisualization(r: VisualizationReport): void {
    const i = this.slotOf(r.key, r.receivedMs, true);
    if (i < 0) return;
    this.version[i] = r.version;
    if (r.position) this.place(i, r.position.mapId, r.position.x, r.position.y, r.position.theta, r.receivedMs, r.velocity !== undefined);
    this.setVelocity(i, r);
    this.trackStanding(i, r.receivedMs);
    this.keepPaths(i, r);
  }

  applyConnection(r: ConnectionReport): void {
    const i = this.slotOf(r.key, r.receivedMs, false);
    if (i < 0) return;
    this.version[i] = r.version;
    this.offline[i] = r.connectionState === 'OFFLINE' || r.connectionState === 'CONNECTIONBROKEN' ? 1 : 0;
    this.stale[i] = this.offline[i]!;
  }

  /** Marks AGVs silent for longer than the timeout (or offline) as stale; returns how many changed. */
  markStale(nowMs: number): number {
    let changed = 0;
    for (let i = 0; i < this.count; i++) {
      const s = this.offline[i] || nowMs - this.lastSeenMs[i]! > this.options.staleAfterMs ? 1 : 0;
      if (s !== this.stale[i]) {
        this.stale[i] = s;
        changed++;
      }
    }
    return changed;
  }

  /**
   * Writes every placed AGV into the view's buffers at its {@link drawSlot} (load drawn as an export container: the
   * wire does not say). Slots are handed out in order of first placement and never taken back (a vehicle once
   * placed stays placed), so slots 0 … {@link drawn} − 1 are all filled.
   */
  writeFrame(out: VehicleBuffers): void {
    for (let i = 0; i < this.count; i++) {
      const k = this.drawSlot[i]!;
      if (k < 0 || k >= out.x.length) continue;
      out.x[k] = this.x[i]!;
      out.y[k] = this.y[i]!;
      out.heading[k] = this.heading[i]!;
      out.load[k] = this.loaded[i] ? LOAD_EXPORT : LOAD_NONE;
    }
    out.count = Math.min(this.drawn, out.x.length);
  }

  /** The slot of `key` (a new one the first time; -1 when the table is full), touched at `receivedMs`. */
  private slotOf(key: string, receivedMs: number, alive: boolean): number {
    let i = this.slot.get(key);
    if (i === undefined) {
      if (this.keys.length === this.options.capacity) return -1;
      i = this.keys.length;
      this.keys.push(key);
      this.latest.push(undefined);
      this.intermediateFrom.push(undefined);
      this.plannedFrom.push(undefined);
      this.slot.set(key, i);
    }
    this.lastSeenMs[i] = receivedMs;
    if (alive) this.offline[i] = 0;
    if (!this.offline[i]) this.stale[i] = 0;
    return i;
  }

  /** Keeps `r` as the source of AGV i's intermediate and planned path where it carries one no older than the kept. */
  private keepPaths(i: number, r: PathReport): void {
    const mid = this.intermediateFrom[i];
    if (r.intermediatePath && !(mid && mid.timestampMs > r.timestampMs)) this.intermediateFrom[i] = r;
    const planned = this.plannedFrom[i];
    if (r.plannedPath && !(planned && planned.timestampMs > r.timestampMs)) this.plannedFrom[i] = r;
  }

  /**
   * Starts AGV i's standing clock when its speed falls below the standing speed, stops it when it drives. After a
   * silence longer than the stale timeout the clock starts afresh: nobody knows whether it stood all that time (a
   * simulation fast-forwarded to its start time sends its first poses hours apart).
   */
  private trackStanding(i: number, atMs: number): void {
    const gapMs = atMs - this.heardAtMs[i]!;
    this.heardAtMs[i] = atMs;
    if (this.speed[i]! >= STANDING_MPS) this.standingSinceMs[i] = Number.NaN;
    else if (Number.isNaN(this.standingSinceMs[i]!) || gapMs > this.options.staleAfterMs) this.standingSinceMs[i] = atMs;
  }

  /** VDA 5050 gives velocity in the vehicle's frame (vx ahead, vy to the left): turned into the zone frame. */
  private setVelocity(i: number, r: VisualizationReport): void {
    const v = r.velocity;
    const c = Math.cos(this.heading[i]!);
    const s = Math.sin(this.heading[i]!);
    const ahead = v?.vx ?? 0;
    const left = v?.vy ?? 0;
    this.vx[i] = c * ahead - s * left;
    this.vy[i] = s * ahead + c * left;
    if (!v) return;
    this.speed[i] = Math.hypot(ahead, left);
    this.speedKnown[i] = 1;
  }

  private place(i: number, mapId: string, x: number, y: number, theta: number, atMs: number, hasVelocity: boolean): void {
    if (mapToZone(this.options.maps, mapId, x, y, theta, this.pose)) {
      const dt = (atMs - this.placedAtMs[i]!) / 1000;
      if (!hasVelocity && dt > 0) {
        this.speed[i] = Math.hypot(this.pose[0]! - this.x[i]!, this.pose[1]! - this.y[i]!) / dt;
        this.speedKnown[i] = 1;
      }
      this.placedAtMs[i] = atMs;
      this.x[i] = this.pose[0]!;
      this.y[i] = this.pose[1]!;
      this.heading[i] = this.pose[2]!;
      this.placed[i] = 1;
      if (this.drawSlot[i] === -1) this.drawSlot[i] = this.drawn++;
    } else this.unknownMaps.add(mapId);
  }
}
