/**
 * What the live feed and a replayed recording have in common: VDA 5050 messages, each through the
 * {@link MessageGate} into the {@link FleetTable} (orders sent to the vehicles into {@link OrderActions}), packed for the view into the buffer shared with the main
 * thread, and counted for the HUD (vehicles, stale ones, drops by reason, latency, the fleet list). The live
 * engine feeds it from MQTT with the wall clock; the replay engine from a recording with the recording's clock.
 */
import { SampleRing } from '../domain/SampleRing';
import { fleetFrame, type FleetFrame } from '../domain/fleetFrame';
import { alertBuffers, packedLength, packFrame, type FrameLayout } from '../domain/packedFrame';
import type { MapPlacement } from '../domain/sceneSchema';
import { META_ROUND, trafficInput, type TrafficInput } from '../domain/trafficFrame';
import { FeedCollisions, type FeedCollisionOptions } from './FeedCollisions';
import { FleetTable } from './live/FleetTable';
import type { SourceFleet } from './TelemetrySource';
import type { AgvReport } from './vda5050/agvReport';
import type { Decoded, DropReason } from './vda5050/decode';
import { MessageGate, type RecentDrop } from './vda5050/MessageGate';
import type { LaneNodePoint } from './traffic/LaneNodeGrid';
import { LeadPaths } from './traffic/LeadPaths';
import { OrderActions } from './traffic/OrderActions';
import { packTraffic, type CommitmentOf, type TrafficReaders } from './traffic/packTraffic';
import { RouteResolver } from './traffic/RouteResolver';
import { operatingStateOf, type VehicleDetail, type VehicleRow } from './vehicleRow';

export interface FleetFeedOptions {
  readonly maps: readonly MapPlacement[];
  /** Most AGVs shown. */
  readonly capacity: number;
  /** Silence after which an AGV is marked stale (ms); VDA 5050 asks for a state at least every 30 s. */
  readonly staleAfterMs: number;
  /** Facilities in the scene, so frames keep the simulation's layout (their busy flags stay 0). */
  readonly facilityCount: number;
  /** AGV size and safety figures for collision checks on the incoming fleet; none when absent. */
  readonly collision?: FeedCollisionOptions;
  /** The scene's lane nodes (zone frame), on which vehicles' routes are resolved for traffic prediction; none: no {@link FleetFeed.packTraffic}. */
  readonly laneNodes?: readonly LaneNodePoint[];
}

/** What a traffic pack hands back beside the shared buffer: the vehicle keys in input order, the round and its clock. */
export interface TrafficPack {
  /**
   * Every vehicle's key, in input order: the first `capacity` of them are packed; more keys than that tell the
   * page the fleet has outgrown the buffer (it hands over a larger one).
   */
  readonly keys: string[];
  readonly round: number;
  readonly clockS: number;
}

/** The feed's counts for the HUD and `window.__TWIN__.telemetry`: the common fleet part and the wire's figures. */
export interface FeedCounts extends SourceFleet {
  readonly received: number;
  readonly dropped: Readonly<Record<DropReason, number>>;
  /** The latest dropped messages, newest last, for the diagnostics panel. */
  readonly recentDrops: readonly RecentDrop[];
  /** 95th percentile of (arrival − the vehicle's timestamp) over the last 512 messages, ms. */
  readonly latencyMs: number;
  /** Map ids vehicles use that the scene does not place. */
  readonly unknownMaps: readonly string[];
}

const LATENCY_SAMPLES = 512;
/** Slower than this (m/s) a vehicle that has sent no state yet reads as standing: a position's jitter is not driving. */
const MOVING_MPS = 0.1;
/** Error levels, most severe first: the first of these among a vehicle's errors is its `topError`. */
const FATAL_FIRST = ['FATAL', 'CRITICAL', 'URGENT', 'WARNING'] as const;

