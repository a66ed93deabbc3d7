/**
 * Trucks have length: where waiting trucks stand, and how long their queues are.
 *
 * A truck waiting at a stop of its route (a barrier, a scanner bay, a yard's loading slots or its import container)
 * stands one `truckQueueSpacingM` (a 16.5 m tractor-trailer plus its gap) behind the one in front, back from the
 * stop along the route. Between two stops there is room for so many: those that do not fit wait before the
 * previous stop, in front of its own queue (as the previous checkpoint would hold a truck that has nowhere to go;
 * the model lets it through, and counts and draws it where it would stand). Before the route's first stop, the
 * approach: the trucks waiting there fill the side's **truck holding area** first (its `capacityTrucks`, in rows
 * inside its footprint), and beyond it stand **on the approach road**, in one file back from where the holding area
 * begins along the road the route comes in by (the route's first segment carried on straight beyond the scene).
 * That is the spill-back: its length is the trucks on the road × the spacing.
 *
 * A holding area serves a route when it stands on the side of the route's first stop, before that stop, its centre
 * within `truckHoldingReachM` of the route (data/simulation.json); of several, the nearest. Two flows whose routes
 * it serves share it (their trucks take its places and the road behind it in turn). A route without one queues on
 * the road from its first truck waiting.
 *
 * The counts follow the simulation's events ({@link QueueSpace.join}, {@link QueueSpace.leave}), so the totals
 * (the most trucks in a holding area, metres on the road, when it first filled, hours full) are exact in time; the
 * positions are laid out only when a frame is drawn ({@link QueueSpace.layout}), allocating nothing.
 */
import { footprintCorners } from '../domain/geometry';
import type { Scene } from '../domain/sceneSchema';
import type { GateLayout } from './gateLayout';
import { nearestArc, pointAlong, type RouteLine } from './routeGeometry';

/** Flow indices as in truckArrivals: 0 export, 1 import. */
const FLOW_NAMES = ['export', 'import'] as const;

export interface HoldingSpec {
  readonly facility: number;
  readonly id: string;
  readonly capacity: number;
  /** Each parking place's east, north and heading, front of the queue first: rows along the footprint's length. */
  readonly places: Float64Array;
}

export interface ApproachSpec {
  /** The holding area's id; for a route with none, its first stop's (a barrier's, scanner's or yard's id). */
  readonly id: string;
  readonly holding: HoldingSpec | undefined;
  /** The flows whose routes come in here (0 export, 1 import), in that order. */
  readonly flows: readonly number[];
  /** The road the queue stands back along, and the arc its first truck stands one spacing behind. */
  readonly line: RouteLine;
  readonly fromArc: number;
}

/** An approach's totals over the measured window, as the KPIs read them. */
export interface ApproachTotals {
  readonly id: string;
  readonly capacity: number;
  /** Trucks in the holding area and on the road now. */
  readonly holding: number;
  readonly road: number;
  readonly holdingMax: number;
  readonly roadMax: number;
  /** Time integrals (truck-seconds) and the seconds the holding area was full (no holding area: anyone on the road). */
  readonly holdingSeconds: number;
  readonly roadSeconds: number;
  readonly fullSeconds: number;
  /** When it first filled (absolute simulated seconds), or -1. */
  readonly fullFirstT: number;
}

/**
 * Parking places in rows inside a footprint: as many trucks along its length (size[0]) as `spacing` allows, rows
 * across its depth, evenly spread; headings along the length.
 */
export function holdingPlaces(fp: Scene['facilities'][number]['footprint'], capacity: number, spacing: number): Float64Array {
  const [length, depth] = fp.size;
  const cols = Math.max(1, Math.min(capacity, Math.floor(length / spacing)));
  const rows = Math.ceil(capacity / cols);
  const c = Math.cos(fp.rotation);
  const s = Math.sin(fp.rotation);
  const out = new Float64Array(capacity * 3);
  for (let k = 0; k < capacity; k++) {
    const lx = -length / 2 + ((k % cols) + 0.5) * (length / cols);
    const ly = -depth / 2 + (Math.floor(k / cols) + 0.5) * (depth / rows);
    out[3 * k] = fp.position[0] + lx * c - ly * s;
    out[3 * k + 1] = fp.position[1] + lx * s + ly * c;
    out[3 * k + 2] = fp.rotation;
  }
  return out;
}

