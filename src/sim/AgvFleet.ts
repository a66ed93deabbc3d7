/**
 * The AGV side of the simulation: containers waiting for an AGV (one first-in-first-out list per leg), which AGV
 * takes which, where idle AGVs park and low ones charge, and one planner step at a time of {@link AgvMotion}
 * with the collision watch. The trucks' side (Simulation) owns the cranes: the fleet asks it for crane moves and
 * hears back when a container is on or off an AGV.
 */
import { LOAD_EXPORT, LOAD_IMPORT, LOAD_NONE, type VehicleBuffers } from '../domain/fleetFrame';
import type { Scene } from '../domain/sceneSchema';
import { AgvMotion } from './AgvMotion';
import { CollisionWatch } from './CollisionWatch';
import { C_IN_DESTINATION, C_IN_ORIGIN, C_ON_AGV, LEG_EXPORT, LEG_IMPORT, type Containers } from './containers';
import type { GateLayout } from './gateLayout';
import type { FleetTotals } from './simKpis';
import type { SimParams } from './simParams';

export const AGV_IDLE = 0;
export const AGV_TO_PICK = 1;
export const AGV_AT_PICK = 2;
export const AGV_TO_DROP = 3;
export const AGV_AT_DROP = 4;
export const AGV_TO_CHARGE = 5;
export const AGV_CHARGING = 6;
/** Idle, driving to a parking bay (an idle AGV standing on a one-way lane would block it). */
export const AGV_TO_PARK = 7;
/** Driving to a node an operator sent it to; it stays there until given something else. */
export const AGV_MANUAL = 8;

/**
 * Where a forecast puts AGV i and what it gives it to do (see {@link AgvFleet.place}): its lane cell, whether it
 * carries a container, the lane node index it drives to (-1 for none) and whether an operator has paused it.
 */
export interface AgvPlacement {
  readonly vertex: number;
  readonly loaded: boolean;
  readonly goalNode: number;
  readonly paused: boolean;
  /** Reported standing still (its next move is a start from rest); driving on when false. Standing by default. */
  readonly standing?: boolean;
}

/** What an operator's command came to: done, or refused with the reason (reported back as the action's result). */
export type CommandResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** What the fleet needs from the rest of the simulation. */
export interface FleetHost {
  scheduleStep(t: number): void;
  scheduleChargeDone(t: number, agv: number): void;
  craneRequest(crane: number, agv: number, job: 'load' | 'unload', t: number): void;
  /** The moves crane c is making or has queued (trucks' and AGVs'). */
  craneLoad(crane: number): number;
  log(t: number, kind: 'contact' | 'near-miss' | 'charging' | 'command', agv: number, detail: string, x?: number, y?: number): void;
  /** TEU into (+) or out of (−) a yard's stack. */
  addStock(yard: number, teu: number): void;
  /** A container of `leg` that belongs to no truck (one a forecast finds on an AGV); its index. */
  newContainer(leg: number): number;
}

export class AgvFleet {
  readonly motion: AgvMotion;
  readonly watch: CollisionWatch;
  readonly state: Uint8Array;
  readonly battery: Float64Array;
  private readonly container: Int32Array;
  private readonly crane: Int32Array;
  /** Crane c's handover bays are bayVertex[bayStart[c] .. bayStart[c + 1]); bayClaims counts the AGVs sent to each. */
  private readonly bayStart: Int32Array;
  private readonly bayVertex: Int32Array;
  private readonly bayClaims: Int32Array;
  /** The bay (an index into bayVertex) AGV i is sent to, or -1. */
  private readonly bayOf: Int32Array;
  /** When AGV i's charge ends (NaN when not charging): a charge-done event for another time is stale. */
  private readonly chargeEnd: Float64Array;
  private readonly chargeVertices: Int32Array;
  private readonly chargeTaken: Int32Array;
  private readonly parkVertices: Int32Array;
  private readonly parkTaken: Int32Array;
  private readonly fullChargeS: number;
  private readonly jobs: [Int32Array, Int32Array];
  private readonly jobHead = new Int32Array(2);
  private readonly jobTail = new Int32Array(2);
  private jobLastT = 0;
  private jobSeconds = 0;
  private jobQueueMax = 0;
  private busySeconds = 0;
  private loadedMoves = 0;
  private emptyMoves = 0;
  private stepping = false;
  /** Per AGV on an operator's goal: 1 when it waits there for a further goal rather than going back to the jobs. */
  private readonly waitAtGoal: Uint8Array;
  /** The time of the step being run (the collision watch reports with it). */
  private now = 0;
  private readonly pose = new Float64Array(3);

