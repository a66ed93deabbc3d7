/**
 * A deterministic day (or more) at one zone of the smart gate, from its scene file. Trucks arrive by the hourly
 * profile, pass barriers and scanner bays, wait out checks, drop or pick up containers in a yard's loading slots
 * under its cranes, and leave. The AGVs ({@link AgvFleet}) carry each container across the border between the
 * yards, planned cell by cell by lifelong PIBT; every AGV footprint is checked for near misses each planner step.
 * This class owns the trucks, the barriers, scanners, loading slots and cranes, and the clock.
 *
 * Time advances by events (a truck arrives, a service ends, a crane finishes) and, while any AGV moves, by fixed
 * planner steps; when no AGV moves, steps stop until an event gives one a reason to. Same scene, options and
 * seed, same run, to the last bit: no wall clock, no Math.random.
 *
 * @example
 *   const sim = new Simulation(scene, { vehiclesPerDay: 3500, seed: 7 });
 *   sim.run();
 *   sim.kpis().cleared; // trucks that left during the day
 */
import type { CraneCycles } from '../domain/craneCycles';
import { fleetFrame, LOAD_EXPORT, LOAD_IMPORT, LOAD_NONE, QUEUED_ON_ROAD, type FleetFrame } from '../domain/fleetFrame';
import { seededRandom } from '../domain/random';
import type { Scene } from '../domain/sceneSchema';
import { AgvFleet, type AgvPlacement, type CommandResult, type FleetHost } from './AgvFleet';
import type { AgvMotion } from './AgvMotion';
import { CraneCycleWriter } from './CraneCycleWriter';
import { C_IN_DESTINATION, C_IN_ORIGIN, containers, LEG_EXPORT, LEG_IMPORT, newContainer, type Containers } from './containers';
import { EventQueue } from './EventQueue';
import { gateLayout, type GateLayout } from './gateLayout';
import { openSecondsUntil } from './openingHours';
import { QueueSpace } from './queueSpace';
import { pointAt } from './routeGeometry';
import { ServiceQueue } from './ServiceQueue';
import { simKpis, type HourRow, type SimKpis } from './simKpis';
import { simParams, type SimOptions, type SimParams } from './simParams';
import { itineraryKey, truckItineraries, type Itinerary } from './truckItinerary';
import { FLOW_EXPORT, truckArrivals, type TruckArrivals } from './truckArrivals';

const EV_ARRIVE = 0;
const EV_NEXT_OP = 1;
const EV_SERVER_DONE = 2;
const EV_CRANE_DONE = 3;
const EV_CONTAINER_READY = 4;
const EV_AGV_STEP = 5;
const EV_OPENING = 6;
const EV_HOUR = 7;
const EV_CHARGE_DONE = 8;

/** Crane jobs, kept in a crane's queue as entity × 4 + job. */
const JOB_TRUCK_DROP = 0;
const JOB_TRUCK_PICK = 1;
const JOB_AGV_LOAD = 2;
const JOB_AGV_UNLOAD = 3;

/** A crane's current job when the AGV it was for has been placed elsewhere by a forecast: it ends with no effect. */
const JOB_VOID = -2;

const WAIT_NONE = 0;
const WAIT_CONTAINER = 1;

export interface LogEntry {
  readonly t: number;
  readonly kind: 'contact' | 'near-miss' | 'charging' | 'command' | 'opening' | 'closing' | 'out-of-service' | 'back-in-service';
  readonly subject: string;
  readonly detail: string;
  /** Where it happened (east, north), for alerts that have a place. */
  readonly x?: number;
  readonly y?: number;
}

const LOG_LIMIT = 2000;

/**
 * One truck at a checkpoint, for the gate's own event feed (scripts/fleet.ts --gate-events): its service at a
 * barrier or a scanner bay done (`served`, with the facility), or its leaving the gate (`exited`, with the last
 * barrier it passed). `channel` is its customs risk channel (0 green, 1 yellow, 2 red).
 */
export interface TruckEvent {
  readonly kind: 'served' | 'exited';
  readonly truck: number;
  readonly facilityId: string | undefined;
  readonly facilityKind: 'barrier' | 'scanner-bay' | undefined;
  readonly channel: number;
  readonly t: number;
}

