import { buildLaneGraph } from '../../domain/laneGraph';
import type { LaneEdge, LaneNode } from '../../domain/sceneSchema';
import {
  FLAG_COMMITTED,
  FLAG_FATAL,
  FLAG_PAUSED,
  FLAG_PLACED,
  FLAG_ROUTE_CUT,
  FLAG_STALE,
  LEAD_CAP,
  META_CLOCK_S,
  META_COUNT,
  META_HORIZON_S,
  META_ROUND,
  META_SAMPLE_S,
  META_SAMPLES,
  NOT_A_NODE,
  NO_HOLD,
  UNKNOWN_NODE,
  sampleCount,
  type PredictedRoutes,
  type TrafficInput,
} from '../../domain/trafficFrame';
import { SpeedProfile, type AgvKinematics } from './SpeedProfile';

/** The scene's lane network (`scene.lanes`). */
export interface LaneNetwork {
  readonly nodes: readonly LaneNode[];
  readonly edges: readonly LaneEdge[];
}

/** An AGV that will not move on its own this round: no fresh telemetry, paused, or in a fatal error. */
const HELD = FLAG_STALE | FLAG_PAUSED | FLAG_FATAL;

/**
 * Predicts where each AGV of a {@link TrafficInput} will be over the horizon and writes {@link PredictedRoutes}.
 * An AGV with a route drives from where it is, along its own path ahead where it sends one (the lead points), then
 * straight to the next route node and on along the lane nodes, timed by {@link SpeedProfile} (the scene fleet's max
 * speed, acceleration and deceleration, the current ground speed, each lane edge's speed limit), standing at route
 * nodes for its order's actions and coming to rest at its last route node. An AGV without a route, or stale,
 * paused or in a fatal error, stands where it is; one not placed on the map has no prediction (NaN).
 *
 * Assumptions, beside those of the speed profile:
 * - The base is taken to be extended in time: the AGV drives on through the not-yet-released nodes and does not
 *   stop at its base's end (`baseEndS` tells the reader when it leaves the released part, its stands there included).
 * - The segment into route node k is limited by the lane edge from node k − 1; into node 0 by the edge from the
 *   last node passed, else by the edge into node 0 that lies nearest the AGV, else by the AGV's max speed; so is
 *   a step between two nodes that no lane edge joins.
 * - Actions of its order: `departS[i]` > 0, it stands where it is that long, then sets off from rest (its reported
 *   speed ignored); `stopS` > 0 at a route node, it brakes to rest there, stands that long and sets off from rest.
 *   `nodeS` is the arrival at a node; the stand moves the later nodes. `etaS` is the arrival at the last node: a
 *   stop there does not move it. Other vehicles are not seen (that is what the conflict check looks for).
 * - A route node the scene does not know ({@link UNKNOWN_NODE}) cuts the route there, and so does the packer's
 *   route capacity (`FLAG_ROUTE_CUT`): the AGV is predicted to stop at the last node it knows, and has no ETA.
 * - A hold (`holdAt[i]`, a resolution proposal the master control enforces by withholding releases): the AGV
 *   brakes to rest at that route node, stands until `holdUntilS[i]` (source clock) and accelerates on along the
 *   rest. When it would reach the node no earlier than the hold's end anyway, it does not stop at all; a hold on
 *   its last known node changes nothing (it stops there in any case). With a stop at the hold node it stands until
 *   the later of its arrival plus the stop and the hold's end. Its base then ends when it leaves the node.
 * - The vehicle's own path ahead (`leadLen[i]` > 0): it drives through its lead points before the route nodes after
 *   the last route index a lead point names (`leadNode`; the route nodes up to it are the lead's). Timed points
 *   (3.0 `intermediatePath` etas, `leadS`): its pose moves linearly in time from where it is to the first at its
 *   eta, and so on; a route node on one is reached at its eta, and a stop or hold there is ignored (the vehicle's
 *   etas include it) except at the last timed point, which the etas after it would have told. Etas that are
 *   negative or not increasing are not believed: all the points are then driven as untimed ones. From the last
 *   timed point (or from where it is) the untimed points and the route nodes after them are timed by the speed
 *   profile, from the speed of the last timed segment (capped at the max speed) or else the reported speed. A
 *   segment between lead points is limited by the lane edge joining the route nodes it lies between (the last one
 *   named before the point, the first at or after it) when they are consecutive on the route, else by the max
 *   speed. `departS` counts only without timed points (the etas include it). A route node the lead covers without
 *   a point on it is reached when the AGV passes the lead point nearest it (a hold there is not seen). A lead point
 *   off the map (not finite) or naming route indices out of order or past the route is an error of the packer.
 * - `FLAG_COMMITTED`: the twin releases the route on schedule, so the whole route counts as released
 *   (`baseEndS` is Infinity).
 *
 * Lane lookups are built once here; `predict` allocates nothing.
 *
 * @example
 *   const predictor = new RoutePredictor(scene.lanes, { maxSpeedMps: 6.94, accelerationMps2: 0.5, decelerationMps2: 0.8 }, 48);
 *   predictor.predict(input, routes, 120, 0.5); // routes.meta[META_SAMPLES] === 241
 */