  constructor(
    scene: Scene,
    private readonly layout: GateLayout,
    private readonly params: SimParams,
    count: number,
    private readonly containers: Containers,
    private readonly host: FleetHost,
  ) {
    const agv = scene.fleet.agv;
    this.motion = new AgvMotion(
      scene.lanes.nodes,
      scene.lanes.edges,
      count,
      {
        cellLengthM: params.cellLengthM,
        stepLengthM: params.stepLengthM,
        maxSpeedMps: agv.maxSpeedMps.value,
        accelerationMps2: agv.accelerationMps2.value,
        decelerationMps2: agv.decelerationMps2.value,
        lengthM: agv.lengthM.value,
        widthM: agv.widthM.value,
        clearanceM: params.collision.nearMissClearanceM,
        stopAware: params.planner === 'pibt-stop-aware',
      },
      params.seed,
    );
    this.watch = new CollisionWatch(this.motion, { lengthM: agv.lengthM.value, widthM: agv.widthM.value }, params.collision, (kind, a, b, x, y) =>
      host.log(this.now, kind, a, `AGV ${a + 1} and AGV ${b + 1}`, x, y),
    );
    this.state = new Uint8Array(count);
    this.battery = new Float64Array(count).fill(1);
    this.container = new Int32Array(count).fill(-1);
    this.crane = new Int32Array(count).fill(-1);
    this.bayStart = new Int32Array(layout.cranes.length + 1);
    layout.cranes.forEach((c, k) => (this.bayStart[k + 1] = this.bayStart[k]! + c.bays.length));
    this.bayVertex = Int32Array.from(layout.cranes.flatMap((c) => c.bays.map((node) => this.motion.vertexOfNode[node]!)));
    this.bayClaims = new Int32Array(this.bayVertex.length);
    this.bayOf = new Int32Array(count).fill(-1);
    this.chargeEnd = new Float64Array(count).fill(NaN);
    this.waitAtGoal = new Uint8Array(count);
    const vertices = (role: string) => Int32Array.from(scene.lanes.nodes.flatMap((node, k) => (node.role === role ? [this.motion.vertexOfNode[k]!] : [])));
    this.chargeVertices = vertices('charge');
    this.chargeTaken = new Int32Array(this.chargeVertices.length).fill(-1);
    this.parkVertices = vertices('park');
    this.parkTaken = new Int32Array(this.parkVertices.length).fill(-1);
    const charging = scene.facilities.find((f) => f.kind === 'agv-charging');
    this.fullChargeS = charging?.kind === 'agv-charging' ? charging.fullChargeS.value : 0;
    this.jobs = [new Int32Array(containers.leg.length), new Int32Array(containers.leg.length)];
    for (let i = 0; i < count; i++) this.goIdle(i, 0);
  }

  get n(): number {
    return this.motion.n;
  }

  injectRogue(i: number, t: number): void {
    if (i < 0 || i >= this.n) throw new RangeError(`no AGV ${i} to make rogue`);
    this.motion.setRogue(i);
    this.ensureStepping(t);
  }

  /** Ends the rogue drill: the AGV rejoins the plan once that is safe (see {@link AgvMotion.endRogue}). */
  endRogue(t: number): void {
    this.motion.endRogue();
    this.ensureStepping(t);
  }

  /** A container waits for an AGV from time t. */
  pushJob(container: number, t: number): void {
    this.enqueue(container, t);
    this.dispatch(t);
  }

  private enqueue(container: number, t: number): void {
    this.account(t);
    const leg = this.containers.leg[container]!;
    const ring = this.jobs[leg as 0 | 1];
    ring[this.jobTail[leg]!++ % ring.length] = container;
    const waiting = this.jobsWaiting();
    if (waiting > this.jobQueueMax) this.jobQueueMax = waiting;
  }