export class Simulation {
  /** Told of every truck served at a checkpoint and every truck leaving; unset (the default), nothing is made. */
  onTruck: ((e: TruckEvent) => void) | undefined;
  readonly params: SimParams;
  readonly layout: GateLayout;
  readonly arrivals: TruckArrivals;
  readonly frame: FleetFrame;
  /** 1 for each scene facility (by index) working at the current time: barrier or scanner serving, crane moving. */
  readonly facilityBusy: Uint8Array;
  /** Per scene facility, the move each crane is making and how far into its cycle, for the view (craneCycles.ts). */
  readonly craneCycles: CraneCycles;
  readonly endS: number;
  now = 0;
  readonly hourly: HourRow[] = [];
  /** The latest entries (at most 2,000); {@link logged} counts every entry ever made. */
  readonly log: LogEntry[] = [];
  logged = 0;
  readonly fleet: AgvFleet | undefined;
  /** Where waiting trucks stand: between stops, in the truck holding areas, on the road beyond them. */
  readonly queueSpace: QueueSpace;

  private readonly queue = new EventQueue();
  private readonly itineraries: Itinerary[];
  private readonly servers: ServiceQueue[];
  /** 1 while barrier or scanner k is out of service (an operator's fault drill): it serves no one, trucks queue. */
  private readonly serverDown: Uint8Array;
  /** Whether the opening hours have the checkpoints open now. */
  private hoursOpen = true;
  private readonly slots: ServiceQueue[];
  private readonly cranes: ServiceQueue[];
  /** Queues trucks stand in: barriers, scanner bays, yard loading slots. */
  private readonly truckQueues: ServiceQueue[];
  private readonly craneJob: Int32Array;
  private readonly craneCycleWriter: CraneCycleWriter;
  private readonly yardStock: Float64Array;
  private readonly yardStockMax: Float64Array;
  // Trucks.
  private readonly itin: Uint8Array;
  private readonly pc: Int32Array;
  private readonly heldServer: Int32Array;
  private readonly arcFrom: Float64Array;
  private readonly arcTo: Float64Array;
  private readonly tFrom: Float64Array;
  private readonly tTo: Float64Array;
  private readonly truckLoad: Uint8Array;
  private readonly truckWait: Uint8Array;
  private readonly insideAt: Int32Array;
  private readonly inside: Int32Array;
  private insideCount = 0;
  /** Time in system of each truck cleared, in order of leaving. */
  private readonly timeInSystem: Float64Array;
  private clearedCount = 0;
  private arrivedCount = 0;
  private readonly containers: Containers;
  private readonly containerOfTruck: Int32Array;
  private readonly containersAcross = { export: 0, import: 0 };
  private readonly pose = new Float64Array(3);
  /** Per truck, the stop of its route it waits at (for a server, a loading slot or its container), or -1. */
  private readonly waitStop: Int16Array;
  /** Per itinerary, per op: the index of the route stop it is done at (-1 before the first, stops.length after the last). */
  private readonly stopOfOp: Int16Array[];
  private readonly putTruck = (truck: number, x: number, y: number, heading: number, onRoad: boolean): void => {
    const trucks = this.frame.trucks;
    const slot = this.insideAt[truck]!;
    trucks.x[slot] = x;
    trucks.y[slot] = y;
    trucks.heading[slot] = heading;
    trucks.load[slot] = this.truckLoad[truck]! | (onRoad ? QUEUED_ON_ROAD : 0);
  };
  private hourArrived = 0;
  /** When the measured window began (the end of the warm-up), and the checkpoints' open seconds up to then. */
  private windowStartS = 0;
  private windowOpenS = 0;
  private hourCleared = 0;