export class RoutePredictor {
  readonly routeCap: number;
  private readonly nodeCount: number;
  private readonly nodeX: Float64Array;
  private readonly nodeY: Float64Array;
  /** Lane edges by start node (`outTo[outStart[a] … outStart[a + 1]]`) and by end node, with their limits. */
  private readonly outStart: Int32Array;
  private readonly outTo: Int32Array;
  private readonly outLimit: Float64Array;
  private readonly inStart: Int32Array;
  private readonly inFrom: Int32Array;
  private readonly inLimit: Float64Array;
  private readonly maxSpeed: number;
  /**
   * The way of the AGV being predicted, point 0 its position, then its lead points, then the route nodes after
   * them: `way.x/y/limitMps` hold the points and the limit of the segment from each, and `way` times the first leg
   * (from point 0, the common case: no copy); `pt*` the route index of each point (or NOT_A_NODE), the first route
   * index at or after it, the seconds it stands there, and when it reaches and leaves it.
   */
  private readonly way: SpeedProfile;
  /** A leg of the way from a later point to where the AGV next stands. */
  private readonly leg: SpeedProfile;
  private readonly ptNode: Int32Array;
  private readonly ptNext: Int32Array;
  private readonly ptWait: Float64Array;
  private readonly ptArr: Float64Array;
  private readonly ptLeave: Float64Array;
  private points = 0;
  private leadPoints = 0;
  /** Timed lead points (the first ones; 0 when none, or when their etas were not increasing). */
  private timed = 0;
  /** Per route index: when the AGV reaches the node and leaves it (full precision, for `etaS` and `baseEndS`). */
  private readonly nodeArr: Float64Array;
  private readonly nodeLeave: Float64Array;

  constructor(lanes: LaneNetwork, agv: AgvKinematics, routeCap: number) {
    if (!Number.isInteger(routeCap) || routeCap < 1) throw new RangeError(`RoutePredictor: route capacity must be a whole number ≥ 1, got ${routeCap}`);
    this.routeCap = routeCap;
    const pointCap = routeCap + LEAD_CAP + 1;
    this.way = new SpeedProfile(pointCap, agv);
    this.leg = new SpeedProfile(pointCap, agv);
    this.ptNode = new Int32Array(pointCap);
    this.ptNext = new Int32Array(pointCap);
    this.ptWait = new Float64Array(pointCap);
    this.ptArr = new Float64Array(pointCap);
    this.ptLeave = new Float64Array(pointCap);
    this.nodeArr = new Float64Array(routeCap);
    this.nodeLeave = new Float64Array(routeCap);
    this.maxSpeed = agv.maxSpeedMps;
    const graph = buildLaneGraph(lanes.nodes, lanes.edges);
    const n = lanes.nodes.length;
    this.nodeCount = n;
    this.nodeX = Float64Array.from(lanes.nodes, (node) => node.position[0]);
    this.nodeY = Float64Array.from(lanes.nodes, (node) => node.position[1]);
    const ends: { from: number; to: number; limit: number }[] = [];
    for (const e of lanes.edges) {
      const from = graph.indexOf.get(e.from);
      const to = graph.indexOf.get(e.to);
      if (from !== undefined && to !== undefined) ends.push({ from, to, limit: e.speedLimitMps });
    }
    const bucket = (key: 'from' | 'to') => {
      const start = new Int32Array(n + 1);
      for (const e of ends) start[e[key] + 1]!++;
      for (let k = 0; k < n; k++) start[k + 1]! += start[k]!;
      const other = new Int32Array(ends.length);
      const limit = new Float64Array(ends.length);
      const fill = start.slice(0, n);
      for (const e of ends) {
        const at = fill[e[key]]!++;
        other[at] = key === 'from' ? e.to : e.from;
        limit[at] = e.limit;
      }
      return { start, other, limit };
    };
    const out = bucket('from');
    const into = bucket('to');
    this.outStart = out.start;
    this.outTo = out.other;
    this.outLimit = out.limit;
    this.inStart = into.start;
    this.inFrom = into.other;
    this.inLimit = into.limit;
  }