  /** The oldest container waiting on `leg`, taken off its list, or -1. */
  private takeJob(leg: number, t: number): number {
    if (this.jobHead[leg] === this.jobTail[leg]) return -1;
    this.account(t);
    const ring = this.jobs[leg as 0 | 1];
    return ring[this.jobHead[leg]!++ % ring.length]!;
  }

  /**
   * Puts every AGV where a forecast says, at time t, and gives it its work (one {@link AgvPlacement} per AGV):
   * what the AGVs were doing is dropped first (containers not yet loaded wait again; those on board are kept
   * aside). A loaded AGV then carries a container of the leg whose destination yard its goal node serves (else
   * the destination yard nearest to it) to that crane: one kept aside, else the oldest waiting on that leg (it
   * leaves the origin stack), else a new one of no truck. An empty AGV whose goal is a loading crane with
   * containers waiting goes to pick the oldest up; one with another goal drives there and stays; one without a
   * goal goes idle (to a parking bay). Containers kept aside and not reused go back to their origin yard. Battery
   * levels stay as they were. The caller frees the cranes of AGV work first.
   */
  place(placements: readonly AgvPlacement[], t: number): void {
    if (placements.length !== this.n) throw new RangeError(`${placements.length} placements for ${this.n} AGVs`);
    const m = this.motion;
    const legs = this.layout.agvLegs!;
    const aside: [number[], number[]] = [[], []];
    for (let i = 0; i < this.n; i++) {
      const c = this.container[i]!;
      if (c >= 0 && this.containers.state[c] === C_ON_AGV) aside[this.containers.leg[c] as 0 | 1].push(c);
      else if (c >= 0) this.enqueue(c, t);
      this.container[i] = -1;
      this.releaseBay(i);
      this.chargeEnd[i] = NaN;
      this.releaseCharger(i);
      this.leavePark(i);
      this.state[i] = AGV_IDLE;
      m.place(i, placements[i]!.vertex, t, placements[i]!.standing ?? true);
      m.paused[i] = placements[i]!.paused ? 1 : 0;
    }
    for (let i = 0; i < this.n; i++) {
      const p = placements[i]!;
      const at = p.goalNode >= 0 ? this.layout.cranes.findIndex((c) => c.bays.includes(p.goalNode)) : -1;
      const yard = at >= 0 ? this.layout.cranes[at]!.yard : -1;
      if (p.loaded) {
        const crane = yard === legs.export.to || yard === legs.import.to ? at : this.nearestDropCrane(i);
        const leg = this.layout.cranes[crane]!.yard === legs.export.to ? LEG_EXPORT : LEG_IMPORT;
        let c = aside[leg as 0 | 1].shift() ?? this.takeJob(leg, t);
        if (c >= 0 && this.containers.state[c] !== C_ON_AGV) this.host.addStock(leg === LEG_EXPORT ? legs.export.from : legs.import.from, -2);
        if (c < 0) c = this.host.newContainer(leg);
        this.containers.state[c] = C_ON_AGV;
        this.container[i] = c;
        this.startLeg(i, AGV_TO_DROP, crane);
      } else if (yard >= 0 && (yard === legs.export.from || yard === legs.import.from)) {
        const c = this.takeJob(yard === legs.export.from ? LEG_EXPORT : LEG_IMPORT, t);
        if (c >= 0) {
          this.container[i] = c;
          this.startLeg(i, AGV_TO_PICK, at);
        } else this.sendTo(i, m.vertexOfNode[p.goalNode]!);
      } else if (p.goalNode >= 0) this.sendTo(i, m.vertexOfNode[p.goalNode]!);
      else this.goIdle(i, t);
    }
    for (let leg = 0; leg < 2; leg++) {
      for (const c of aside[leg as 0 | 1]) {
        this.containers.state[c] = C_IN_ORIGIN;
        this.host.addStock(leg === LEG_EXPORT ? legs.export.from : legs.import.from, 2);
        this.enqueue(c, t);
      }
    }
    this.dispatch(t);
    this.ensureStepping(t);
  }

