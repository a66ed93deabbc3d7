/**
 * The simulated fleet as a fleet feed: every AGV a VDA 5050 vehicle ({@link FleetPublisher}), its messages put
 * through the same gate and fleet table as live and replayed ones ({@link FleetFeed}), so the fleet list, the
 * vehicle panel and the alerts read the same rows whatever the source. Like {@link SimRecorder}, but into the
 * feed instead of a file, on the simulated clock (ms = simulated seconds × 1000).
 *
 * The fleet is published when it is read (the console's 2 Hz snapshots, a vehicle's panel), at most once per
 * `periodS` of simulated time, not on every frame: encoding and checking 40 vehicles' messages costs about 7 ms,
 * which at 1000× would be paid on every frame for rows nobody reads in between. At 1× that is the same 2 Hz. The
 * speed in a row is the simulation's own (the publisher sends no velocity, and an estimate from two positions
 * far apart in simulated time would say little at high speed).
 *
 * Contacts and near misses come from the simulation's own checks (its log), not from the feed's: the
 * simulation sees every planner step, the feed only the poses it is sent.
 */
import type { MapPlacement } from '../../domain/sceneSchema';
import type { Simulation } from '../../sim/Simulation';
import { RECENT_EVENTS, type CollisionEvent } from '../FeedCollisions';
import { FleetFeed, type FeedCounts, type TrafficPack } from '../FleetFeed';
import type { VehicleDetail } from '../vehicleRow';
import { FleetPublisher } from '../live/FleetPublisher';

export interface SimFeedOptions {
  /** The scene's telemetry maps; the vehicles report in the first. */
  readonly maps: readonly MapPlacement[];
  /** Least simulated time between two publications of the fleet (s). */
  readonly periodS: number;
  readonly staleAfterMs: number;
}

/** The manufacturer the simulated vehicles report, as in recordings of the simulation: keys are `smartgate/AGV-001` …. */
const SIM_MANUFACTURER = 'smartgate';

/** How the simulation's log names the two AGVs of a contact or near miss (src/sim/AgvFleet.ts). */
const PAIR = /^AGV (\d+) and AGV (\d+)$/;

export class SimFeed {
  readonly feed: FleetFeed;
  private readonly publisher: FleetPublisher;
  private readonly period: number;
  private lastS = -Infinity;
  /** The simulation's log entries already looked at (its `logged` count). */
  private logged: number;
  private readonly events: CollisionEvent[] = [];

  constructor(
    private readonly sim: Simulation,
    o: SimFeedOptions,
  ) {
    const n = sim.fleet?.n ?? 0;
    this.publisher = new FleetPublisher(sim, { version: 2, manufacturer: SIM_MANUFACTURER, map: o.maps[0]! });
    this.feed = new FleetFeed({
      maps: o.maps,
      capacity: Math.max(1, n),
      staleAfterMs: o.staleAfterMs,
      facilityCount: 0,
      laneNodes: sim.scene.lanes.nodes,
    });
    this.period = o.periodS;
    this.logged = sim.logged;
    const ms = this.nowMs();
    for (let i = 0; i < n; i++) this.feed.receive(this.publisher.topic(i, 'connection'), JSON.stringify(this.publisher.connection(i, 'ONLINE', ms)), ms);
    this.tick();
  }

  /** Feeds the fleet at the simulation's current time when a period has passed since the last time. */
  private tick(): void {
    const s = this.sim.now;
    if (s - this.lastS < this.period) return;
    this.lastS = s;
    const ms = this.nowMs();
    this.publisher.tick(ms, (topic, message) => this.feed.receive(topic, JSON.stringify(message), ms));
  }

  /** The feed's rows and counts now, with the simulation's contacts and near misses. */
  counts(): FeedCounts {
    this.tick();
    this.feed.table.markStale(this.nowMs());
    this.collectEvents();
    const watch = this.sim.fleet?.watch;
    const counts = this.feed.counts();
    return {
      ...counts,
      vehicles: counts.vehicles.map((r) => ({ ...r, speedMps: this.speedOf(r.key) })),
      nearMisses: watch?.nearMisses ?? 0,
      contacts: watch?.contacts ?? 0,
      collisionEvents: this.events.slice(),
    };
  }

  /** Packs the fleet (published afresh when a period has passed) for traffic prediction, on the simulated clock. */
  packTraffic(): TrafficPack {
    this.tick();
    return this.feed.packTraffic(this.nowMs(), this.sim.now);
  }

  vehicle(key: string): VehicleDetail | undefined {
    this.tick();
    const d = this.feed.vehicle(key);
    return d && { ...d, row: { ...d.row, speedMps: this.speedOf(key) } };
  }

  /** The simulated AGV's speed now (m/s): the lane edge it is on over the time it takes to drive it. */
  private speedOf(key: string): number {
    const i = this.publisher.serials.indexOf(key.slice(key.indexOf('/') + 1));
    const m = this.sim.motion;
    if (i < 0 || !m || !m.isMoving(i, this.sim.now)) return 0;
    const g = m.graph;
    const a = m.fromVertex[i]!;
    const z = m.vertex[i]!;
    return Math.hypot(g.x[z]! - g.x[a]!, g.y[z]! - g.y[a]!) / (m.moveEnd[i]! - m.moveStart[i]!);
  }

  /** Takes the contacts and near misses logged since the last call, with the vehicles' keys. */
  private collectEvents(): void {
    const log = this.sim.log;
    const fresh = Math.min(this.sim.logged - this.logged, log.length);
    this.logged = this.sim.logged;
    for (let k = log.length - fresh; k < log.length; k++) {
      const e = log[k]!;
      if ((e.kind !== 'contact' && e.kind !== 'near-miss') || e.x === undefined || e.y === undefined) continue;
      const pair = PAIR.exec(e.detail);
      if (!pair) throw new Error(`cannot read the AGVs of a ${e.kind} from the simulation's log: "${e.detail}"`);
      if (this.events.length === RECENT_EVENTS) this.events.shift();
      this.events.push({ kind: e.kind, atS: e.t, x: e.x, y: e.y, a: this.keyOf(Number(pair[1])), b: this.keyOf(Number(pair[2])) });
    }
  }

  private keyOf(agvNumber: number): string {
    return `${SIM_MANUFACTURER}/${this.publisher.serials[agvNumber - 1] ?? `AGV-${agvNumber}`}`;
  }

  private nowMs(): number {
    return Math.round(this.sim.now * 1000);
  }
}