  /**
   * Predicts the first `input.meta[META_COUNT]` AGVs over `horizonS`, sampling every `sampleS`; `out.samples` is
   * the stride and must hold `sampleCount(horizonS, sampleS)`. Writes count, clock, horizon, sample period,
   * samples used and the next round to `out.meta`; returns the count.
   */
  predict(input: TrafficInput, out: PredictedRoutes, horizonS: number, sampleS: number): number {
    if (!(horizonS > 0) || !Number.isFinite(horizonS))
      throw new RangeError(`RoutePredictor: horizon must be a positive number of seconds, got ${horizonS}`);
    if (!(sampleS > 0) || !Number.isFinite(sampleS))
      throw new RangeError(`RoutePredictor: sample period must be a positive number of seconds, got ${sampleS}`);
    const samples = sampleCount(horizonS, sampleS);
    if (samples > out.samples) {
      throw new RangeError(`RoutePredictor: a ${horizonS} s horizon at ${sampleS} s needs ${samples} samples; the routes buffer holds ${out.samples}`);
    }
    if (input.routeCap !== this.routeCap || out.routeCap !== this.routeCap) {
      throw new RangeError(`RoutePredictor: route capacity ${this.routeCap}, but the input has ${input.routeCap} and the routes ${out.routeCap}`);
    }
    const count = input.meta[META_COUNT]!;
    if (!Number.isInteger(count) || count < 0 || count > input.capacity || count > out.capacity) {
      throw new RangeError(`RoutePredictor: fleet count ${count} does not fit the input (${input.capacity}) and routes (${out.capacity}) buffers`);
    }
    for (let i = 0; i < count; i++) this.predictOne(input, out, i, samples, sampleS);
    out.meta[META_COUNT] = count;
    out.meta[META_CLOCK_S] = input.meta[META_CLOCK_S]!;
    out.meta[META_HORIZON_S] = horizonS;
    out.meta[META_SAMPLE_S] = sampleS;
    out.meta[META_SAMPLES] = samples;
    out.meta[META_ROUND] = out.meta[META_ROUND]! + 1;
    return count;
  }