  private startLeg(i: number, state: typeof AGV_TO_PICK | typeof AGV_TO_DROP, crane: number): void {
    this.state[i] = state;
    this.toCrane(i, crane);
  }

  /**
   * The crane of `yard` (among those with a lane node) to send an AGV to: the fewest AGVs already sent to it plus
   * moves it has in hand, so AGVs on their way count before they arrive and spread over the yard's cranes.
   */
  private craneFor(yard: number): number {
    let best = -1;
    let bestScore = Infinity;
    const cranes = this.layout.yards[yard]!.cranes;
    for (let j = 0; j < cranes.length; j++) {
      const c = cranes[j]!;
      if (this.bayStart[c] === this.bayStart[c + 1]) continue;
      let claims = 0;
      for (let b = this.bayStart[c]!; b < this.bayStart[c + 1]!; b++) claims += this.bayClaims[b]!;
      const score = claims + this.host.craneLoad(c);
      if (score < bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best < 0) throw new Error(`yard "${this.layout.yards[yard]!.id}" has no crane on the lanes`);
    return best;
  }

  /**
   * Sends AGV i to one of `crane`'s handover bays: the one the fewest AGVs are sent to, the nearest of those. With
   * one bay a crane, every AGV for it queues on the lane before it, as before.
   */
  private toCrane(i: number, crane: number): void {
    this.releaseBay(i);
    const m = this.motion;
    let best = -1;
    for (let b = this.bayStart[crane]!; b < this.bayStart[crane + 1]!; b++) {
      if (
        best < 0 ||
        this.bayClaims[b]! < this.bayClaims[best]! ||
        (this.bayClaims[b] === this.bayClaims[best] && m.distance(this.bayVertex[b]!, m.vertex[i]!) < m.distance(this.bayVertex[best]!, m.vertex[i]!))
      )
        best = b;
    }
    if (best < 0) throw new Error(`crane "${this.layout.cranes[crane]!.id}" has no lane node for AGVs`);
    this.crane[i] = crane;
    this.bayOf[i] = best;
    this.bayClaims[best]!++;
    m.goal[i] = this.bayVertex[best]!;
  }

  /**
   * An AGV driving to a handover bay another AGV is also sent to moves to a bay of the same yard nobody is sent
   * to, if there is one: AGVs bound for a yard take its bays as they free up rather than queue on the lane for one.
   */
  private spreadOverBays(): void {
    for (let i = 0; i < this.n; i++) {
      const st = this.state[i];
      const b = this.bayOf[i]!;
      if ((st !== AGV_TO_PICK && st !== AGV_TO_DROP) || b < 0 || this.bayClaims[b]! <= 1) continue;
      const cranes = this.layout.yards[this.layout.cranes[this.crane[i]!]!.yard]!.cranes;
      for (let j = 0; j < cranes.length; j++) {
        const c = cranes[j]!;
        let free = -1;
        for (let k = this.bayStart[c]!; k < this.bayStart[c + 1]! && free < 0; k++) if (this.bayClaims[k] === 0) free = k;
        if (free < 0) continue;
        this.bayClaims[b]!--;
        this.bayClaims[free]!++;
        this.bayOf[i] = free;
        this.crane[i] = c;
        this.motion.goal[i] = this.bayVertex[free]!;
        break;
      }
    }
  }

  private releaseBay(i: number): void {
    const b = this.bayOf[i]!;
    if (b >= 0) this.bayClaims[b]!--;
    this.bayOf[i] = -1;
    this.crane[i] = -1;
  }

  private sendTo(i: number, vertex: number): void {
    this.state[i] = AGV_MANUAL;
    this.motion.goal[i] = vertex;
  }

  /** The crane (with a lane node) of either destination yard nearest to AGV i. */
  private nearestDropCrane(i: number): number {
    const legs = this.layout.agvLegs!;
    const m = this.motion;
    let best = -1;
    let bestD = Infinity;
    for (let c = 0; c < this.layout.cranes.length; c++) {
      const crane = this.layout.cranes[c]!;
      if (crane.laneNode < 0 || (crane.yard !== legs.export.to && crane.yard !== legs.import.to)) continue;
      const d = m.distance(m.vertexOfNode[crane.laneNode]!, m.vertex[i]!);
      if (d < bestD) {
        best = c;
        bestD = d;
      }
    }
    if (best < 0) throw new Error('no destination yard crane on the lanes to deliver a loaded AGV to');
    return best;
  }

  jobsWaiting(): number {
    return this.jobTail[0]! - this.jobHead[0]! + this.jobTail[1]! - this.jobHead[1]!;
  }

  /** Brings the time integral of containers waiting up to t. */
  account(t: number): void {
    this.jobSeconds += this.jobsWaiting() * (t - this.jobLastT);
    this.jobLastT = t;
  }

  /** Starts the fleet's totals afresh at `t` (a measured window after a warm-up). */
  resetTotals(t: number): void {
    this.account(t);
    this.busySeconds = 0;
    this.jobSeconds = 0;
    this.jobQueueMax = this.jobsWaiting();
    this.loadedMoves = 0;
    this.emptyMoves = 0;
    this.motion.waits = 0;
    this.watch.nearMisses = 0;
    this.watch.contacts = 0;
  }

  /** The fleet's totals for the KPIs (call {@link account} first). */
  totals(): FleetTotals {
    const m = this.motion;
    return {
      agvs: m.n,
      busySeconds: this.busySeconds,
      jobQueueMax: this.jobQueueMax,
      jobSeconds: this.jobSeconds,
      emptyMoves: this.emptyMoves,
      loadedMoves: this.loadedMoves,
      waits: m.waits,
      stepS: m.stepS,
      nearMisses: this.watch.nearMisses,
      contacts: this.watch.contacts,
    };
  }

  /** The container AGV i carries now, or -1. */
  carrying(i: number): number {
    const c = this.container[i]!;
    return c >= 0 && this.containers.state[c] === C_ON_AGV ? c : -1;
  }

  busyCount(): number {
    let busy = 0;
    for (let i = 0; i < this.n; i++) if (!this.isAvailable(i)) busy++;
    return busy;
  }

  /** Operator: AGV i stops after the cell move it is in. */
  pause(i: number, t: number): CommandResult {
    this.motion.paused[i] = 1;
    this.host.log(t, 'command', i, 'paused by an operator');
    return { ok: true };
  }

  resume(i: number, t: number): CommandResult {
    this.motion.paused[i] = 0;
    this.host.log(t, 'command', i, 'resumed by an operator');
    this.ensureStepping(t);
    return { ok: true };
  }

  /**
   * Operator: AGV i drops what it was sent to do. A container it had not yet picked up goes back to the waiting
   * list; one it carries is still delivered (an AGV does not leave a container on the lane), so that is refused.
   */
  cancel(i: number, t: number): CommandResult {
    const st = this.state[i]!;
    if (st === AGV_AT_PICK || st === AGV_TO_DROP || st === AGV_AT_DROP) {
      return { ok: false, reason: 'carrying or loading a container: it is delivered first' };
    }
    if (st === AGV_TO_PICK) this.requeue(i, t);
    if (st === AGV_TO_PICK || st === AGV_MANUAL) {
      this.goIdle(i, t);
      this.dispatch(t);
    }
    this.host.log(t, 'command', i, 'order cancelled by an operator');
    return { ok: true };
  }

  /**
   * Operator: AGV i drives to `vertex`, then goes back to the jobs, or with `wait` stays there until it gets a further
   * goal (a master control releases an order a few nodes at a time). Refused while it carries or loads a container.
   */
  goTo(i: number, vertex: number, t: number, wait = false): CommandResult {
    const st = this.state[i]!;
    if (st === AGV_AT_PICK || st === AGV_TO_DROP || st === AGV_AT_DROP || st === AGV_CHARGING) {
      return { ok: false, reason: st === AGV_CHARGING ? 'charging' : 'carrying or loading a container: it is delivered first' };
    }
    if (this.motion.distance(vertex, this.motion.vertex[i]!) >= this.motion.graph.nodeCount) {
      return { ok: false, reason: 'that node cannot be reached from where the AGV is' };
    }
    if (st === AGV_TO_PICK) this.requeue(i, t);
    if (st === AGV_TO_CHARGE) this.releaseCharger(i);
    this.leavePark(i);
    this.state[i] = AGV_MANUAL;
    this.waitAtGoal[i] = wait ? 1 : 0;
    this.motion.hold[i] = 0;
    this.motion.goal[i] = vertex;
    this.host.log(t, 'command', i, 'sent to a node by an operator');
    this.ensureStepping(t);
    return { ok: true };
  }

  /** AGV i gives back the container it was going to pick up: it waits again, at the end of its list. */
  private requeue(i: number, t: number): void {
    const c = this.container[i]!;
    this.container[i] = -1;
    this.releaseBay(i);
    if (c >= 0) this.pushJob(c, t);
  }

  /** The crane has put AGV i's container on it: off to the destination yard. */
  loaded(i: number, t: number): void {
    const m = this.motion;
    const container = this.container[i]!;
    this.containers.state[container] = C_ON_AGV;
    const legs = this.layout.agvLegs!;
    const crane = this.craneFor(this.containers.leg[container] === LEG_EXPORT ? legs.export.to : legs.import.to);
    this.state[i] = AGV_TO_DROP;
    this.toCrane(i, crane);
    m.hold[i] = 0;
    this.ensureStepping(t);
    this.dispatch(t);
  }

  /** The crane has taken AGV i's container into the destination yard; returns that container. */
  unloaded(i: number, t: number): number {
    const container = this.container[i]!;
    this.containers.state[container] = C_IN_DESTINATION;
    this.container[i] = -1;
    this.releaseBay(i);
    this.motion.hold[i] = 0;
    this.goIdle(i, t);
    this.dispatch(t);
    return container;
  }

  chargeDone(i: number, t: number): void {
    if (this.chargeEnd[i] !== t) return;
    this.chargeEnd[i] = NaN;
    this.battery[i] = 1;
    this.releaseCharger(i);
    this.motion.hold[i] = 0;
    this.goIdle(i, t);
    this.dispatch(t);
  }

  /**
   * Gives waiting containers to idle AGVs: each idle AGV, in index order, takes the oldest container of the leg
   * whose loading crane is nearest to it, so an AGV that has just delivered on one side carries a container back.
   * AGVs low on battery go to charge first.
   */
  dispatch(t: number): void {
    const m = this.motion;
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
        const crane = this.craneFor(leg === LEG_EXPORT ? legs.export.from : legs.import.from);
        const d = m.distance(m.vertexOfNode[this.layout.cranes[crane]!.laneNode]!, m.vertex[i]!);
        if (d < bestD) {
          bestLeg = leg;
          bestCrane = crane;
          bestD = d;
        }
      }
      if (bestLeg < 0) return;
      this.account(t);
      this.leavePark(i);
      const ring = this.jobs[bestLeg as 0 | 1];
      this.container[i] = ring[this.jobHead[bestLeg]!++ % ring.length]!;
      this.state[i] = AGV_TO_PICK;
      this.toCrane(i, bestCrane);
      this.ensureStepping(t);
    }
  }

  /** One planner step: AGVs that reached their goal start work there, footprints are checked, the next moves start. */
  step(t: number): void {
    const m = this.motion;
    this.now = t;
    this.spreadOverBays();
    this.arrivalsAt(t);
    this.watch.check(t);
    const active = m.step(t);
    const drain = m.stepS / this.params.agvSecondsPerCharge;
    let wants = false;
    for (let i = 0; i < m.n; i++) {
      const st = this.state[i]!;
      if (!this.isAvailable(i)) this.busySeconds += m.stepS;
      if (st !== AGV_IDLE && st !== AGV_CHARGING) this.battery[i] = Math.max(0, this.battery[i]! - drain);
      if (m.moveStart[i] === t && m.fromVertex[i] !== m.vertex[i]) {
        if (st === AGV_TO_DROP) this.loadedMoves++;
        else this.emptyMoves++;
      }
      if (!m.hold[i] && m.vertex[i] !== m.goal[i]) wants = true;
      if (
        (st === AGV_TO_PICK || st === AGV_TO_DROP || st === AGV_TO_CHARGE || st === AGV_TO_PARK || (st === AGV_MANUAL && !this.waitAtGoal[i])) &&
        m.vertex[i] === m.goal[i]
      )
        wants = true;
    }
    if (active > 0 || wants) this.host.scheduleStep(t + m.stepS);
    else this.stepping = false;
  }

  /** Writes every AGV's pose at time t and the container it carries into `out`. */
  writeFrame(t: number, out: VehicleBuffers): void {
    out.count = this.n;
    for (let i = 0; i < this.n; i++) {
      this.motion.pose(i, t, this.pose);
      out.x[i] = this.pose[0]!;
      out.y[i] = this.pose[1]!;
      out.heading[i] = this.pose[2]!;
      const c = this.container[i]!;
      out.load[i] = c >= 0 && this.containers.state[c] === C_ON_AGV ? (this.containers.leg[c] === LEG_EXPORT ? LOAD_EXPORT : LOAD_IMPORT) : LOAD_NONE;
    }
  }

  private isAvailable(i: number): boolean {
    const st = this.state[i];
    return st === AGV_IDLE || st === AGV_TO_PARK;
  }

  /** AGV i has nothing to do: it drives to the nearest free parking bay, or stays where it is if none is free. */
  private goIdle(i: number, t: number): void {
    const m = this.motion;
    this.state[i] = AGV_IDLE;
    this.waitAtGoal[i] = 0;
    m.hold[i] = 0;
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
    this.state[i] = AGV_TO_PARK;
    m.goal[i] = this.parkVertices[best]!;
    this.ensureStepping(t);
  }

  private releaseCharger(i: number): void {
    const k = this.chargeTaken.indexOf(i);
    if (k >= 0) this.chargeTaken[k] = -1;
  }

  private leavePark(i: number): void {
    const k = this.parkTaken.indexOf(i);
    if (k >= 0) this.parkTaken[k] = -1;
  }

  private sendToCharge(i: number, t: number): void {
    const free = this.chargeTaken.indexOf(-1);
    if (free < 0) return;
    this.leavePark(i);
    this.chargeTaken[free] = i;
    this.state[i] = AGV_TO_CHARGE;
    this.motion.goal[i] = this.chargeVertices[free]!;
    this.host.log(t, 'charging', i, `battery ${Math.round(this.battery[i]! * 100)} %`);
    this.ensureStepping(t);
  }

  private ensureStepping(t: number): void {
    if (this.stepping) return;
    this.stepping = true;
    const s = this.motion.stepS;
    this.host.scheduleStep(Math.ceil(t / s - 1e-9) * s);
  }

  private arrivalsAt(t: number): void {
    const m = this.motion;
    for (let i = 0; i < m.n; i++) {
      if (m.moveLeft[i]! > 0 || m.vertex[i] !== m.goal[i] || t < m.moveEnd[i]!) continue;
      switch (this.state[i]) {
        case AGV_TO_PICK:
          this.state[i] = AGV_AT_PICK;
          m.hold[i] = 1;
          this.host.craneRequest(this.crane[i]!, i, 'load', t);
          break;
        case AGV_TO_DROP:
          this.state[i] = AGV_AT_DROP;
          m.hold[i] = 1;
          this.host.craneRequest(this.crane[i]!, i, 'unload', t);
          break;
        case AGV_TO_CHARGE:
          this.state[i] = AGV_CHARGING;
          m.hold[i] = 1;
          this.chargeEnd[i] = t + this.fullChargeS * (1 - this.battery[i]!);
          this.host.scheduleChargeDone(this.chargeEnd[i]!, i);
          break;
        case AGV_TO_PARK:
          this.state[i] = AGV_IDLE;
          break;
        case AGV_MANUAL:
          // Waiting at the end of what its order released, it stands firm: traffic behind may not push it on.
          if (!this.waitAtGoal[i]) this.state[i] = AGV_IDLE;
          else m.hold[i] = 1;
          break;
      }
    }
    // An idle AGV pushed out of its bay drives back to it; one without a bay stays where it was pushed to.
    for (let i = 0; i < m.n; i++) {
      if (this.state[i] !== AGV_IDLE || m.moveLeft[i]! > 0) continue;
      const bay = this.parkTaken.indexOf(i);
      m.goal[i] = bay >= 0 ? this.parkVertices[bay]! : m.vertex[i]!;
    }
  }
}