/** Called for each waiting truck laid out: where it stands, and whether on the road beyond the holding area. */
export type PutTruck = (truck: number, x: number, y: number, heading: number, onRoad: boolean) => void;

export class QueueSpace {
  readonly approaches: readonly ApproachSpec[];
  /** Per flow: the index of its approach, or -1 when its route has no stop. */
  readonly approachOf: readonly number[];
  /** Per flow, per stop: the trucks that stand between the previous stop and this one (stop 0: the approach's). */
  readonly room: readonly Int32Array[];
  private readonly lines: readonly RouteLine[];
  private readonly arcs: readonly Float64Array[];
  /** Trucks waiting, per flow, per stop. */
  private readonly waiting: readonly Int32Array[];
  /** Per flow: trucks waiting for its approach (its first stop's and those that do not fit further on). */
  private readonly atApproach = new Int32Array(2);
  // Per approach, now and totals.
  private readonly holdingNow: Int32Array;
  private readonly roadNow: Int32Array;
  private readonly holdingMax: Int32Array;
  private readonly roadMax: Int32Array;
  private readonly holdingSeconds: Float64Array;
  private readonly roadSeconds: Float64Array;
  private readonly fullSeconds: Float64Array;
  private readonly fullFirstT: Float64Array;
  private lastT = 0;
  // Frame layout scratch, sized once for every truck of the run.
  private readonly order: Int32Array;
  private readonly cursor: Int32Array[];
  private readonly start: Int32Array[];
  private readonly end: Int32Array[];
  private readonly carryA: Int32Array;
  private readonly carryB: Int32Array;
  private readonly approachSeq: Int32Array;
  private readonly seqStart = new Int32Array(2);
  private readonly seqLength = new Int32Array(2);
  private readonly pose = new Float64Array(3);

  constructor(
    scene: Scene,
    layout: GateLayout,
    readonly spacing: number,
    reachM: number,
    trucks: number,
  ) {
    const approaches: ApproachSpec[] = [];
    const approachOf: number[] = [];
    const room: Int32Array[] = [];
    const lines: RouteLine[] = [];
    const arcs: Float64Array[] = [];
    FLOW_NAMES.forEach((flow, f) => {
      const route = layout.routes[flow];
      const stops = route.stops;
      lines.push(route.line);
      arcs.push(Float64Array.from(stops, (s) => s.arc));
      room.push(Int32Array.from(stops, (s, k) => (k === 0 ? 0 : Math.max(0, Math.floor((s.arc - stops[k - 1]!.arc) / spacing - 1)))));
      if (stops.length === 0) {
        approachOf.push(-1);
        return;
      }
      const first = stops[0]!;
      const firstSpec = first.kind === 'server' ? layout.servers[first.index]! : layout.yards[first.index]!;
      const side = scene.facilities[firstSpec.facility]!.side;
      let best: { facility: number; distance: number; arc: number } | undefined;
      scene.facilities.forEach((fac, i) => {
        if (fac.kind !== 'truck-holding' || fac.side !== side) return;
        const near = nearestArc(route.line, fac.footprint.position);
        if (near.arc > first.arc || near.distance > reachM) return;
        if (!best || near.distance < best.distance || (near.distance === best.distance && near.arc > best.arc)) best = { facility: i, ...near };
      });
      const holdingFacility = best ? scene.facilities[best.facility]! : undefined;
      const id = holdingFacility ? holdingFacility.id : firstSpec.id;
      const shared = approaches.findIndex((a) => a.id === id);
      if (shared >= 0) {
        approachOf.push(shared);
        (approaches[shared]!.flows as number[]).push(f);
        return;
      }
      let fromArc = first.arc;
      let holding: HoldingSpec | undefined;
      if (best && holdingFacility && holdingFacility.kind === 'truck-holding') {
        // The road queue begins where the holding area begins along the road: its corner met first.
        fromArc = Math.min(best.arc, ...footprintCorners(holdingFacility.footprint).map((p) => nearestArc(route.line, p).arc));
        holding = {
          facility: best.facility,
          id,
          capacity: holdingFacility.capacityTrucks,
          places: holdingPlaces(holdingFacility.footprint, holdingFacility.capacityTrucks, spacing),
        };
      }
      approachOf.push(approaches.length);
      approaches.push({ id, holding, flows: [f], line: route.line, fromArc });
    });
    this.approaches = approaches;
    this.approachOf = approachOf;
    this.room = room;
    this.lines = lines;
    this.arcs = arcs;
    this.waiting = arcs.map((a) => new Int32Array(a.length));
    const n = approaches.length;
    this.holdingNow = new Int32Array(n);
    this.roadNow = new Int32Array(n);
    this.holdingMax = new Int32Array(n);
    this.roadMax = new Int32Array(n);
    this.holdingSeconds = new Float64Array(n);
    this.roadSeconds = new Float64Array(n);
    this.fullSeconds = new Float64Array(n);
    this.fullFirstT = new Float64Array(n).fill(-1);
    this.order = new Int32Array(trucks);
    this.carryA = new Int32Array(trucks);
    this.carryB = new Int32Array(trucks);
    this.approachSeq = new Int32Array(trucks);
    this.cursor = arcs.map((a) => new Int32Array(a.length));
    this.start = arcs.map((a) => new Int32Array(a.length));
    this.end = arcs.map((a) => new Int32Array(a.length));
  }