  private predictOne(input: TrafficInput, out: PredictedRoutes, i: number, samples: number, sampleS: number): void {
    const { routeCap, nodeArr, nodeLeave } = this;
    const nodeBase = i * routeCap;
    const first = i * out.samples;
    const flags = input.flags[i]!;
    out.nodeS.fill(NaN, nodeBase, nodeBase + routeCap);
    out.etaS[i] = NaN;
    if (!(flags & FLAG_PLACED)) {
      out.baseEndS[i] = NaN;
      out.px.fill(NaN, first, first + samples);
      out.py.fill(NaN, first, first + samples);
      out.heading.fill(NaN, first, first + samples);
      return;
    }
    const routeLen = Math.min(Math.max(input.routeLen[i]!, 0), routeCap);
    const baseLen = Math.min(Math.max(input.baseLen[i]!, 0), routeLen);
    if (routeLen === 0 || flags & HELD) {
      out.baseEndS[i] = baseLen === 0 && !(flags & FLAG_COMMITTED) ? 0 : Infinity;
      out.px.fill(input.x[i]!, first, first + samples);
      out.py.fill(input.y[i]!, first, first + samples);
      out.heading.fill(input.heading[i]!, first, first + samples);
      return;
    }
    let known = 0;
    for (; known < routeLen; known++) {
      const node = input.route[nodeBase + known]!;
      if (node === UNKNOWN_NODE) break;
      this.checkNode(node, i, `route node ${known}`);
    }
    const named = this.buildPoints(input, i, routeLen, known);
    this.drive(input, out, i, samples, sampleS, known);
    nodeArr.fill(NaN, 0, known);
    for (let j = 1; j < this.points; j++) {
      const k = this.ptNode[j]!;
      if (k === NOT_A_NODE) continue;
      nodeArr[k] = this.ptArr[j]!;
      nodeLeave[k] = this.ptLeave[j]!;
    }
    // A route node the lead path covers without a point on it: when the AGV passes the lead point nearest it.
    for (let k = 0; k <= named && k < known; k++) {
      if (!Number.isNaN(nodeArr[k]!)) continue;
      const node = input.route[nodeBase + k]!;
      let best = Infinity;
      for (let j = 1; j <= this.leadPoints; j++) {
        const d = Math.hypot(this.way.x[j]! - this.nodeX[node]!, this.way.y[j]! - this.nodeY[node]!);
        if (d < best) {
          best = d;
          nodeArr[k] = this.ptArr[j]!;
          nodeLeave[k] = this.ptLeave[j]!;
        }
      }
    }
    for (let k = 0; k < known; k++) out.nodeS[nodeBase + k] = nodeArr[k]!;
    const cut = known < routeLen || (flags & FLAG_ROUTE_CUT) !== 0;
    const released = (flags & FLAG_COMMITTED) !== 0 || (baseLen > 0 && (baseLen === routeLen || baseLen > known));
    out.etaS[i] = cut ? NaN : nodeArr[known - 1]!;
    out.baseEndS[i] = released ? Infinity : baseLen === 0 ? 0 : nodeLeave[baseLen - 1]!;
  }

  /**
   * Fills the point list of AGV i: its position, its lead points, then the route nodes after the last one a lead
   * point names, each with its route index, the limit of the segment into it and its stop; sets `points`,
   * `leadPoints` and `timed`. Returns the last route index a lead point names (−1 when none).
   */
  private buildPoints(input: TrafficInput, i: number, routeLen: number, known: number): number {
    const { ptNode, ptWait, ptArr, ptNext } = this;
    const { x: ptX, y: ptY, limitMps } = this.way;
    const nodeBase = i * this.routeCap;
    const leadBase = i * LEAD_CAP;
    const leadLen = Math.min(Math.max(input.leadLen[i]!, 0), LEAD_CAP);
    ptX[0] = input.x[i]!;
    ptY[0] = input.y[i]!;
    ptNode[0] = NOT_A_NODE;
    ptArr[0] = 0;
    let named = NOT_A_NODE;
    let timed = 0;
    let timedOk = true;
    for (let p = 0; p < leadLen; p++) {
      const x = input.leadX[leadBase + p]!;
      const y = input.leadY[leadBase + p]!;
      if (!Number.isFinite(x) || !Number.isFinite(y))
        throw new RangeError(`RoutePredictor: AGV ${i} has lead point ${p} at (${x}, ${y}); it must be finite`);
      const k = input.leadNode[leadBase + p]!;
      if (k !== NOT_A_NODE) {
        if (k <= named || k >= routeLen) {
          throw new RangeError(
            `RoutePredictor: AGV ${i} has lead point ${p} on route index ${k}; it must follow ${named} and be below the route length ${routeLen}`,
          );
        }
        named = k;
      }
      const j = p + 1;
      ptX[j] = x;
      ptY[j] = y;
      ptNode[j] = k < known ? k : NOT_A_NODE;
      const s = input.leadS[leadBase + p]!;
      if (timed === p && Number.isFinite(s)) {
        if (!(s >= 0 && (p === 0 || s > ptArr[p]!))) timedOk = false;
        ptArr[j] = s;
        timed++;
      }
    }
    if (!timedOk) timed = 0;
    let n = leadLen + 1;
    for (let k = named + 1; k < known; k++, n++) {
      ptX[n] = this.nodeX[input.route[nodeBase + k]!]!;
      ptY[n] = this.nodeY[input.route[nodeBase + k]!]!;
      ptNode[n] = k;
    }
    this.points = n;
    this.leadPoints = leadLen;
    this.timed = timed;
    // Stops inside the timed part are in the vehicle's own etas; from its last timed point on they are not.
    ptWait[0] = timed === 0 ? Math.max(0, input.departS[i]! || 0) : 0;
    for (let j = 1; j < n; j++) ptWait[j] = j >= timed && ptNode[j] !== NOT_A_NODE ? Math.max(0, input.stopS[nodeBase + ptNode[j]!]! || 0) : 0;
    const route = input.route;
    if (leadLen === 0) {
      for (let k = 0; k < known; k++) {
        limitMps[k] =
          k === 0
            ? this.limitInto(route[nodeBase]!, input.lastNode[i]!, ptX[0]!, ptY[0]!, i)
            : this.edgeLimit(route[nodeBase + k - 1]!, route[nodeBase + k]!);
      }
      return named;
    }
    // The segment into point j lies between route nodes a (the last one named before j) and b (the first at or
    // after j): the lane edge a → b limits it where one joins them, else the AGV's max speed.
    let next: number = NOT_A_NODE;
    for (let j = n - 1; j >= 1; j--) {
      if (ptNode[j] !== NOT_A_NODE) next = ptNode[j]!;
      ptNext[j] = next;
    }
    let a: number = NOT_A_NODE;
    for (let j = 1; j < n; j++) {
      const b = ptNext[j]!;
      limitMps[j - 1] =
        b === NOT_A_NODE || b !== a + 1
          ? this.maxSpeed
          : a === NOT_A_NODE
            ? this.limitInto(route[nodeBase]!, input.lastNode[i]!, input.x[i]!, input.y[i]!, i)
            : this.edgeLimit(route[nodeBase + a]!, route[nodeBase + b]!);
      if (ptNode[j] !== NOT_A_NODE) a = ptNode[j]!;
    }
    return named;
  }