  constructor(
    readonly scene: Scene,
    options: SimOptions = {},
  ) {
    const p = simParams(scene, options);
    this.params = p;
    this.endS = (p.warmupHours + p.hours) * 3600;
    this.layout = gateLayout(scene, p.agvs);
    const next = seededRandom(p.seed);
    this.arrivals = truckArrivals(scene.process, p.vehiclesPerDay, p.warmupHours + p.hours, next);
    this.itineraries = truckItineraries(scene, this.layout);
    const n = this.arrivals.count;
    this.servers = this.layout.servers.map((s) => new ServiceQueue(s.id, s.servers));
    this.serverDown = new Uint8Array(this.servers.length);
    this.slots = this.layout.yards.map((y) => new ServiceQueue(y.id, y.slots));
    this.cranes = this.layout.cranes.map((c) => new ServiceQueue(c.id, 1));
    this.truckQueues = [...this.servers, ...this.slots];
    this.craneJob = new Int32Array(this.cranes.length).fill(-1);
    this.yardStock = new Float64Array(this.layout.yards.length);
    this.yardStockMax = new Float64Array(this.layout.yards.length);
    this.waitStop = new Int16Array(n).fill(-1);
    this.stopOfOp = this.itineraries.map((it) => {
      let stop = -1;
      return Int16Array.from(it.ops, (op) => (op.kind === 'drive' ? ++stop : stop));
    });
    this.queueSpace = new QueueSpace(scene, this.layout, p.truckQueueSpacingM, p.truckHoldingReachM, n);
    this.itin = new Uint8Array(n);
    this.pc = new Int32Array(n);
    this.heldServer = new Int32Array(n).fill(-1);
    this.arcFrom = new Float64Array(n);
    this.arcTo = new Float64Array(n);
    this.tFrom = new Float64Array(n);
    this.tTo = new Float64Array(n);
    this.truckLoad = new Uint8Array(n);
    this.truckWait = new Uint8Array(n);
    this.insideAt = new Int32Array(n).fill(-1);
    this.inside = new Int32Array(n);
    this.timeInSystem = new Float64Array(n);
    // Room for one container more per AGV: a forecast may find AGVs loaded with containers of no simulated truck.
    this.containers = containers(2 * n + p.agvs);
    this.containerOfTruck = new Int32Array(n).fill(-1);
    const a = this.arrivals;
    for (let i = 0; i < n; i++) {
      this.itin[i] = itineraryKey(a.flow[i]!, a.twoWay[i]!, a.preDeclared[i]!, a.channel[i]!);
      this.truckLoad[i] = a.flow[i] === FLOW_EXPORT ? LOAD_EXPORT : LOAD_NONE;
      this.queue.push(a.time[i]!, EV_ARRIVE, i);
    }

    const agvs = this.layout.usesAgvs ? p.agvs : 0;
    this.fleet = agvs > 0 ? new AgvFleet(scene, this.layout, p, agvs, this.containers, this.fleetHost()) : undefined;
    if (this.layout.usesAgvs) this.scheduleImportContainers();

    this.frame = fleetFrame(agvs, n);
    this.facilityBusy = new Uint8Array(scene.facilities.length);
    this.craneCycleWriter = new CraneCycleWriter(scene, this.layout, this.frame, this.craneJob, this.insideAt);
    this.craneCycles = this.craneCycleWriter.cycles;
    this.scheduleOpenings();
    for (let h = 1; h <= Math.ceil(p.warmupHours + p.hours); h++) this.queue.push(Math.min(h * 3600, this.endS), EV_HOUR, h - 1);
  }

  get motion(): AgvMotion | undefined {
    return this.fleet?.motion;
  }

  /** Makes an AGV ignore its plan and drive on towards its goal (a fault injected to test the collision checks). */
  injectRogueAgv(i: number): void {
    if (!this.fleet) throw new RangeError(`no AGV ${i} to make rogue: this run has no AGVs`);
    this.fleet.injectRogue(i, this.now);
  }

  /** Ends the rogue drill: the AGV stops, waits until it stands clear of the others, then follows the plan again. */
  endRogueAgv(): void {
    this.fleet?.endRogue(this.now);
  }

  /**
   * An operator's command to AGV i (what a VDA 5050 `instantActions` or `order` asks): pause, resume, cancel its
   * order, or drive to a lane node (and with `wait`, stay there for a further goal instead of going back to the
   * jobs). Returns whether it was carried out, or why not.
   */
  command(
    i: number,
    c: { readonly kind: 'pause' | 'resume' | 'cancel' } | { readonly kind: 'goto'; readonly nodeId: string; readonly wait?: boolean },
  ): CommandResult {
    const fleet = this.fleet;
    if (!fleet || !Number.isInteger(i) || i < 0 || i >= fleet.n) return { ok: false, reason: `no AGV ${i + 1} in this run` };
    switch (c.kind) {
      case 'pause':
        return fleet.pause(i, this.now);
      case 'resume':
        return fleet.resume(i, this.now);
      case 'cancel':
        return fleet.cancel(i, this.now);
      case 'goto': {
        const k = this.scene.lanes.nodes.findIndex((n) => n.id === c.nodeId);
        if (k < 0) return { ok: false, reason: `no lane node "${c.nodeId}"` };
        return fleet.goTo(i, fleet.motion.vertexOfNode[k]!, this.now, c.wait ?? false);
      }
    }
  }