  /** A truck of `flow` starts waiting at stop `stop` of its route at `t`. */
  join(flow: number, stop: number, t: number): void {
    this.account(t);
    this.waiting[flow]![stop]!++;
    this.update(t);
  }

  /** A truck of `flow` waiting at stop `stop` goes on at `t`. */
  leave(flow: number, stop: number, t: number): void {
    this.account(t);
    this.waiting[flow]![stop]!--;
    this.update(t);
  }

  /** Trucks in approach `a`'s holding area now. */
  holding(a: number): number {
    return this.holdingNow[a]!;
  }

  /** Metres of queue on the road before approach `a` now. */
  roadMetres(a: number): number {
    return this.roadNow[a]! * this.spacing;
  }

  /** Brings the time integrals up to `t`. */
  account(t: number): void {
    const dt = t - this.lastT;
    if (dt <= 0) return;
    for (let a = 0; a < this.approaches.length; a++) {
      this.holdingSeconds[a]! += this.holdingNow[a]! * dt;
      this.roadSeconds[a]! += this.roadNow[a]! * dt;
      if (this.isFull(a)) this.fullSeconds[a]! += dt;
    }
    this.lastT = t;
  }

  /** Starts the totals afresh at `t` (the measured window after a warm-up): what stands now is the most yet. */
  resetTotals(t: number): void {
    this.account(t);
    this.holdingMax.set(this.holdingNow);
    this.roadMax.set(this.roadNow);
    this.holdingSeconds.fill(0);
    this.roadSeconds.fill(0);
    this.fullSeconds.fill(0);
    for (let a = 0; a < this.approaches.length; a++) this.fullFirstT[a] = this.isFull(a) ? t : -1;
  }

  totals(): ApproachTotals[] {
    return this.approaches.map((s, a) => ({
      id: s.id,
      capacity: s.holding?.capacity ?? 0,
      holding: this.holdingNow[a]!,
      road: this.roadNow[a]!,
      holdingMax: this.holdingMax[a]!,
      roadMax: this.roadMax[a]!,
      holdingSeconds: this.holdingSeconds[a]!,
      roadSeconds: this.roadSeconds[a]!,
      fullSeconds: this.fullSeconds[a]!,
      fullFirstT: this.fullFirstT[a]!,
    }));
  }

  /** Starts a frame's layout: {@link add} each waiting truck, front of each queue first, then {@link layout}. */
  beginLayout(): void {
    let at = 0;
    for (let f = 0; f < 2; f++) {
      const w = this.waiting[f]!;
      for (let k = 0; k < w.length; k++) {
        this.start[f]![k] = at;
        this.cursor[f]![k] = at;
        at += w[k]!;
        this.end[f]![k] = at;
      }
    }
  }

  /** A truck waiting at stop `stop` of `flow`'s route, behind those added before it there. */
  add(truck: number, flow: number, stop: number): void {
    const c = this.cursor[flow]!;
    if (c[stop]! < this.end[flow]![stop]!) this.order[c[stop]!++] = truck;
  }