  /**
   * Drives AGV i along the point list: the timed lead points interpolated in time, then legs from rest to rest
   * (or from the start speed) between points it stands at, each timed by a speed profile; writes its samples in time order
   * and each point's arrival (`ptArr`) and the time it leaves it (`ptLeave`).
   */
  private drive(input: TrafficInput, out: PredictedRoutes, i: number, samples: number, sampleS: number, known: number): void {
    const { ptNode, ptWait, ptArr, ptLeave, points: n, timed } = this;
    const { x: ptX, y: ptY } = this.way;
    const first = i * out.samples;
    let s = 0;
    let heading = input.heading[i]!;
    // The timed part: straight from point to point, reached at the vehicle's etas.
    for (let j = 1; j <= timed; j++) {
      ptLeave[j - 1] = ptArr[j - 1]!;
      const dx = ptX[j]! - ptX[j - 1]!;
      const dy = ptY[j]! - ptY[j - 1]!;
      if (dx !== 0 || dy !== 0) heading = Math.atan2(dy, dx);
      const t0 = ptArr[j - 1]!;
      const t1 = ptArr[j]!;
      for (; s < samples && s * sampleS < t1; s++) {
        const f = (s * sampleS - t0) / (t1 - t0);
        out.px[first + s] = ptX[j - 1]! + f * dx;
        out.py[first + s] = ptY[j - 1]! + f * dy;
        out.heading[first + s] = heading;
      }
    }
    let v = input.speed[i]!;
    if (timed > 0) {
      const dt = ptArr[timed]! - ptArr[timed - 1]!;
      if (dt > 0) v = Math.min(this.maxSpeed, Math.hypot(ptX[timed]! - ptX[timed - 1]!, ptY[timed]! - ptY[timed - 1]!) / dt);
    }
    const hold = input.holdAt[i]!;
    const holdS = input.holdUntilS[i]! - input.meta[META_CLOCK_S]!;
    let held = -1;
    if (hold !== NO_HOLD && hold >= 0 && hold < known - 1 && !Number.isNaN(holdS)) {
      for (let j = timed; j < n - 1; j++) if (ptNode[j] === hold) held = j;
    }
    let from = timed;
    let t = ptArr[from]!;
    // At the start of the planned part: it stands for its departure, or a stop or hold at its last timed point.
    let leave = t + ptWait[from]!;
    if (held === from && (ptWait[from]! > 0 || t < holdS)) leave = Math.max(leave, holdS);
    ptLeave[from] = leave;
    if (leave > t) v = 0;
    s = this.stand(out, first, s, samples, sampleS, leave, ptX[from]!, ptY[from]!, heading);
    t = leave;
    while (from < n - 1) {
      let to = from + 1;
      while (to < n - 1 && !(ptWait[to]! > 0)) to++;
      let leg = this.planLeg(from, to, v, heading);
      if (held > from && held < to && t + leg.arrivalS[held - from]! < holdS) {
        to = held;
        leg = this.planLeg(from, to, v, heading);
      }
      for (let j = from + 1; j <= to; j++) ptArr[j] = ptLeave[j] = t + leg.arrivalS[j - from]!;
      const arrive = ptArr[to]!;
      for (; s < samples && s * sampleS < arrive; s++) {
        leg.at(s * sampleS - t);
        out.px[first + s] = leg.atX;
        out.py[first + s] = leg.atY;
        out.heading[first + s] = leg.atHeading;
      }
      leg.at(leg.durationS);
      heading = leg.atHeading;
      leave = arrive + ptWait[to]!;
      // Held here: it stopped for the hold, or for a stop, and stands until the later end.
      if (held === to) leave = Math.max(leave, holdS);
      ptLeave[to] = leave;
      s = this.stand(out, first, s, samples, sampleS, leave, ptX[to]!, ptY[to]!, heading);
      t = leave;
      v = 0;
      from = to;
    }
    this.stand(out, first, s, samples, sampleS, Infinity, ptX[from]!, ptY[from]!, heading);
  }