  /** Runs every event and planner step up to time `t` (clamped to the end of the run). */
  advanceTo(t: number): void {
    const until = Math.min(t, this.endS);
    while (this.queue.peekTime() <= until) {
      this.queue.pop();
      this.now = this.queue.time;
      this.handle(this.queue.type, this.queue.subject);
    }
    this.now = Math.max(this.now, until);
  }

  run(): SimKpis {
    this.advanceTo(this.endS);
    return this.kpis();
  }

  get done(): boolean {
    return this.now >= this.endS;
  }

  get trucksInside(): number {
    return this.insideCount;
  }

  get arrived(): number {
    return this.arrivedCount;
  }

  get cleared(): number {
    return this.clearedCount;
  }

  /**
   * Trucks waiting now: in a queue before a barrier, a scanner bay or a yard's loading slots, or for their import
   * container to come across by AGV.
   */
  get trucksWaiting(): number {
    let n = 0;
    for (const q of this.truckQueues) n += q.queueLength;
    for (let k = 0; k < this.insideCount; k++) if (this.truckWait[this.inside[k]!] === WAIT_CONTAINER) n++;
    return n;
  }

  /** Containers AGVs have delivered across the border so far, both ways. */
  get containersMoved(): number {
    return this.containersAcross.export + this.containersAcross.import;
  }

  /**
   * Puts every AGV where `placements` says, now, with the work it says (see {@link AgvFleet.place}); what the
   * AGVs were doing is dropped, crane moves for them included (one under way ends without effect).
   *
   * @example sim.placeAgvs(sim.motion!.vertex.map((v) => ({ vertex: v, loaded: false, goalNode: -1, paused: false })));
   */
  placeAgvs(placements: readonly AgvPlacement[]): void {
    const fleet = this.fleet;
    if (!fleet) throw new RangeError('no AGVs to place: this run has none');
    const t = this.now;
    for (let c = 0; c < this.cranes.length; c++) {
      this.cranes[c]!.dropWaiting(t, (job) => (job & 3) >= JOB_AGV_LOAD);
      const job = this.craneJob[c]!;
      if (job >= 0 && (job & 3) >= JOB_AGV_LOAD) this.craneJob[c] = JOB_VOID;
    }
    fleet.place(placements, t);
  }

  kpis(): SimKpis {
    const t = this.now;
    for (const q of [...this.truckQueues, ...this.cranes]) q.account(t);
    this.fleet?.account(t);
    this.queueSpace.account(t);
    const p = this.params;
    return simKpis({
      scene: this.scene.id,
      seed: p.seed,
      vehiclesPerDay: p.vehiclesPerDay,
      hours: p.hours,
      now: t - this.windowStartS,
      arrived: this.arrivedCount,
      cleared: this.clearedCount,
      inside: this.insideCount,
      timeInSystem: this.timeInSystem,
      containersAcross: this.containersAcross,
      yardStockMax: new Map(this.layout.yards.map((y, k) => [y.id, this.yardStockMax[k]!])),
      servers: this.servers,
      slots: this.slots,
      cranes: this.cranes,
      openSeconds: openSecondsUntil(this.scene.process.openingHours, t) - this.windowOpenS,
      fleet: this.fleet?.totals(),
      approaches: this.queueSpace.totals(),
      windowStartS: this.windowStartS,
      truckQueueSpacingM: p.truckQueueSpacingM,
    });
  }

