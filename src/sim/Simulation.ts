/**
 * A deterministic day (or more) at one zone of the smart gate, from its scene file. Trucks arrive by the hourly
 * profile, pass barriers and scanner bays, wait out checks, drop or pick up containers in a yard's loading slots
 * under its cranes, and leave; AGVs carry each container across the border between the yards, planned cell by
 * cell by lifelong PIBT ({@link AgvMotion}); every AGV footprint is checked for near misses each planner step.
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
import { boxSet, type BoxSet } from '../collision/boxSet';
import { CONTACT, NEAR_MISS } from '../collision/classifyPair';
import { CollisionChecker } from '../collision/CollisionChecker';
import { fleetFrame, LOAD_EXPORT, LOAD_IMPORT, LOAD_NONE, type FleetFrame } from '../domain/fleetFrame';
import { seededRandom } from '../domain/random';
import type { Scene } from '../domain/sceneSchema';
import { AgvMotion } from './AgvMotion';
import { EventQueue } from './EventQueue';
import { gateLayout, type GateLayout } from './gateLayout';
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

export const AGV_IDLE = 0;
export const AGV_TO_PICK = 1;
export const AGV_AT_PICK = 2;
export const AGV_TO_DROP = 3;
export const AGV_AT_DROP = 4;
export const AGV_TO_CHARGE = 5;
export const AGV_CHARGING = 6;
/** Idle, driving to a parking bay (idle AGVs on a one-way lane would block it). */
export const AGV_TO_PARK = 7;

const WAIT_NONE = 0;
const WAIT_CONTAINER = 1;

/** Container states. */
const C_PENDING = 0;
const C_IN_ORIGIN = 1;
const C_ON_AGV = 2;
const C_IN_DESTINATION = 3;

export interface LogEntry {
  readonly t: number;
  readonly kind: 'contact' | 'near-miss' | 'charging' | 'opening' | 'closing';
  readonly subject: string;
  readonly detail: string;
  /** Where it happened (east, north), for alerts that have a place. */
  readonly x?: number;
  readonly y?: number;
}

const LOG_LIMIT = 2000;

export class Simulation {
  readonly params: SimParams;
  readonly layout: GateLayout;
  readonly arrivals: TruckArrivals;
  readonly frame: FleetFrame;
  /** 1 for each scene facility (by index) working at the current time: barrier or scanner serving, crane moving. */
  readonly facilityBusy: Uint8Array;
  readonly endS: number;
  now = 0;
  readonly hourly: HourRow[] = [];
  /** The latest entries (at most 2,000); {@link logged} counts every entry ever made. */
  readonly log: LogEntry[] = [];
  logged = 0;
  readonly motion: AgvMotion | undefined;

  private readonly queue = new EventQueue();
  private readonly itineraries: Itinerary[];
  private readonly servers: ServiceQueue[];
  private readonly slots: ServiceQueue[];
  private readonly cranes: ServiceQueue[];
  /** Queues trucks stand in: barriers, scanner bays, yard loading slots. */
  private readonly truckQueues: ServiceQueue[];
  private readonly craneJob: Int32Array;
  private readonly yardStock: Float64Array;
  readonly yardStockMax: Float64Array;
  // Trucks.
  private readonly itin: Uint8Array;
  private readonly pc: Int32Array;
  private readonly heldServer: Int32Array;
  private readonly arcFrom: Float64Array;
  private readonly arcTo: Float64Array;
  private readonly tFrom: Float64Array;
  private readonly tTo: Float64Array;
  private readonly truckLoad: Uint8Array;
  private readonly truckContainer: Int32Array;
  private readonly truckWait: Uint8Array;
  private readonly insideAt: Int32Array;
  private readonly inside: Int32Array;
  private insideCount = 0;
  readonly timeInSystem: Float64Array;
  cleared = 0;
  arrived = 0;
  // Containers: one per export truck drop, one per import pick-up.
  private readonly containerFlow: Uint8Array;
  private readonly containerTruck: Int32Array;
  private readonly containerState: Uint8Array;
  private containerCount = 0;
  private readonly containerOfTruck: Int32Array;
  /** Containers waiting for an AGV, one first-in-first-out list per leg (0 export, 1 import). */
  private readonly jobs: [Int32Array, Int32Array];
  private readonly jobHead = new Int32Array(2);
  private readonly jobTail = new Int32Array(2);
  private jobSeconds = 0;
  jobQueueMax = 0;
  private jobLastT = 0;
  containersAcross = { export: 0, import: 0 };
  // AGVs.
  readonly agvState: Uint8Array;
  private readonly agvContainer: Int32Array;
  private readonly agvCrane: Int32Array;
  readonly battery: Float64Array;
  private readonly chargeVertices: Int32Array;
  private readonly chargeTaken: Int32Array;
  private readonly parkVertices: Int32Array;
  private readonly parkTaken: Int32Array;
  private stepping = false;
  private agvBusySeconds = 0;
  loadedMoves = 0;
  emptyMoves = 0;
  nearMisses = 0;
  contacts = 0;
  private readonly boxes: BoxSet;
  private readonly checker: CollisionChecker | undefined;
  private activePairs = new Set<number>();
  private seenPairs = new Set<number>();
  private readonly pose = new Float64Array(3);
  private hourArrived = 0;
  private hourCleared = 0;