  /** Times the way's points `from` … `to` from speed `v0`; returns the profile that holds them. */
  private planLeg(from: number, to: number, v0: number, heading0: number): SpeedProfile {
    const { way, leg } = this;
    if (from === 0) {
      way.plan(to + 1, v0, heading0);
      return way;
    }
    for (let j = from; j <= to; j++) {
      leg.x[j - from] = way.x[j]!;
      leg.y[j - from] = way.y[j]!;
      leg.limitMps[j - from] = way.limitMps[j]!;
    }
    leg.plan(to - from + 1, v0, heading0);
    return leg;
  }

  /** Writes samples from `s` at (x, y, heading) while they fall before `untilS`; returns the next sample. */
  private stand(
    out: PredictedRoutes,
    first: number,
    s: number,
    samples: number,
    sampleS: number,
    untilS: number,
    x: number,
    y: number,
    heading: number,
  ): number {
    for (; s < samples && s * sampleS < untilS; s++) {
      out.px[first + s] = x;
      out.py[first + s] = y;
      out.heading[first + s] = heading;
    }
    return s;
  }

  /** Limit into the first route node: from the last node passed, else the nearest lane edge into it. */
  private limitInto(node: number, lastNode: number, x: number, y: number, i: number): number {
    if (lastNode !== UNKNOWN_NODE) {
      this.checkNode(lastNode, i, 'last node');
      for (let e = this.outStart[lastNode]!; e < this.outStart[lastNode + 1]!; e++) if (this.outTo[e] === node) return this.outLimit[e]!;
    }
    const bx = this.nodeX[node]!;
    const by = this.nodeY[node]!;
    let best = Infinity;
    let limit = this.maxSpeed;
    for (let e = this.inStart[node]!; e < this.inStart[node + 1]!; e++) {
      const from = this.inFrom[e]!;
      const d = distanceToSegment(x, y, this.nodeX[from]!, this.nodeY[from]!, bx, by);
      if (d < best) {
        best = d;
        limit = this.inLimit[e]!;
      }
    }
    return limit;
  }

  /** Limit of the lane edge from → to (the first in scene order), or the AGV's max speed when none joins them. */
  private edgeLimit(from: number, to: number): number {
    for (let e = this.outStart[from]!; e < this.outStart[from + 1]!; e++) if (this.outTo[e] === to) return this.outLimit[e]!;
    return this.maxSpeed;
  }

  private checkNode(node: number, i: number, what: string): void {
    if (!Number.isInteger(node) || node < 0 || node >= this.nodeCount) {
      throw new RangeError(`RoutePredictor: AGV ${i} has ${what} ${node}; the lane network has nodes 0 to ${this.nodeCount - 1}`);
    }
  }
}

/** Distance from (px, py) to the segment a–b. */
function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}