  private handle(type: number, id: number): void {
    const t = this.now;
    switch (type) {
      case EV_ARRIVE:
        this.arrivedCount++;
        this.hourArrived++;
        this.insideAt[id] = this.insideCount;
        this.inside[this.insideCount++] = id;
        this.arcFrom[id] = 0;
        this.arcTo[id] = 0;
        this.runOps(id, t);
        return;
      case EV_NEXT_OP:
        this.pc[id]!++;
        this.runOps(id, t);
        return;
      case EV_SERVER_DONE: {
        const s = this.heldServer[id]!;
        this.heldServer[id] = -1;
        if (this.onTruck) {
          const spec = this.layout.servers[s]!;
          this.onTruck({ kind: 'served', truck: id, facilityId: spec.id, facilityKind: spec.kind, channel: this.arrivals.channel[id]!, t });
        }
        this.startServing(s, this.servers[s]!.release(t), t);
        this.pc[id]!++;
        this.runOps(id, t);
        return;
      }
      case EV_CRANE_DONE:
        this.craneDone(id, t);
        return;
      case EV_CONTAINER_READY:
        this.containers.state[id] = C_IN_ORIGIN;
        this.addStock(this.layout.agvLegs!.import.from, 2);
        this.fleet!.pushJob(id, t);
        return;
      case EV_AGV_STEP:
        this.fleet!.step(t);
        return;
      case EV_OPENING:
        this.setOpen(id === 1, t);
        return;
      case EV_HOUR:
        this.recordHour(id);
        if (id + 1 === this.params.warmupHours) this.startMeasuring(t);
        return;
      case EV_CHARGE_DONE:
        this.fleet!.chargeDone(id, t);
        return;
    }
  }

  /** Carries truck `i` through its itinerary from its current op until it has to wait for something. */
  private runOps(i: number, t: number): void {
    const ops = this.itineraries[this.itin[i]!]!.ops;
    const op = ops[this.pc[i]!]!;
    switch (op.kind) {
      case 'drive': {
        const from = this.arcTo[i]!;
        this.arcFrom[i] = from;
        this.arcTo[i] = op.arc;
        this.tFrom[i] = t;
        this.tTo[i] = t + Math.abs(op.arc - from) / this.params.truckSpeedMps;
        this.queue.push(this.tTo[i]!, EV_NEXT_OP, i);
        return;
      }
      case 'delay':
        this.arcFrom[i] = this.arcTo[i]!;
        this.tFrom[i] = t;
        this.tTo[i] = t;
        this.queue.push(t + op.seconds, EV_NEXT_OP, i);
        return;
      case 'server':
        if (this.servers[op.index]!.request(t, i)) this.startServing(op.index, i, t);
        else this.beginWait(i, t);
        return;
      case 'drop':
        if (this.slots[op.yard]!.request(t, i)) this.slotGranted(op.yard, i, t);
        else this.beginWait(i, t);
        return;
      case 'pick': {
        if (!this.layout.agvLegs) {
          this.queue.push(t, EV_NEXT_OP, i);
          return;
        }
        const c = this.containerOfTruck[i]!;
        if (c >= 0 && this.containers.state[c] === C_IN_DESTINATION) {
          if (this.slots[op.yard]!.request(t, i)) this.slotGranted(op.yard, i, t);
          else this.beginWait(i, t);
        } else {
          this.truckWait[i] = WAIT_CONTAINER;
          this.beginWait(i, t);
        }
        return;
      }
      case 'exit':
        this.exitTruck(i, t);
        return;
    }
  }

  private startServing(s: number, truck: number, t: number): void {
    if (truck < 0) return;
    this.endWait(truck, t);
    this.heldServer[truck] = s;
    this.queue.push(t + this.layout.servers[s]!.serviceS, EV_SERVER_DONE, truck);
  }

  /** Truck `i` waits at the stop of its route its current op is done at (it takes room there: queueSpace). */
  private beginWait(i: number, t: number): void {
    const stop = this.stopOfOp[this.itin[i]!]![this.pc[i]!]!;
    if (stop < 0) return;
    this.waitStop[i] = stop;
    this.queueSpace.join(this.arrivals.flow[i]!, stop, t);
  }

  /** Truck `i` stops waiting (served, given a slot, its container came); nothing when it was not waiting. */
  private endWait(i: number, t: number): void {
    const stop = this.waitStop[i]!;
    if (stop < 0) return;
    this.waitStop[i] = -1;
    this.queueSpace.leave(this.arrivals.flow[i]!, stop, t);
  }

