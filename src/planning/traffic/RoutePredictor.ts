import { buildLaneGraph } from '../../domain/laneGraph';
import type { LaneEdge, LaneNode } from '../../domain/sceneSchema';
import {
  FLAG_COMMITTED,
  FLAG_FATAL,
  FLAG_PAUSED,
  FLAG_PLACED,
  FLAG_ROUTE_CUT,
  FLAG_STALE,
  META_CLOCK_S,
  META_COUNT,
  META_HORIZON_S,
  META_ROUND,
  META_SAMPLE_S,
  META_SAMPLES,
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
 * An AGV with a route drives from where it is, straight to its first route node and on along the lane nodes,
 * timed by {@link SpeedProfile} (the scene fleet's max speed, acceleration and deceleration, the current ground
 * speed, each lane edge's speed limit) and coming to rest at its last route node. An AGV without a route, or
 * stale, paused or in a fatal error, stands where it is; one not placed on the map has no prediction (NaN).
 *
 * Assumptions, beside those of the speed profile:
 * - The base is taken to be extended in time: the AGV drives on through the not-yet-released nodes and does not
 *   stop at its base's end (`baseEndS` tells the reader where the released part ends).
 * - The segment into route node k is limited by the lane edge from node k − 1; into node 0 by the edge from the
 *   last node passed, else by the edge into node 0 that lies nearest the AGV, else by the AGV's max speed; so is
 *   a step between two nodes that no lane edge joins.
 * - Actions at nodes (loading, charging) and other vehicles are not seen: the AGV does not stop on the way.
 * - A route node the scene does not know ({@link UNKNOWN_NODE}) cuts the route there, and so does the packer's
 *   route capacity (`FLAG_ROUTE_CUT`): the AGV is predicted to stop at the last node it knows, and has no ETA.
 * - A hold (`holdAt[i]`, a resolution proposal the master control enforces by withholding releases): the AGV
 *   brakes to rest at that route node, stands until `holdUntilS[i]` (source clock) and accelerates on along the
 *   rest. When it would reach the node no earlier than the hold's end anyway, it does not stop at all; a hold on
 *   its last known node changes nothing (it stops there in any case). Its base then ends when it leaves the node.
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
  private readonly profile: SpeedProfile;
  /** The way on from a hold node. */
  private readonly onward: SpeedProfile;

  constructor(lanes: LaneNetwork, agv: AgvKinematics, routeCap: number) {
    if (!Number.isInteger(routeCap) || routeCap < 1) throw new RangeError(`RoutePredictor: route capacity must be a whole number ≥ 1, got ${routeCap}`);
    this.routeCap = routeCap;
    this.profile = new SpeedProfile(routeCap + 1, agv);
    this.onward = new SpeedProfile(routeCap, agv);
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
    const { routeCap, profile } = this;
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

    profile.x[0] = input.x[i]!;
    profile.y[0] = input.y[i]!;
    let known = 0;
    for (; known < routeLen; known++) {
      const node = input.route[nodeBase + known]!;
      if (node === UNKNOWN_NODE) break;
      this.checkNode(node, i, `route node ${known}`);
      profile.x[known + 1] = this.nodeX[node]!;
      profile.y[known + 1] = this.nodeY[node]!;
      profile.limitMps[known] =
        known === 0 ? this.limitInto(node, input.lastNode[i]!, input.x[i]!, input.y[i]!, i) : this.edgeLimit(input.route[nodeBase + known - 1]!, node);
    }
    profile.plan(known + 1, input.speed[i]!, input.heading[i]!);
    const cut = known < routeLen || (flags & FLAG_ROUTE_CUT) !== 0;
    const released = (flags & FLAG_COMMITTED) !== 0 || (baseLen > 0 && (baseLen === routeLen || baseLen > known));
    const hold = input.holdAt[i]!;
    const holdS = input.holdUntilS[i]! - input.meta[META_CLOCK_S]!;
    if (hold !== NO_HOLD && hold >= 0 && hold < known - 1 && profile.arrivalS[hold + 1]! < holdS) {
      const goS = this.predictHeld(out, i, samples, sampleS, known, hold, holdS, input.speed[i]!, input.heading[i]!);
      if (cut) out.etaS[i] = NaN;
      out.baseEndS[i] = released ? Infinity : baseLen === 0 ? 0 : baseLen - 1 === hold ? goS : out.nodeS[nodeBase + baseLen - 1]!;
      return;
    }
    for (let k = 0; k < known; k++) out.nodeS[nodeBase + k] = profile.arrivalS[k + 1]!;
    out.etaS[i] = cut ? NaN : profile.durationS;
    out.baseEndS[i] = released ? Infinity : baseLen === 0 ? 0 : profile.arrivalS[baseLen]!;
    for (let s = 0; s < samples; s++) {
      profile.at(s * sampleS);
      out.px[first + s] = profile.atX;
      out.py[first + s] = profile.atY;
      out.heading[first + s] = profile.atHeading;
    }
  }

  /**
   * AGV i (its whole route planned in `profile`) held at route node `hold` until `holdS` seconds from now:
   * to rest at the node, standing there, then from rest along the rest of its `known` nodes. Returns the
   * seconds until it leaves the node.
   */
  private predictHeld(
    out: PredictedRoutes,
    i: number,
    samples: number,
    sampleS: number,
    known: number,
    hold: number,
    holdS: number,
    v0: number,
    heading0: number,
  ): number {
    const { profile, onward, routeCap } = this;
    const nodeBase = i * routeCap;
    const first = i * out.samples;
    profile.plan(hold + 2, v0, heading0);
    const stopS = profile.durationS;
    const goS = Math.max(stopS, holdS);
    profile.at(stopS);
    const holdX = profile.atX;
    const holdY = profile.atY;
    const holdHeading = profile.atHeading;
    const points = known - hold;
    for (let j = 0; j < points; j++) {
      onward.x[j] = profile.x[hold + 1 + j]!;
      onward.y[j] = profile.y[hold + 1 + j]!;
      onward.limitMps[j] = profile.limitMps[hold + 1 + j]!;
    }
    onward.plan(points, 0, holdHeading);
    for (let k = 0; k <= hold; k++) out.nodeS[nodeBase + k] = profile.arrivalS[k + 1]!;
    for (let k = hold + 1; k < known; k++) out.nodeS[nodeBase + k] = goS + onward.arrivalS[k - hold]!;
    out.etaS[i] = goS + onward.durationS;
    for (let s = 0; s < samples; s++) {
      const t = s * sampleS;
      if (t < stopS) {
        profile.at(t);
        out.px[first + s] = profile.atX;
        out.py[first + s] = profile.atY;
        out.heading[first + s] = profile.atHeading;
      } else if (t < goS) {
        out.px[first + s] = holdX;
        out.py[first + s] = holdY;
        out.heading[first + s] = holdHeading;
      } else {
        onward.at(t - goS);
        out.px[first + s] = onward.atX;
        out.py[first + s] = onward.atY;
        out.heading[first + s] = onward.atHeading;
      }
    }
    return goS;
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