export class FleetFeed {
  readonly table: FleetTable;
  readonly gate = new MessageGate();
  readonly layout: FrameLayout;
  private readonly frame: FleetFrame;
  private readonly busy: Uint8Array;
  private readonly alerts = alertBuffers();
  private buffer: Float32Array | undefined;
  private readonly collisions: FeedCollisions | undefined;
  private readonly latency = new SampleRing(LATENCY_SAMPLES);
  private readonly maps: readonly MapPlacement[];
  private readonly laneNodes: readonly LaneNodePoint[] | undefined;
  /** The orders master controls sent the vehicles, as seen on the wire: their blocking actions time the stops. */
  readonly orders = new OrderActions();
  private traffic: { readonly input: TrafficInput; readonly readers: TrafficReaders } | undefined;

  constructor(o: FleetFeedOptions) {
    this.maps = o.maps;
    this.laneNodes = o.laneNodes;
    this.table = new FleetTable({ maps: o.maps, capacity: o.capacity, staleAfterMs: o.staleAfterMs });
    this.layout = { agvCapacity: o.capacity, truckCapacity: 0, facilityCount: o.facilityCount };
    this.frame = fleetFrame(o.capacity, 0);
    this.busy = new Uint8Array(o.facilityCount);
    this.collisions = o.collision && new FeedCollisions(o.capacity, o.collision);
  }

  /** The buffer frames are packed into (length {@link packedLength} of the layout). */
  attach(buffer: Float32Array): void {
    if (buffer.length !== packedLength(this.layout)) throw new RangeError(`frame buffer of ${buffer.length} floats does not fit this feed`);
    this.buffer = buffer;
  }

  /**
   * The buffer the fleet is packed into for traffic prediction (`trafficInputBytes` of `capacity` and
   * `routeCap`; shared with the planner and collision workers). Throws when it is too small.
   */
  attachTraffic(buffer: ArrayBufferLike, capacity: number, routeCap: number): void {
    if (!this.laneNodes) throw new Error('traffic prediction needs the scene’s lane nodes: give laneNodes to the fleet feed');
    this.traffic = {
      input: trafficInput(capacity, routeCap, buffer),
      readers: { resolver: new RouteResolver(this.maps, this.laneNodes, routeCap), orders: this.orders, leads: new LeadPaths(this.maps, this.laneNodes) },
    };
  }

  /**
   * Marks silent AGVs stale and packs the fleet into the traffic buffer at `nowMs` on the feed's clock, stamped
   * `clockS`. The round goes on from the buffer's last one, so it keeps rising when a replay's seek rebuilds the feed.
   * `commitment` tells of the orders a master control keeps releasing (the live twin's own), by table index.
   */
  packTraffic(nowMs: number, clockS: number, commitment?: CommitmentOf): TrafficPack {
    if (!this.laneNodes) throw new Error('traffic prediction needs the scene’s lane nodes: give laneNodes to the fleet feed');
    if (!this.traffic) throw new Error('no traffic buffer: call attachTraffic() first');
    this.table.markStale(nowMs);
    const { input, readers } = this.traffic;
    packTraffic(this.table, readers, input, nowMs, clockS, commitment);
    return { keys: this.table.keys.slice(), round: input.meta[META_ROUND]!, clockS };
  }

  /**
   * One message off the wire or out of a recording, at `nowMs` on the feed's clock: checked, and when accepted
   * applied to the table. Returns the gate's verdict, so the caller can react to states (command results).
   */
  receive(topic: string, payload: Uint8Array | string, nowMs: number): Decoded {
    const d = this.gate.admit(topic, payload, nowMs);
    if (d.kind === 'dropped') return d;
    // Retained `connection` messages arrive as old as they are, and an order is a master control's, on its clock:
    // only state and visualization measure the feed.
    if (d.kind === 'state' || d.kind === 'visualization') this.latency.push(nowMs - d.report.timestampMs);
    if (d.kind === 'state') this.table.applyState(d.report);
    else if (d.kind === 'visualization') this.table.applyVisualization(d.report);
    else if (d.kind === 'connection') this.table.applyConnection(d.report);
    else this.orders.apply(d.report);
    return d;
  }