  private exitTruck(i: number, t: number): void {
    this.onTruck?.({ kind: 'exited', truck: i, facilityId: undefined, facilityKind: undefined, channel: this.arrivals.channel[i]!, t });
    this.timeInSystem[this.clearedCount++] = t - this.arrivals.time[i]!;
    this.hourCleared++;
    const k = this.insideAt[i]!;
    const last = this.inside[--this.insideCount]!;
    this.inside[k] = last;
    this.insideAt[last] = k;
    this.insideAt[i] = -1;
  }

  private slotGranted(yard: number, truck: number, t: number): void {
    this.endWait(truck, t);
    const op = this.itineraries[this.itin[truck]!]!.ops[this.pc[truck]!]!;
    this.craneRequest(this.leastBusyCrane(yard), truck * 4 + (op.kind === 'drop' ? JOB_TRUCK_DROP : JOB_TRUCK_PICK), t);
  }

  /** What the AGV fleet may ask of the rest of the simulation. */
  private fleetHost(): FleetHost {
    return {
      scheduleStep: (t) => this.queue.push(t, EV_AGV_STEP, 0),
      scheduleChargeDone: (t, agv) => this.queue.push(t, EV_CHARGE_DONE, agv),
      craneRequest: (crane, agv, job, t) => this.craneRequest(crane, agv * 4 + (job === 'load' ? JOB_AGV_LOAD : JOB_AGV_UNLOAD), t),
      craneLoad: (c) => this.cranes[c]!.busy + this.cranes[c]!.queueLength,
      log: (t, kind, agv, detail, x, y) => this.pushLog(t, kind, agv, detail, x, y),
      addStock: (yard, teu) => this.addStock(yard, teu),
      newContainer: (leg) => {
        if (this.containers.count === this.containers.leg.length) throw new RangeError('no room for another container in this run');
        return newContainer(this.containers, leg, -1);
      },
    };
  }

  /** The crane of `yard` with the fewest moves in hand, for a truck. */
  private leastBusyCrane(yard: number): number {
    let best = -1;
    let bestLoad = Infinity;
    for (const c of this.layout.yards[yard]!.cranes) {
      const load = this.cranes[c]!.busy + this.cranes[c]!.queueLength;
      if (load < bestLoad) {
        best = c;
        bestLoad = load;
      }
    }
    if (best < 0) throw new Error(`yard "${this.layout.yards[yard]!.id}" has no crane`);
    return best;
  }

  private craneRequest(c: number, job: number, t: number): void {
    if (this.cranes[c]!.request(t, job)) this.craneStart(c, job, t);
  }

  private craneStart(c: number, job: number, t: number): void {
    if (job < 0) return;
    this.craneJob[c] = job;
    this.craneCycleWriter.begin(c, t);
    this.queue.push(t + this.layout.cranes[c]!.cycleS, EV_CRANE_DONE, c);
  }

  private craneDone(c: number, t: number): void {
    const job = this.craneJob[c]!;
    this.craneJob[c] = -1;
    this.craneStart(c, this.cranes[c]!.release(t), t);
    if (job === JOB_VOID) return;
    const who = job >> 2;
    const yard = this.layout.cranes[c]!.yard;
    switch (job & 3) {
      case JOB_TRUCK_DROP: {
        this.truckLoad[who] = LOAD_NONE;
        this.slotReleased(yard, t);
        if (this.fleet) {
          const k = newContainer(this.containers, LEG_EXPORT, who);
          this.containers.state[k] = C_IN_ORIGIN;
          this.addStock(yard, 2);
          this.fleet.pushJob(k, t);
        }
        this.queue.push(t, EV_NEXT_OP, who);
        return;
      }
      case JOB_TRUCK_PICK:
        this.truckLoad[who] = LOAD_IMPORT;
        this.addStock(yard, -2);
        this.slotReleased(yard, t);
        this.queue.push(t, EV_NEXT_OP, who);
        return;
      case JOB_AGV_LOAD:
        this.addStock(yard, -2);
        this.fleet!.loaded(who, t);
        return;
      case JOB_AGV_UNLOAD:
        this.agvUnloaded(this.fleet!.unloaded(who, t), yard, t);
        return;
    }
  }

  private slotReleased(yard: number, t: number): void {
    const next = this.slots[yard]!.release(t);
    if (next >= 0) this.slotGranted(yard, next, t);
  }