  constructor(
    readonly scene: Scene,
    options: SimOptions = {},
  ) {
    const p = simParams(scene, options);
    this.params = p;
    this.endS = p.hours * 3600;
    this.layout = gateLayout(scene, p.agvs);
    const next = seededRandom(p.seed);
    this.arrivals = truckArrivals(scene.process, p.vehiclesPerDay, p.hours, next);
    this.itineraries = truckItineraries(scene, this.layout);
    const n = this.arrivals.count;
    this.servers = this.layout.servers.map((s) => new ServiceQueue(s.id, s.servers));
    this.slots = this.layout.yards.map((y) => new ServiceQueue(y.id, y.slots));
    this.cranes = this.layout.cranes.map((c) => new ServiceQueue(c.id, 1));
    this.truckQueues = [...this.servers, ...this.slots];
    this.craneJob = new Int32Array(this.cranes.length).fill(-1);
    this.yardStock = new Float64Array(this.layout.yards.length);
    this.yardStockMax = new Float64Array(this.layout.yards.length);
    this.itin = new Uint8Array(n);
    this.pc = new Int32Array(n);
    this.heldServer = new Int32Array(n).fill(-1);
    this.arcFrom = new Float64Array(n);
    this.arcTo = new Float64Array(n);
    this.tFrom = new Float64Array(n);
    this.tTo = new Float64Array(n);
    this.truckLoad = new Uint8Array(n);
    this.truckContainer = new Int32Array(n).fill(-1);
    this.truckWait = new Uint8Array(n);
    this.insideAt = new Int32Array(n).fill(-1);
    this.inside = new Int32Array(n);
    this.timeInSystem = new Float64Array(n);
    this.containerFlow = new Uint8Array(2 * n);
    this.containerTruck = new Int32Array(2 * n).fill(-1);
    this.containerState = new Uint8Array(2 * n);
    this.containerOfTruck = new Int32Array(n).fill(-1);
    this.jobs = [new Int32Array(n), new Int32Array(n)];
    const a = this.arrivals;
    for (let i = 0; i < n; i++) {
      this.itin[i] = itineraryKey(a.flow[i]!, a.twoWay[i]!, a.preDeclared[i]!, a.channel[i]!);
      this.truckLoad[i] = a.flow[i] === FLOW_EXPORT ? LOAD_EXPORT : LOAD_NONE;
      this.queue.push(a.time[i]!, EV_ARRIVE, i);
    }

    const agvs = this.layout.usesAgvs ? p.agvs : 0;
    this.motion = agvs > 0 ? new AgvMotion(scene.lanes.nodes, scene.lanes.edges, agvs, {
            cellLengthM: p.cellLengthM,
            maxSpeedMps: scene.fleet.agv.maxSpeedMps.value,
            lengthM: scene.fleet.agv.lengthM.value,
            widthM: scene.fleet.agv.widthM.value,
            clearanceM: p.collision.nearMissClearanceM,
          }, p.seed) : undefined;
    this.agvState = new Uint8Array(agvs);
    this.agvContainer = new Int32Array(agvs).fill(-1);
    this.agvCrane = new Int32Array(agvs).fill(-1);
    this.battery = new Float64Array(agvs).fill(1);
    const charge = scene.lanes.nodes.flatMap((node, k) => (node.role === 'charge' && this.motion ? [this.motion.vertexOfNode[k]!] : []));
    this.chargeVertices = Int32Array.from(charge);
    this.chargeTaken = new Int32Array(charge.length).fill(-1);
    const park = scene.lanes.nodes.flatMap((node, k) => (node.role === 'park' && this.motion ? [this.motion.vertexOfNode[k]!] : []));
    this.parkVertices = Int32Array.from(park);
    this.parkTaken = new Int32Array(park.length).fill(-1);
    for (let i = 0; i < agvs; i++) this.goIdle(i, 0);
    this.boxes = boxSet(Math.max(1, agvs));
    this.checker = agvs > 1 ? new CollisionChecker(agvs, p.collision) : undefined;
    if (this.layout.usesAgvs) this.scheduleImportContainers();

    this.frame = fleetFrame(agvs, n);
    this.facilityBusy = new Uint8Array(scene.facilities.length);
    this.scheduleOpenings();
    for (let h = 1; h <= Math.ceil(p.hours); h++) this.queue.push(Math.min(h * 3600, this.endS), EV_HOUR, h - 1);
  }