  /**
   * Places every truck {@link add}ed: between stops on its route, in a holding area, or on the road before it
   * (`onRoad`), calling `put` for each. Allocates nothing.
   */
  layout(put: PutTruck): void {
    const sp = this.spacing;
    const pose = this.pose;
    let seqAt = 0;
    for (let f = 0; f < 2; f++) {
      const arcs = this.arcs[f]!;
      const room = this.room[f]!;
      const line = this.lines[f]!;
      let carry = this.carryA;
      let next = this.carryB;
      let carried = 0;
      for (let k = arcs.length - 1; k >= 0; k--) {
        const own = this.cursor[f]![k]! - this.start[f]![k]!;
        const from = this.start[f]![k]!;
        const total = carried + own;
        let kept = 0;
        for (let j = 0; j < total; j++) {
          const truck = j < carried ? carry[j]! : this.order[from + j - carried]!;
          if (k === 0) this.approachSeq[seqAt + j] = truck;
          else if (j < room[k]!) {
            pointAlong(line, arcs[k]! - (j + 1) * sp, pose);
            put(truck, pose[0]!, pose[1]!, pose[2]!, false);
          } else next[kept++] = truck;
        }
        if (k === 0) {
          this.seqStart[f] = seqAt;
          this.seqLength[f] = total;
          seqAt += total;
        } else {
          const swap = carry;
          carry = next;
          next = swap;
          carried = kept;
        }
      }
      if (arcs.length === 0) this.seqLength[f] = 0;
    }
    for (let a = 0; a < this.approaches.length; a++) {
      const spec = this.approaches[a]!;
      const cap = spec.holding?.capacity ?? 0;
      const places = spec.holding?.places;
      // The flows sharing an approach take its places and the road behind it in turn, each in its own order.
      let taken0 = 0;
      let taken1 = 0;
      const f0 = spec.flows[0]!;
      const f1 = spec.flows.length > 1 ? spec.flows[1]! : -1;
      const n0 = this.seqLength[f0]!;
      const n1 = f1 >= 0 ? this.seqLength[f1]! : 0;
      for (let m = 0; m < n0 + n1; m++) {
        const first = taken1 >= n1 || (taken0 < n0 && taken0 <= taken1);
        const truck = first ? this.approachSeq[this.seqStart[f0]! + taken0++]! : this.approachSeq[this.seqStart[f1]! + taken1++]!;
        if (m < cap && places) put(truck, places[3 * m]!, places[3 * m + 1]!, places[3 * m + 2]!, false);
        else {
          pointAlong(spec.line, spec.fromArc - (m - cap + 1) * sp, pose);
          put(truck, pose[0]!, pose[1]!, pose[2]!, true);
        }
      }
    }
  }

  private isFull(a: number): boolean {
    const cap = this.approaches[a]!.holding?.capacity ?? 0;
    return cap > 0 ? this.holdingNow[a]! >= cap : this.roadNow[a]! > 0;
  }

  /** Works out who stands where from the counts: the trucks that do not fit between stops pass to the approach. */
  private update(t: number): void {
    for (let f = 0; f < 2; f++) {
      const w = this.waiting[f]!;
      const room = this.room[f]!;
      let carried = 0;
      for (let k = w.length - 1; k >= 1; k--) carried = Math.max(0, carried + w[k]! - room[k]!);
      this.atApproach[f] = w.length > 0 ? carried + w[0]! : 0;
    }
    for (let a = 0; a < this.approaches.length; a++) {
      const spec = this.approaches[a]!;
      let n = 0;
      for (const f of spec.flows) n += this.atApproach[f]!;
      const cap = spec.holding?.capacity ?? 0;
      const inHolding = Math.min(n, cap);
      this.holdingNow[a] = inHolding;
      this.roadNow[a] = n - inHolding;
      if (inHolding > this.holdingMax[a]!) this.holdingMax[a] = inHolding;
      if (n - inHolding > this.roadMax[a]!) this.roadMax[a] = n - inHolding;
      if (this.fullFirstT[a]! < 0 && this.isFull(a)) this.fullFirstT[a] = t;
    }
  }
}