  private addStock(yard: number, teu: number): void {
    this.yardStock[yard]! += teu;
    if (this.yardStock[yard]! > this.yardStockMax[yard]!) this.yardStockMax[yard] = this.yardStock[yard]!;
  }

  /** Import containers wait in the counterpart export yard from their pre-advice (or declaration) on. */
  private scheduleImportContainers(): void {
    const a = this.arrivals;
    const declare = this.scene.process.serviceTimes.declarationAtGateS.value;
    for (let i = 0; i < a.count; i++) {
      if (a.flow[i] === FLOW_EXPORT && !a.twoWay[i]) continue;
      const k = newContainer(this.containers, LEG_IMPORT, i);
      this.containerOfTruck[i] = k;
      const ready = a.preDeclared[i] ? Math.max(0, a.time[i]! - this.params.importPreAdviceS) : a.time[i]! + declare;
      this.queue.push(ready, EV_CONTAINER_READY, k);
    }
  }

  /** A container has reached its destination yard by AGV; an import truck waiting for it goes on. */
  private agvUnloaded(container: number, yard: number, t: number): void {
    this.addStock(yard, 2);
    if (this.containers.leg[container] === LEG_EXPORT) {
      this.containersAcross.export++;
      return;
    }
    this.containersAcross.import++;
    const truck = this.containers.truck[container]!;
    if (truck >= 0 && this.truckWait[truck] === WAIT_CONTAINER) {
      this.truckWait[truck] = WAIT_NONE;
      this.endWait(truck, t);
      this.runOps(truck, t);
    }
  }

  private pushLog(t: number, kind: LogEntry['kind'], agv: number, detail: string, x?: number, y?: number): void {
    if (this.log.length === LOG_LIMIT) this.log.shift();
    this.logged++;
    this.log.push({ t, kind, subject: agv >= 0 ? `AGV ${agv + 1}` : this.scene.zone.id, detail, ...(x === undefined ? {} : { x, y }) });
  }

  private openHours(): { open: number; close: number } {
    const h = this.scene.process.openingHours;
    return { open: h.openHour * 3600, close: h.closeHour * 3600 };
  }

  private scheduleOpenings(): void {
    const { open, close } = this.openHours();
    if (open <= 0 && close >= 86400) return;
    this.hoursOpen = false;
    for (const s of this.servers) s.setOpen(0, false);
    for (let day = 0; day * 86400 < this.endS; day++) {
      this.queue.push(day * 86400 + open, EV_OPENING, 1);
      this.queue.push(day * 86400 + close, EV_OPENING, 0);
    }
  }

  private setOpen(open: boolean, t: number): void {
    this.hoursOpen = open;
    for (let k = 0; k < this.servers.length; k++) this.openServer(k, t);
    this.pushLog(t, open ? 'opening' : 'closing', -1, open ? 'barriers and scanners open' : 'barriers and scanners close');
  }

  /** Opens server k when the hours allow and it is in service, serving whoever waits; closes it otherwise. */
  private openServer(k: number, t: number): void {
    const s = this.servers[k]!;
    const open = this.hoursOpen && this.serverDown[k] === 0;
    s.setOpen(t, open);
    if (open) for (let next = s.next(); next >= 0; next = s.next()) this.startServing(k, next, t);
  }

  /**
   * Takes a barrier or scanner out of service (an operator's fault drill) or puts it back, now: while down it
   * starts no service (the truck in it finishes) and trucks queue before it; back in service it serves the queue.
   *
   * @example sim.setFacilityDown('vn-scanner-import', true); sim.advanceTo(sim.now + 600); // the queue grows
   */
  setFacilityDown(facilityId: string, down: boolean): void {
    const k = this.layout.servers.findIndex((s) => s.id === facilityId);
    if (k < 0) throw new RangeError(`no barrier or scanner "${facilityId}" in this simulation`);
    if (this.serverDown[k] === (down ? 1 : 0)) return;
    this.serverDown[k] = down ? 1 : 0;
    this.openServer(k, this.now);
    this.pushLog(this.now, down ? 'out-of-service' : 'back-in-service', -1, facilityId);
  }