  /** Marks AGVs silent at `nowMs` stale, checks the fleet for collisions and packs the fleet into the attached buffer, stamped `clockS`. */
  pack(nowMs: number, clockS: number): void {
    if (!this.buffer) throw new Error('no frame buffer: call attach() first');
    this.table.markStale(nowMs);
    this.collisions?.check(this.table, nowMs, this.alerts);
    this.table.writeFrame(this.frame.agvs);
    packFrame(this.layout, clockS, this.frame, this.busy, this.alerts, this.buffer);
  }

  counts(): FeedCounts {
    const table = this.table;
    return {
      agvs: table.count,
      stale: table.staleCount(),
      received: this.gate.received,
      dropped: { ...this.gate.dropped },
      recentDrops: this.gate.recentDrops(),
      latencyMs: this.latency.percentile(0.95),
      unknownMaps: [...table.unknownMaps],
      vehicles: this.vehicleRows(),
      nearMisses: this.collisions?.nearMisses ?? 0,
      contacts: this.collisions?.contacts ?? 0,
      collisionEvents: this.collisions?.recentEvents() ?? [],
    };
  }

  /** The detail of vehicle `key` (`manufacturer/serial`), or undefined when it has not spoken. */
  vehicle(key: string): VehicleDetail | undefined {
    const t = this.table;
    const i = t.keys.indexOf(key);
    if (i < 0) return undefined;
    const state = t.latest[i];
    return { row: this.rowOf(i), placed: t.placed[i] === 1, x: t.x[i]!, y: t.y[i]!, headingRad: t.heading[i]!, ...(state ? { state } : {}) };
  }

  private vehicleRows(): VehicleRow[] {
    return this.table.keys.map((_, i) => this.rowOf(i));
  }

  /** Row of table slot i. */
  private rowOf(i: number): VehicleRow {
    const table = this.table;
    const key = table.keys[i]!;
    const s = table.latest[i];
    let warnings = 0;
    let fatals = 0;
    let worst: (typeof FATAL_FIRST)[number] | undefined;
    let top: AgvReport['errors'][number] | undefined;
    for (const e of s?.errors ?? []) {
      if (e.errorLevel === 'WARNING' || e.errorLevel === 'URGENT') warnings++;
      else fatals++;
      if (worst === undefined || FATAL_FIRST.indexOf(e.errorLevel) < FATAL_FIRST.indexOf(worst)) {
        worst = e.errorLevel;
        top = e;
      }
    }
    const stale = table.stale[i] === 1;
    return {
      key,
      serialNumber: key.slice(key.indexOf('/') + 1),
      slot: table.drawSlot[i]!,
      stale,
      // Before its first state a vehicle has only been seen moving (visualization): driving when it moves, as the map shows.
      operatingState: operatingStateOf({
        stale,
        fatals,
        ...(s ? { paused: s.paused, driving: s.driving, charging: s.battery?.charging } : { driving: table.speed[i]! > MOVING_MPS }),
      }),
      placed: table.placed[i] === 1,
      x: table.x[i]!,
      y: table.y[i]!,
      // One position says nothing of speed: a driving AGV would read 0 m/s.
      ...(table.speedKnown[i] ? { speedMps: table.speed[i]! } : {}),
      loaded: table.loaded[i] === 1,
      hasOrder: Boolean(s?.orderId),
      errors: s?.errors.length ?? 0,
      warnings,
      fatals,
      ...(top ? { topError: `${top.errorType}${top.errorDescription ? `: ${top.errorDescription}` : ''}` } : {}),
      ...(s?.battery ? { batteryPercent: s.battery.chargePercent, charging: s.battery.charging } : {}),
      ...(s?.paused === undefined ? {} : { paused: s.paused }),
      ...(s?.driving === undefined ? {} : { driving: s.driving }),
      ...(s?.lastNodeId ? { lastNodeId: s.lastNodeId } : {}),
    };
  }
}