  /** Makes an AGV ignore its plan and drive on towards its goal (a fault injected to test the collision checks). */
  injectRogueAgv(i: number): void {
    if (!this.motion || i < 0 || i >= this.motion.n) throw new RangeError(`no AGV ${i} to make rogue`);
    this.motion.rogue = i;
    this.ensureStepping(this.now);
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

  kpis(): SimKpis {
    const t = this.now;
    for (const q of [...this.truckQueues, ...this.cranes]) q.account(t);
    this.accountJobs(t);
    return simKpis(this, {
      servers: this.servers,
      slots: this.slots,
      cranes: this.cranes,
      jobSeconds: this.jobSeconds,
      agvBusySeconds: this.agvBusySeconds,
      openSeconds: this.openSecondsUntil(t),
    });
  }

  private handle(type: number, id: number): void {
    const t = this.now;
    switch (type) {
      case EV_ARRIVE:
        this.arrived++;
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
        this.startServing(s, this.servers[s]!.release(t), t);
        this.pc[id]!++;
        this.runOps(id, t);
        return;
      }
      case EV_CRANE_DONE:
        this.craneDone(id, t);
        return;
      case EV_CONTAINER_READY:
        this.containerState[id] = C_IN_ORIGIN;
        this.addStock(this.layout.agvLegs!.import.from, 2);
        this.pushJob(id, t);
        this.dispatch(t);
        return;
      case EV_AGV_STEP:
        this.agvStep(t);
        return;
      case EV_OPENING:
        this.setOpen(id === 1, t);
        return;
      case EV_HOUR:
        this.recordHour(id);
        return;
      case EV_CHARGE_DONE:
        this.battery[id] = 1;
        this.releaseCharger(id);
        this.motion!.hold[id] = 0;
        this.goIdle(id, t);
        this.dispatch(t);
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
        return;
      case 'drop':
        if (this.slots[op.yard]!.request(t, i)) this.slotGranted(op.yard, i, t);
        return;
      case 'pick': {
        if (!this.layout.agvLegs) {
          this.queue.push(t, EV_NEXT_OP, i);
          return;
        }
        const c = this.containerOfTruck[i]!;
        if (c >= 0 && this.containerState[c] === C_IN_DESTINATION) {
          if (this.slots[op.yard]!.request(t, i)) this.slotGranted(op.yard, i, t);
        } else this.truckWait[i] = WAIT_CONTAINER;
        return;
      }
      case 'exit':
        this.exitTruck(i, t);
        return;
    }
  }

  private startServing(s: number, truck: number, t: number): void {
    if (truck < 0) return;
    this.heldServer[truck] = s;
    this.queue.push(t + this.layout.servers[s]!.serviceS, EV_SERVER_DONE, truck);
  }

  private exitTruck(i: number, t: number): void {
    this.timeInSystem[this.cleared++] = t - this.arrivals.time[i]!;
    this.hourCleared++;
    const k = this.insideAt[i]!;
    const last = this.inside[--this.insideCount]!;
    this.inside[k] = last;
    this.insideAt[last] = k;
    this.insideAt[i] = -1;
  }

