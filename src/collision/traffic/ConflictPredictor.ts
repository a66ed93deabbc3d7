/**
 * Predicted conflicts: where two AGVs' predicted footprints, grown by the near-miss clearance, meet within the
 * horizon. At every valid sample k ≥ 1 of the predicted routes the AGVs' poses fill one BoxSet (velocity: the
 * way to sample k + 1 over the sample period) and the live {@link CollisionChecker} runs on it with the sample
 * period as its horizon, so its swept test covers the gap between samples and the prediction judges footprints
 * exactly as the live check will. A pair's conflict time is the first sample it meets at, plus the checker's
 * time to contact for a predicted event.
 *
 * Not a conflict:
 * - a pair that meets at sample 0 already (a near miss now is the live checker's alert, and two AGVs parked side
 *   by side are no prediction);
 * - a meeting that is not firm. Beyond its base (the released part of its order) an AGV's route is only the
 *   master control's plan: under VDA 5050 the master control releases a stretch of lane to one AGV at a time, so
 *   two unreleased horizons that overlap are a yield the master control will settle, not a conflict. A meeting
 *   counts only when each AGV is then inside its base (t ≤ baseEndS) or standing still.
 * A predicted time carries its uncertainty, ±(fixedS + perSecondAhead × the time ahead).
 *
 * The kind comes from the lane edges the two drive at that time (from the route's arrival times): the same edge
 * one way: follow; the two directions of one lane: head-on; different edges into one node: merge; one of them
 * standing: standing; else crossing.
 *
 * @example
 *   const predictor = new ConflictPredictor(200, { lengthM: 15.6, widthM: 3 }, params);
 *   const conflicts: PredictedConflict[] = [];
 *   predictor.predict(input, routes, conflicts);
 */
import { META_COUNT, META_SAMPLE_S, META_SAMPLES, type PredictedRoutes, type TrafficInput } from '../../domain/trafficFrame';
import type { ConflictKind, PredictedConflict } from '../../domain/trafficFindings';
import { boxSet, type BoxSet } from '../boxSet';
import { CONTACT, NEAR_MISS, PREDICTED } from '../classifyPair';
import { CollisionChecker } from '../CollisionChecker';
import { PairSet } from './pairSet';
import { edgeAt, standsAt } from './routeGeometry';
import type { TrafficAgv, TrafficParams } from './trafficParams';

export class ConflictPredictor {
  private readonly boxes: BoxSet;
  /** One checker per sample period: its horizon is fixed at construction, and the period is a round's figure. */
  private checker: CollisionChecker | undefined;
  /** BoxSet slot → AGV index for the sample being checked. */
  private readonly agvOf: Int32Array;
  /** Pairs settled this round: met at sample 0, or reported. */
  private readonly settled: PairSet;
  private readonly edgeA = new Int32Array(2);
  /** Per AGV this round: the first sample at which it has moved from where it stands now (`used` if never). */
  private readonly firstMove: Int32Array;
  private readonly edgeB = new Int32Array(2);

  constructor(
    readonly capacity: number,
    agv: TrafficAgv,
    private readonly params: TrafficParams,
  ) {
    this.boxes = boxSet(capacity);
    this.agvOf = new Int32Array(capacity);
    this.settled = new PairSet(capacity);
    this.firstMove = new Int32Array(capacity);
    this.boxes.halfLength.fill(agv.lengthM / 2);
    this.boxes.halfWidth.fill(agv.widthM / 2);
  }

  /** Appends this round's conflicts to `out`, in the order they are found (by time, sample by sample). */
  predict(input: TrafficInput, routes: PredictedRoutes, out: PredictedConflict[]): void {
    const n = routes.meta[META_COUNT]!;
    const used = routes.meta[META_SAMPLES]!;
    const sampleS = routes.meta[META_SAMPLE_S]!;
    if (n > this.capacity) throw new RangeError(`${n} AGVs exceed the conflict predictor's capacity of ${this.capacity}`);
    if (!(Number.isInteger(used) && used >= 0 && used <= routes.samples)) {
      throw new RangeError(`the predicted routes give ${used} valid samples; their layout holds 0 to ${routes.samples}`);
    }
    if (used < 2) return;
    if (!(sampleS > 0)) throw new RangeError(`the predicted routes' sample period is ${sampleS} s; it must be positive`);
    const checker = this.checkerFor(sampleS);
    const settled = this.settled;
    settled.clear();
    this.findFirstMoves(routes, n, used);
    const events = checker.check(this.fill(routes, n, 0, used, 0));
    for (let e = 0; e < events.count; e++) {
      const kind = events.kind[e]!;
      if (kind === CONTACT || kind === NEAR_MISS) settled.add(this.agvOf[events.a[e]!]!, this.agvOf[events.b[e]!]!);
    }
    for (let k = 1; k < used; k++) {
      const ev = checker.check(this.fill(routes, n, k, used, sampleS));
      for (let e = 0; e < ev.count; e++) {
        const a = this.agvOf[ev.a[e]!]!;
        const b = this.agvOf[ev.b[e]!]!;
        if (settled.has(a, b)) continue;
        const dt = ev.kind[e] === PREDICTED ? ev.ttc[e]! : 0;
        const t = k * sampleS + dt;
        if (!this.firm(routes, a, k, t) || !this.firm(routes, b, k, t)) continue;
        settled.add(a, b);
        out.push(this.conflict(input, routes, a, b, k, used, dt, t));
      }
    }
  }