  /**
   * The warm-up is over at `t`: every total the KPIs are worked out from starts afresh, so they speak of the measured
   * window only (trucks cleared in it, whenever they came; the longest queue from the one standing now).
   */
  private startMeasuring(t: number): void {
    for (const q of [...this.truckQueues, ...this.cranes]) q.resetTotals(t);
    this.fleet?.resetTotals(t);
    this.queueSpace.resetTotals(t);
    this.arrivedCount = 0;
    this.clearedCount = 0;
    this.containersAcross.export = 0;
    this.containersAcross.import = 0;
    this.yardStockMax.set(this.yardStock);
    this.windowStartS = t;
    this.windowOpenS = openSecondsUntil(this.scene.process.openingHours, t);
  }

  private recordHour(h: number): void {
    const queues: Record<string, number> = {};
    for (const q of this.truckQueues) queues[q.id] = q.queueLength;
    const holding: Record<string, number> = {};
    const roadQueueM: Record<string, number> = {};
    this.queueSpace.approaches.forEach((a, k) => {
      holding[a.id] = this.queueSpace.holding(k);
      roadQueueM[a.id] = this.queueSpace.roadMetres(k);
    });
    this.hourly.push({
      hour: h,
      arrived: this.hourArrived,
      cleared: this.hourCleared,
      inside: this.insideCount,
      agvsBusy: this.fleet?.busyCount() ?? 0,
      containersWaiting: this.fleet?.jobsWaiting() ?? 0,
      queues,
      holding,
      roadQueueM,
    });
    this.hourArrived = 0;
    this.hourCleared = 0;
  }

  /** Fills {@link frame} and {@link facilityBusy} for the current time; allocates nothing per vehicle. */
  writeFrame(): void {
    const t = this.now;
    const { agvs, trucks } = this.frame;
    if (this.fleet) this.fleet.writeFrame(t, agvs);
    else agvs.count = 0;
    trucks.count = this.insideCount;
    for (let k = 0; k < this.insideCount; k++) {
      const i = this.inside[k]!;
      const span = this.tTo[i]! - this.tFrom[i]!;
      const u = span <= 0 ? 1 : Math.max(0, Math.min(1, (t - this.tFrom[i]!) / span));
      this.placeTruck(k, i, this.arcFrom[i]! + (this.arcTo[i]! - this.arcFrom[i]!) * u);
    }
    this.placeWaitingTrucks();
    this.facilityBusy.fill(0);
    for (let k = 0; k < this.servers.length; k++) if (this.servers[k]!.busy > 0) this.facilityBusy[this.layout.servers[k]!.facility] = 1;
    for (let k = 0; k < this.cranes.length; k++) if (this.cranes[k]!.busy > 0) this.facilityBusy[this.layout.cranes[k]!.facility] = 1;
    this.craneCycleWriter.write(t);
    this.frame.version++;
  }

  /**
   * Waiting trucks where they stand (queueSpace): each queue front first (barriers, scanner bays, loading slots in
   * queue order; then trucks waiting for their import container, in order inside), between the stops of their
   * route, in the holding area, or on the road beyond it (flagged QUEUED_ON_ROAD, drawn tinted).
   */
  private placeWaitingTrucks(): void {
    const space = this.queueSpace;
    space.beginLayout();
    for (const q of this.truckQueues) {
      for (let w = 0; w < q.queueLength; w++) {
        const i = q.waitingAt(w);
        if (this.waitStop[i]! >= 0) space.add(i, this.arrivals.flow[i]!, this.waitStop[i]!);
      }
    }
    for (let k = 0; k < this.insideCount; k++) {
      const i = this.inside[k]!;
      if (this.truckWait[i] === WAIT_CONTAINER && this.waitStop[i]! >= 0) space.add(i, this.arrivals.flow[i]!, this.waitStop[i]!);
    }
    space.layout(this.putTruck);
  }

  private placeTruck(slot: number, i: number, arc: number): void {
    const trucks = this.frame.trucks;
    const flow = this.itineraries[this.itin[i]!]!.flow;
    pointAt(this.layout.routes[flow].line, Math.max(0, arc), this.pose);
    trucks.x[slot] = this.pose[0]!;
    trucks.y[slot] = this.pose[1]!;
    trucks.heading[slot] = this.pose[2]!;
    trucks.load[slot] = this.truckLoad[i]!;
  }
}