  private slotGranted(yard: number, truck: number, t: number): void {
    const op = this.itineraries[this.itin[truck]!]!.ops[this.pc[truck]!]!;
    this.craneRequest(this.leastBusyCrane(yard, false), truck * 4 + (op.kind === 'drop' ? JOB_TRUCK_DROP : JOB_TRUCK_PICK), t);
  }

  private leastBusyCrane(yard: number, needsLane: boolean): number {
    let best = -1;
    let bestLoad = Infinity;
    for (const c of this.layout.yards[yard]!.cranes) {
      if (needsLane && this.layout.cranes[c]!.laneNode < 0) continue;
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
    this.queue.push(t + this.layout.cranes[c]!.cycleS, EV_CRANE_DONE, c);
  }

  private craneDone(c: number, t: number): void {
    const job = this.craneJob[c]!;
    this.craneJob[c] = -1;
    this.craneStart(c, this.cranes[c]!.release(t), t);
    const who = job >> 2;
    const yard = this.layout.cranes[c]!.yard;
    switch (job & 3) {
      case JOB_TRUCK_DROP: {
        this.truckLoad[who] = LOAD_NONE;
        this.slotReleased(yard, t);
        if (this.layout.agvLegs) {
          const k = this.newContainer(0, who);
          this.containerState[k] = C_IN_ORIGIN;
          this.addStock(yard, 2);
          this.pushJob(k, t);
          this.dispatch(t);
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
        this.containerState[this.agvContainer[who]!] = C_ON_AGV;
        this.sendToDrop(who, t);
        this.dispatch(t);
        return;
      case JOB_AGV_UNLOAD:
        this.agvUnloaded(who, yard, t);
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

  private newContainer(flow: number, truck: number): number {
    const k = this.containerCount++;
    this.containerFlow[k] = flow;
    this.containerTruck[k] = truck;
    this.containerState[k] = C_PENDING;
    return k;
  }

  /** Import containers wait in the counterpart export yard from their pre-advice (or declaration) on. */
  private scheduleImportContainers(): void {
    const a = this.arrivals;
    const declare = this.scene.process.serviceTimes.declarationAtGateS.value;
    for (let i = 0; i < a.count; i++) {
      if (a.flow[i] === FLOW_EXPORT && !a.twoWay[i]) continue;
      const k = this.newContainer(1, i);
      this.containerOfTruck[i] = k;
      const ready = a.preDeclared[i] ? Math.max(0, a.time[i]! - this.params.importPreAdviceS) : a.time[i]! + declare;
      this.queue.push(ready, EV_CONTAINER_READY, k);
    }
  }

  private pushJob(container: number, t: number): void {
    this.accountJobs(t);
    const leg = this.containerFlow[container]!;
    this.jobs[leg as 0 | 1][this.jobTail[leg]!++] = container;
    const waiting = this.jobsWaiting();
    if (waiting > this.jobQueueMax) this.jobQueueMax = waiting;
  }

  private jobsWaiting(): number {
    return this.jobTail[0]! - this.jobHead[0]! + this.jobTail[1]! - this.jobHead[1]!;
  }

  private accountJobs(t: number): void {
    this.jobSeconds += this.jobsWaiting() * (t - this.jobLastT);
    this.jobLastT = t;
  }

  /**
   * Gives waiting containers to idle AGVs: each idle AGV, in index order, takes the oldest container of the leg
   * whose loading crane is nearest to it, so an AGV that has just delivered on one side carries a container back.
   * AGVs low on battery go to charge first.
   */
  private dispatch(t: number): void {
    const m = this.motion;
    if (!m) return;
    for (let i = 0; i < m.n; i++) {
      if (this.isAvailable(i) && this.battery[i]! < this.params.agvLowBatteryShare) this.sendToCharge(i, t);
    }
    const legs = this.layout.agvLegs!;
    for (let i = 0; i < m.n && this.jobsWaiting() > 0; i++) {
      if (!this.isAvailable(i)) continue;
      let bestLeg = -1;
      let bestCrane = -1;
      let bestD = Infinity;
      for (let leg = 0; leg < 2; leg++) {
        if (this.jobHead[leg] === this.jobTail[leg]) continue;
        const crane = this.leastBusyCrane(leg === 0 ? legs.export.from : legs.import.from, true);
        const d = m.distance(m.vertexOfNode[this.layout.cranes[crane]!.laneNode]!, m.vertex[i]!);
        if (d < bestD) {
          bestLeg = leg;
          bestCrane = crane;
          bestD = d;
        }
      }
      if (bestLeg < 0) return;
      this.accountJobs(t);
      this.leavePark(i);
      const container = this.jobs[bestLeg as 0 | 1][this.jobHead[bestLeg]!++]!;
      this.agvState[i] = AGV_TO_PICK;
      this.agvContainer[i] = container;
      this.agvCrane[i] = bestCrane;
      m.goal[i] = m.vertexOfNode[this.layout.cranes[bestCrane]!.laneNode]!;
      this.ensureStepping(t);
    }
  }

  private sendToDrop(i: number, t: number): void {
    const m = this.motion!;
    const container = this.agvContainer[i]!;
    const leg = this.containerFlow[container] === 0 ? this.layout.agvLegs!.export : this.layout.agvLegs!.import;
    const crane = this.leastBusyCrane(leg.to, true);
    this.agvState[i] = AGV_TO_DROP;
    this.agvCrane[i] = crane;
    m.goal[i] = m.vertexOfNode[this.layout.cranes[crane]!.laneNode]!;
    m.hold[i] = 0;
    this.ensureStepping(t);
  }

  private agvUnloaded(i: number, yard: number, t: number): void {
    const m = this.motion!;
    const container = this.agvContainer[i]!;
    this.containerState[container] = C_IN_DESTINATION;
    this.addStock(yard, 2);
    if (this.containerFlow[container] === 0) this.containersAcross.export++;
    else {
      this.containersAcross.import++;
      const truck = this.containerTruck[container]!;
      if (this.truckWait[truck] === WAIT_CONTAINER) {
        this.truckWait[truck] = WAIT_NONE;
        this.runOps(truck, t);
      }
    }
    this.agvContainer[i] = -1;
    this.agvCrane[i] = -1;
    m.hold[i] = 0;
    this.goIdle(i, t);
    this.dispatch(t);
  }

  /** AGV i has nothing to do: it drives to the nearest free parking bay, or stays where it is if none is free. */
  private goIdle(i: number, t: number): void {
    const m = this.motion!;
    this.agvState[i] = AGV_IDLE;
    m.goal[i] = m.vertex[i]!;
    let best = -1;
    let bestD = Infinity;
    for (let k = 0; k < this.parkVertices.length; k++) {
      if (this.parkTaken[k]! >= 0) continue;
      const d = m.distance(this.parkVertices[k]!, m.vertex[i]!);
      if (d < bestD) {
        best = k;
        bestD = d;
      }
    }
    if (best < 0) return;
    this.parkTaken[best] = i;
    this.agvState[i] = AGV_TO_PARK;
    m.goal[i] = this.parkVertices[best]!;
    this.ensureStepping(t);
  }

  private leavePark(i: number): void {
    const k = this.parkTaken.indexOf(i);
    if (k >= 0) this.parkTaken[k] = -1;
  }

  private isAvailable(i: number): boolean {
    const st = this.agvState[i];
    return st === AGV_IDLE || st === AGV_TO_PARK;
  }

  private sendToCharge(i: number, t: number): void {
    const free = this.chargeTaken.indexOf(-1);
    if (free < 0) return;
    this.leavePark(i);
    this.chargeTaken[free] = i;
    this.agvState[i] = AGV_TO_CHARGE;
    this.motion!.goal[i] = this.chargeVertices[free]!;
    this.pushLog(t, 'charging', i, `battery ${Math.round(this.battery[i]! * 100)} %`);
    this.ensureStepping(t);
  }

  private releaseCharger(i: number): void {
    const k = this.chargeTaken.indexOf(i);
    if (k >= 0) this.chargeTaken[k] = -1;
  }

  private ensureStepping(t: number): void {
    if (this.stepping || !this.motion) return;
    this.stepping = true;
    const s = this.motion.stepS;
    this.queue.push(Math.ceil(t / s - 1e-9) * s, EV_AGV_STEP, 0);
  }

  /** One planner step: AGVs that reached their goal start work there, footprints are checked, the next moves start. */
  private agvStep(t: number): void {
    const m = this.motion!;
    this.arrivalsAt(t);
    this.checkCollisions(t);
    const active = m.step(t);
    const drain = m.stepS / this.params.agvSecondsPerCharge;
    let wants = false;
    for (let i = 0; i < m.n; i++) {
      const st = this.agvState[i]!;
      if (st !== AGV_IDLE && st !== AGV_TO_PARK) this.agvBusySeconds += m.stepS;
      if (st !== AGV_IDLE && st !== AGV_CHARGING) this.battery[i] = Math.max(0, this.battery[i]! - drain);
      if (m.moveStart[i] === t && m.fromVertex[i] !== m.vertex[i]) {
        if (this.agvContainer[i]! >= 0 && st === AGV_TO_DROP) this.loadedMoves++;
        else this.emptyMoves++;
      }
      if (!m.hold[i] && m.vertex[i] !== m.goal[i]) wants = true;
      if ((st === AGV_TO_PICK || st === AGV_TO_DROP || st === AGV_TO_CHARGE || st === AGV_TO_PARK) && m.vertex[i] === m.goal[i]) wants = true;
    }
    if (active > 0 || wants) this.queue.push(t + m.stepS, EV_AGV_STEP, 0);
    else this.stepping = false;
  }

  private arrivalsAt(t: number): void {
    const m = this.motion!;
    for (let i = 0; i < m.n; i++) {
      if (m.moveLeft[i]! > 0 || m.vertex[i] !== m.goal[i] || t < m.moveEnd[i]!) continue;
      switch (this.agvState[i]) {
        case AGV_TO_PICK:
          this.agvState[i] = AGV_AT_PICK;
          m.hold[i] = 1;
          this.craneRequest(this.agvCrane[i]!, i * 4 + JOB_AGV_LOAD, t);
          break;
        case AGV_TO_DROP:
          this.agvState[i] = AGV_AT_DROP;
          m.hold[i] = 1;
          this.craneRequest(this.agvCrane[i]!, i * 4 + JOB_AGV_UNLOAD, t);
          break;
        case AGV_TO_CHARGE:
          this.agvState[i] = AGV_CHARGING;
          m.hold[i] = 1;
          this.queue.push(t + this.chargeSeconds() * (1 - this.battery[i]!), EV_CHARGE_DONE, i);
          break;
        case AGV_TO_PARK:
          this.agvState[i] = AGV_IDLE;
          break;
        case AGV_IDLE:
          break;
      }
    }
    // An idle AGV pushed out of its bay drives back to it; one without a bay stays where it was pushed to.
    for (let i = 0; i < m.n; i++) {
      if (this.agvState[i] !== AGV_IDLE || m.moveLeft[i]! > 0) continue;
      const bay = this.parkTaken.indexOf(i);
      m.goal[i] = bay >= 0 ? this.parkVertices[bay]! : m.vertex[i]!;
    }
  }

  private chargeSeconds(): number {
    const f = this.scene.facilities.find((x) => x.kind === 'agv-charging');
    return f && f.kind === 'agv-charging' ? f.fullChargeS.value : 0;
  }

  private checkCollisions(t: number): void {
    const m = this.motion!;
    const checker = this.checker;
    if (!checker) return;
    const b = this.boxes;
    const agv = this.scene.fleet.agv;
    b.count = m.n;
    for (let i = 0; i < m.n; i++) {
      m.pose(i, t, this.pose);
      b.x[i] = this.pose[0]!;
      b.y[i] = this.pose[1]!;
      b.heading[i] = this.pose[2]!;
      b.halfLength[i] = agv.lengthM.value / 2;
      b.halfWidth[i] = agv.widthM.value / 2;
      const moving = m.isMoving(i, t);
      const speed = moving ? Math.hypot(m.graph.x[m.vertex[i]!]! - m.graph.x[m.fromVertex[i]!]!, m.graph.y[m.vertex[i]!]! - m.graph.y[m.fromVertex[i]!]!) / (m.moveEnd[i]! - m.moveStart[i]!) : 0;
      b.vx[i] = Math.cos(this.pose[2]!) * speed;
      b.vy[i] = Math.sin(this.pose[2]!) * speed;
    }
    const events = checker.check(b);
    const now = this.seenPairs;
    now.clear();
    for (let k = 0; k < events.count; k++) {
      const kind = events.kind[k]!;
      if (kind !== CONTACT && kind !== NEAR_MISS) continue;
      const a = events.a[k]!;
      const c = events.b[k]!;
      const key = Math.min(a, c) * m.n + Math.max(a, c);
      now.add(key);
      if (this.activePairs.has(key)) continue;
      if (kind === CONTACT) this.contacts++;
      else this.nearMisses++;
      this.pushLog(t, kind === CONTACT ? 'contact' : 'near-miss', a, `AGV ${a + 1} and AGV ${c + 1}`, (b.x[a]! + b.x[c]!) / 2, (b.y[a]! + b.y[c]!) / 2);
    }
    this.seenPairs = this.activePairs;
    this.activePairs = now;
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
    for (const s of this.servers) s.setOpen(0, false);
    for (let day = 0; day * 86400 < this.endS; day++) {
      this.queue.push(day * 86400 + open, EV_OPENING, 1);
      this.queue.push(day * 86400 + close, EV_OPENING, 0);
    }
  }

  private openSecondsUntil(t: number): number {
    const { open, close } = this.openHours();
    let total = 0;
    for (let day = 0; day * 86400 < t; day++) total += Math.max(0, Math.min(t, day * 86400 + close) - (day * 86400 + open));
    return total;
  }

  private setOpen(open: boolean, t: number): void {
    this.servers.forEach((s, k) => {
      s.setOpen(t, open);
      if (open) for (let next = s.next(); next >= 0; next = s.next()) this.startServing(k, next, t);
    });
    this.pushLog(t, open ? 'opening' : 'closing', -1, open ? 'barriers and scanners open' : 'barriers and scanners close');
  }

  private recordHour(h: number): void {
    const m = this.motion;
    let busy = 0;
    if (m) for (let i = 0; i < m.n; i++) if (this.agvState[i] !== AGV_IDLE && this.agvState[i] !== AGV_TO_PARK) busy++;
    const queues: Record<string, number> = {};
    for (const q of this.truckQueues) queues[q.id] = q.queueLength;
    this.hourly.push({
      hour: h,
      arrived: this.hourArrived,
      cleared: this.hourCleared,
      inside: this.insideCount,
      agvsBusy: busy,
      containersWaiting: this.jobsWaiting(),
      queues,
    });
    this.hourArrived = 0;
    this.hourCleared = 0;
  }

  /** Fills {@link frame} and {@link facilityBusy} for the current time; allocates nothing per vehicle. */
  writeFrame(): void {
    const t = this.now;
    const { agvs, trucks } = this.frame;
    const m = this.motion;
    agvs.count = m ? m.n : 0;
    for (let i = 0; i < agvs.count; i++) {
      m!.pose(i, t, this.pose);
      agvs.x[i] = this.pose[0]!;
      agvs.y[i] = this.pose[1]!;
      agvs.heading[i] = this.pose[2]!;
      const c = this.agvContainer[i]!;
      agvs.load[i] = c >= 0 && this.containerState[c] === C_ON_AGV ? (this.containerFlow[c] === 0 ? LOAD_EXPORT : LOAD_IMPORT) : LOAD_NONE;
    }
    trucks.count = this.insideCount;
    const spacing = this.params.truckQueueSpacingM;
    for (let k = 0; k < this.insideCount; k++) {
      const i = this.inside[k]!;
      const span = this.tTo[i]! - this.tFrom[i]!;
      const u = span <= 0 ? 1 : Math.max(0, Math.min(1, (t - this.tFrom[i]!) / span));
      this.placeTruck(k, i, this.arcFrom[i]! + (this.arcTo[i]! - this.arcFrom[i]!) * u);
    }
    for (const q of this.truckQueues) {
      for (let w = 0; w < q.queueLength; w++) {
        const i = q.waitingAt(w);
        this.placeTruck(this.insideAt[i]!, i, this.arcTo[i]! - (w + 1) * spacing);
      }
    }
    this.facilityBusy.fill(0);
    this.layout.servers.forEach((s, k) => {
      if (this.servers[k]!.busy > 0) this.facilityBusy[s.facility] = 1;
    });
    this.layout.cranes.forEach((c, k) => {
      if (this.cranes[k]!.busy > 0) this.facilityBusy[c.facility] = 1;
    });
    this.frame.version++;
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