  /**
   * The boxes at sample k: AGVs with a pose there, moving towards sample k + 1 (standing at the last sample).
   * An AGV past its base and moving at k cannot be firm at any time this sample's events give (k × sampleS or
   * later), so it is left out: in a fleet whose bases reach a few nodes ahead most AGVs leave the checks early.
   */
  private fill(routes: PredictedRoutes, n: number, k: number, used: number, sampleS: number): BoxSet {
    const { boxes, agvOf } = this;
    const { px, py, heading, samples, baseEndS } = routes;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const o = i * samples + k;
      const x = px[o]!;
      const y = py[o]!;
      if (Number.isNaN(x) || Number.isNaN(y)) continue;
      if (k * sampleS > baseEndS[i]! && this.firstMove[i]! <= k) continue;
      agvOf[count] = i;
      boxes.x[count] = x;
      boxes.y[count] = y;
      boxes.heading[count] = heading[o]!;
      const moves = sampleS > 0 && k + 1 < used && !Number.isNaN(px[o + 1]!);
      boxes.vx[count] = moves ? (px[o + 1]! - x) / sampleS : 0;
      boxes.vy[count] = moves ? (py[o + 1]! - y) / sampleS : 0;
      count++;
    }
    boxes.count = count;
    return boxes;
  }

  /** Inside its released base at t, or standing where it stands now until past sample k. */
  private firm(routes: PredictedRoutes, i: number, k: number, t: number): boolean {
    return t <= routes.baseEndS[i]! || this.firstMove[i]! > k + 1 || (this.firstMove[i]! > k && k + 1 >= routes.meta[META_SAMPLES]!);
  }

  /** Each AGV's first sample away from its pose at sample 0 (farther than a standing AGV's jitter). */
  private findFirstMoves(routes: PredictedRoutes, n: number, used: number): void {
    const { px, py, samples } = routes;
    const eps = this.standStep(routes);
    for (let i = 0; i < n; i++) {
      const o = i * samples;
      let k = 1;
      while (k < used && Math.hypot(px[o + k]! - px[o]!, py[o + k]! - py[o]!) <= eps) k++;
      this.firstMove[i] = k;
    }
  }

  private conflict(input: TrafficInput, routes: PredictedRoutes, a: number, b: number, k: number, used: number, dt: number, t: number): PredictedConflict {
    const { fixedS, perSecondAhead } = this.params;
    const u = fixedS + perSecondAhead * t;
    const { px, py, samples } = routes;
    // The pose at t: sample k moved on by dt along the way to sample k + 1.
    const f = dt / routes.meta[META_SAMPLE_S]!;
    const at = (i: number, p: Float32Array) => {
      const o = i * samples + k;
      return k + 1 < used ? p[o]! + (p[o + 1]! - p[o]!) * f : p[o]!;
    };
    return {
      a,
      b,
      kind: this.kind(input, routes, a, b, k, used, t),
      inS: t,
      earliestS: Math.max(0, t - u),
      latestS: t + u,
      x: (at(a, px) + at(b, px)) / 2,
      y: (at(a, py) + at(b, py)) / 2,
    };
  }

  private kind(input: TrafficInput, routes: PredictedRoutes, a: number, b: number, k: number, used: number, t: number): ConflictKind {
    const ea = this.edgeA;
    const eb = this.edgeB;
    edgeAt(input, routes, a, t, ea);
    edgeAt(input, routes, b, t, eb);
    const known = ea[0]! >= 0 && ea[1]! >= 0 && eb[0]! >= 0 && eb[1]! >= 0;
    if (known && ea[0] === eb[0] && ea[1] === eb[1]) return 'follow';
    if (known && ea[0] === eb[1] && ea[1] === eb[0]) return 'head-on';
    if (ea[1]! >= 0 && ea[1] === eb[1]) return 'merge';
    const eps = this.standStep(routes);
    if (standsAt(routes, a, k, used, eps) || standsAt(routes, b, k, used, eps)) return 'standing';
    return 'crossing';
  }

  /** Farthest an AGV moves in one sample period and still stands. */
  private standStep(routes: PredictedRoutes): number {
    return this.params.standingSpeedMps * routes.meta[META_SAMPLE_S]!;
  }

  private checkerFor(sampleS: number): CollisionChecker {
    if (this.checker?.params.horizonS !== sampleS) {
      this.checker = new CollisionChecker(this.capacity, { horizonS: sampleS, nearMissClearanceM: this.params.clearanceM }, this.capacity * 8);
    }
    return this.checker;
  }
}
