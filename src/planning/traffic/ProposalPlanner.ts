import safety from '../../../data/safety.json' with { type: 'json' };
import traffic from '../../../data/traffic.json' with { type: 'json' };
import {
  FLAG_COMMITTED,
  LEAD_CAP,
  META_CLOCK_S,
  META_COUNT,
  META_HORIZON_S,
  META_SAMPLE_S,
  META_SAMPLES,
  NO_HOLD,
  UNKNOWN_NODE,
  predictedRoutes,
  trafficInput,
  type PredictedRoutes,
  type TrafficInput,
} from '../../domain/trafficFrame';
import type { GhostRoute, ProposalFailure, ProposalResult, ProposalTarget, ProposedHold, TrafficProposal } from '../../domain/trafficProposal';
import type { LaneNetwork, RoutePredictor } from './RoutePredictor';
import { centre, firstPlace, firstWithin, lastWithin, neighbours } from './proposalPlaces';
import { SampleMeetings, type Footprint } from './sampleMeetings';

export interface ProposalOptions extends Footprint {
  /** AGVs predicted within this distance (m) of the meeting join the check (Infinity: the whole fleet). */
  readonly nearM: number;
  /** Rounds of adding holds: the first, then one for each new meeting a hold causes (≥ 1). */
  readonly maxRounds: number;
}

/**
 * Defaults: the near-miss clearance of data/safety.json and the `proposal` block of data/traffic.json (each with
 * its reason); the footprint is the scene fleet's, so the caller adds `lengthM` and `widthM`.
 */
export const PROPOSAL_DEFAULTS = {
  clearanceM: safety.collision.nearMissClearanceM.value,
  nearM: traffic.proposal.nearM.value,
  maxRounds: traffic.proposal.maxRounds.value,
} as const;

const FIXED_S = traffic.timingUncertainty.fixedS;
const PER_SECOND_AHEAD = traffic.timingUncertainty.perSecondAhead;
const STANDING_SPEED_MPS = traffic.standingSpeedMps.value;

/** A hold in a plan, on a row of the scratch buffers. */
interface Hold {
  readonly slot: number;
  readonly routeIndex: number;
  readonly untilS: number;
}

/** Why an AGV cannot wait for the others, in words for a failure's detail. */
const WHY = {
  'inside-base': 'its released base reaches the place',
  'too-close': 'no node of its route lies far enough short of the place',
  'never-clears': 'what it would wait for has not cleared the place by the horizon',
  'not-near': 'it does not come near the place',
} as const;
type Why = keyof typeof WHY;
type HoldsOrWhy = Hold[] | Why;

/** Rows copied from the round for the check, their routes without the plan and with it, and one row alone. */
interface Scratch {
  readonly input: TrafficInput;
  readonly base: PredictedRoutes;
  readonly work: PredictedRoutes;
  readonly one: { readonly input: TrafficInput; readonly routes: PredictedRoutes };
}

/** One target's working state: the AGVs checked (rows of the scratch buffers) and what their base round showed. */
interface Job {
  readonly target: ProposalTarget;
  /** AGV of each scratch row, ascending. */
  readonly rows: readonly number[];
  /** Rows of the target's AGVs. */
  readonly involved: readonly number[];
  /** Pairs (p * m + q) that met before any hold and are not the target's: not this plan's to settle. */
  readonly before: Uint8Array;
}

/**
 * Resolution proposals by holds, the one thing a VDA 5050 master control can do to a route it has planned:
 * withhold the release of the nodes beyond one route node until a time (the base already released stays).
 *
 * For a conflict between AGVs a and b (meeting first where their grown footprints touch in the round's
 * prediction) two plans are tried: b waits until a has cleared the meeting place, and the mirror. The waiting
 * AGV is held at the last route node it reaches before the place that lies at least a footprint plus the
 * clearance from it and at or beyond its base end (route index ≥ baseLen − 1; a committed AGV too: a hold only
 * withholds releases). Each hold comes with two releases, tried in turn: the tight one, timed so that the AGV,
 * going on from rest, comes that near the place just as the other's centre is that far past it for good, plus
 * the timing uncertainty of data/traffic.json (±(1 s + 10 % of the time ahead)); and the safe one, only once the
 * other is past (plus the uncertainty). For a deadlock, each AGV of the cycle that has not yet reached the space
 * it contests (where its predicted footprint first meets another's) is tried, held until all the others have
 * cleared it.
 *
 * A plan is checked on the AGVs involved and those near them: predicted within `nearM` of the meeting, or coming
 * within a footprint's reach of the involved AGVs' predicted ways. They are re-predicted with the plan's holds
 * (a held AGV as committed: the twin releases its route on schedule, so all of it is firm) in scratch buffers,
 * and checked pairwise with {@link SampleMeetings}; meetings between pairs that met before the plan and that no
 * hold touches are left to their own proposals. When a plan meets anew, two plans follow from it: one of the
 * pair waits for the other, then the mirror (an AGV held twice keeps the earlier node and the later time), up to
 * `maxRounds` rounds; the search stops deepening after the first round with a plan that meets nothing. The plan
 * kept is the one of least total delay; `savesS` is the next best plan's total less its (0 when alone).
 *
 * Delay of an AGV: its ETA with the plan less without (for a route cut short of its end, the arrival at its last
 * timed node). Ghosts: the planned poses of the target's AGVs and the held ones. A target that no longer meets
 * in the round gets a plan with no holds. Failures: `inside-bases` when the only nodes an AGV could wait at short
 * of the place lie inside its released base, for every AGV of the target; `no-plan` when every plan tried met
 * something, or an AGV has no node far enough short of the place, or what it waits for never clears it within
 * the horizon (the end of a queue).
 *
 * Deterministic: plans are tried in a fixed order and ties go to the one found first.
 *
 * @example
 *   const planner = new ProposalPlanner(predictor, scene.lanes);
 *   const [result] = planner.propose(input, routes, [{ kind: 'conflict', a: 3, b: 7 }], { ...PROPOSAL_DEFAULTS, lengthM: 15.6, widthM: 3 });
 *   if (result.ok) result.holds; // e.g. [{ agv: 7, node: 41, routeIndex: 2, untilS: 29_012.5 }]: AGV 7 waits at lane node 41
 */
export class ProposalPlanner {
  private readonly nodeX: Float64Array;
  private readonly nodeY: Float64Array;
  private scratch: Scratch | undefined;

  constructor(
    private readonly predictor: RoutePredictor,
    lanes: LaneNetwork,
  ) {
    this.nodeX = Float64Array.from(lanes.nodes, (n) => n.position[0]);
    this.nodeY = Float64Array.from(lanes.nodes, (n) => n.position[1]);
  }

  /** A result per target, on the round in `input` and `routes` (left untouched). Throws naming a bad option or target. */
  propose(input: TrafficInput, routes: PredictedRoutes, targets: readonly ProposalTarget[], options: ProposalOptions): ProposalResult[] {
    checkOptions(options);
    const n = routes.meta[META_COUNT]!;
    if (!(input.meta[META_COUNT]! >= n))
      throw new RangeError(`ProposalPlanner: the routes hold ${n} AGVs but the packed fleet only ${input.meta[META_COUNT]}`);
    const meetings = new SampleMeetings(options, STANDING_SPEED_MPS, n);
    return targets.map((target) => this.proposeOne(input, routes, target, options, meetings, n));
  }

  private proposeOne(
    input: TrafficInput,
    routes: PredictedRoutes,
    target: ProposalTarget,
    o: ProposalOptions,
    meetings: SampleMeetings,
    n: number,
  ): ProposalResult {
    const agvs = target.kind === 'conflict' ? [target.a, target.b] : [...target.agvs];
    checkTarget(agvs, target.kind, n);
    const places = agvs.map((c) => firstPlace(routes, meetings, c, agvs));
    if (places.every((p) => p === undefined)) return empty(target, agvs, routes.meta[META_SAMPLE_S]!);
    const [cx, cy] = centre(routes, agvs, places);
    const job = this.prepare(input, routes, target, agvs, neighbours(routes, n, cx, cy, agvs, o), meetings);
    const { base } = this.scratch!;

    // First round: each AGV of the target waits for the others (for a conflict: b for a first, then a for b).
    const order = target.kind === 'conflict' ? [1, 0] : agvs.map((_, k) => k);
    let frontier: Hold[][] = [];
    const why: [number, Why][] = [];
    for (const k of order) {
      const place = places[k];
      const slot = job.involved[k]!;
      if (place === undefined) continue;
      const others = job.involved.filter((s) => s !== slot);
      const h = this.holdFor(input, base, job, slot, others, place[0], place[1], [], o);
      if (typeof h === 'object') frontier.push(...h.map((one) => [one]));
      else why.push([agvs[k]!, h]);
    }
    if (frontier.length === 0) {
      const where = places.find((p) => p !== undefined)!;
      const at = `(${where[0].toFixed(1)}, ${where[1].toFixed(1)})`;
      return why.every(([, w]) => w === 'inside-base')
        ? fail(target, 'inside-bases', `AGVs ${agvs.join(', ')} meet at ${at} inside their released bases: no hold can keep them apart, only a pause`)
        : fail(target, 'no-plan', `no AGV of ${agvs.join(', ')} can wait short of ${at}: ${why.map(([agv, w]) => `AGV ${agv}: ${WHY[w]}`).join('; ')}`);
    }

    const found: { holds: Hold[]; total: number }[] = [];
    const seen = new Set<string>();
    let lastMeeting = '';
    for (let round = 1; round <= o.maxRounds && frontier.length > 0 && found.length === 0; round++) {
      const next: Hold[][] = [];
      for (const plan of frontier) {
        const key = plan.map((h) => `${h.slot}@${h.routeIndex}<${h.untilS}`).join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        const meeting = this.evaluate(input, job, plan, meetings);
        if (meeting === undefined) {
          found.push({ holds: plan, total: this.totalDelay(input, job) });
          continue;
        }
        const { p, q, x, y } = meeting;
        lastMeeting = `AGVs ${job.rows[p]} and ${job.rows[q]} meet in ${(meeting.k * routes.meta[META_SAMPLE_S]!).toFixed(1)} s`;
        if (round === o.maxRounds) continue;
        for (const [w, f] of [
          [q, p],
          [p, q],
        ] as const) {
          const h = this.holdFor(input, this.scratch!.work, job, w, [f], x, y, plan, o);
          if (typeof h === 'object') next.push(...h.map((one) => withHold(plan, one)));
        }
      }
      frontier = next;
    }
    if (found.length === 0) return fail(target, 'no-plan', `every plan of holds tried left a meeting (last: ${lastMeeting})`);
    let best = 0;
    for (let k = 1; k < found.length; k++) if (found[k]!.total < found[best]!.total) best = k;
    const second = found.reduce((m, f, k) => (k === best ? m : Math.min(m, f.total)), Infinity);
    this.evaluate(input, job, found[best]!.holds, meetings);
    return this.result(input, job, found[best]!.holds, second === Infinity ? 0 : second - found[best]!.total);
  }

  /** Copies the rows into the scratch input, predicts them as they are, and marks the pairs already meeting. */
  private prepare(
    input: TrafficInput,
    routes: PredictedRoutes,
    target: ProposalTarget,
    agvs: readonly number[],
    rows: readonly number[],
    meetings: SampleMeetings,
  ): Job {
    const s = this.scratchFor(input, routes);
    const m = rows.length;
    rows.forEach((i, r) => copyRow(input, i, s.input, r));
    s.input.meta[META_COUNT] = m;
    s.input.meta[META_CLOCK_S] = input.meta[META_CLOCK_S]!;
    this.predictor.predict(s.input, s.base, routes.meta[META_HORIZON_S]!, routes.meta[META_SAMPLE_S]!);
    meetings.prepare(s.base, m);
    const before = new Uint8Array(m * m);
    meetings.earliest(s.base, m, undefined, before);
    const involved = agvs.map((a) => rows.indexOf(a));
    for (const p of involved) for (const q of involved) before[p * m + q] = 0;
    return { target, rows, involved, before };
  }

  /** Re-predicts the job's rows with the plan's holds into the work buffer; the earliest meeting left, if any. */
  private evaluate(input: TrafficInput, job: Job, plan: readonly Hold[], meetings: SampleMeetings) {
    const s = this.scratch!;
    const m = job.rows.length;
    job.rows.forEach((i, r) => {
      s.input.flags[r] = input.flags[i]!;
      s.input.holdAt[r] = input.holdAt[i]!;
      s.input.holdUntilS[r] = input.holdUntilS[i]!;
    });
    const ignore = job.before.slice();
    for (const h of plan) {
      s.input.flags[h.slot] = s.input.flags[h.slot]! | FLAG_COMMITTED;
      s.input.holdAt[h.slot] = h.routeIndex;
      s.input.holdUntilS[h.slot] = h.untilS;
      for (let r = 0; r < m; r++) ignore[h.slot * m + r] = ignore[r * m + h.slot] = 0;
    }
    this.predictor.predict(s.input, s.work, s.base.meta[META_HORIZON_S]!, s.base.meta[META_SAMPLE_S]!);
    meetings.prepare(s.work, m);
    return meetings.earliest(s.work, m, ignore, undefined);
  }

  /**
   * Holds for row `w` to wait for rows `others` to clear the place (x, y), on the routes as the plan so far
   * predicts them, or why there is none. Two releases, the tight one first: timed so that `w`, going on from
   * rest at the hold node, comes within a footprint and the clearance of the place just as the last of the others
   * is that far past it (plus the timing uncertainty); and the safe one, once they are that far past it. Each
   * merged with the plan's hold of `w` if it has one.
   */
  private holdFor(
    input: TrafficInput,
    routes: PredictedRoutes,
    job: Job,
    w: number,
    others: readonly number[],
    x: number,
    y: number,
    plan: readonly Hold[],
    o: ProposalOptions,
  ): HoldsOrWhy {
    const standoff = o.lengthM + o.clearanceM;
    const sampleS = routes.meta[META_SAMPLE_S]!;
    const used = routes.meta[META_SAMPLES]!;
    const agv = job.rows[w]!;
    const reach = firstWithin(routes, w, x, y, standoff, 0, used);
    if (reach < 0) return 'not-near';
    const cap = input.routeCap;
    const len = input.routeLen[agv]!;
    // The last node it reaches before it comes near the place, far enough from it; one inside its base will not do.
    const baseEnd = Math.max(0, input.baseLen[agv]! - 1);
    let at = -1;
    for (let k = 0; k < len; k++) {
      const node = input.route[agv * cap + k]!;
      if (node === UNKNOWN_NODE || !(routes.nodeS[w * cap + k]! <= reach * sampleS)) break;
      if (Math.hypot(this.nodeX[node]! - x, this.nodeY[node]! - y) >= standoff) at = k;
    }
    if (at < 0) return 'too-close';
    if (at < baseEnd) return 'inside-base';
    let clearS = 0;
    for (const f of others) {
      const last = lastWithin(routes, f, x, y, standoff, used);
      if (last === used - 1) return 'never-clears';
      clearS = Math.max(clearS, (last + 1) * sampleS);
    }
    const clock = input.meta[META_CLOCK_S]!;
    const safe = clock + clearS + FIXED_S + PER_SECOND_AHEAD * clearS;
    const tight = safe - this.travelS(w, at, safe, x, y, standoff);
    const held = plan.find((h) => h.slot === w);
    const hold = (untilS: number): Hold => ({
      slot: w,
      routeIndex: held ? Math.min(at, held.routeIndex) : at,
      untilS: held ? Math.max(untilS, held.untilS) : untilS,
    });
    return safe - tight > sampleS ? [hold(tight), hold(safe)] : [hold(safe)];
  }

  /**
   * Seconds row `w` of the scratch input (as last evaluated) takes from leaving its route node `at`, held there
   * until `untilS`, to come within `d` of (x, y); 0 when it would not stop there or never comes that near.
   */
  private travelS(w: number, at: number, untilS: number, x: number, y: number, d: number): number {
    const { input, one, base } = this.scratch!;
    copyRow(input, w, one.input, 0);
    one.input.meta[META_COUNT] = 1;
    one.input.meta[META_CLOCK_S] = input.meta[META_CLOCK_S]!;
    one.input.flags[0] = one.input.flags[0]! | FLAG_COMMITTED;
    one.input.holdAt[0] = at;
    one.input.holdUntilS[0] = untilS;
    this.predictor.predict(one.input, one.routes, base.meta[META_HORIZON_S]!, base.meta[META_SAMPLE_S]!);
    const sampleS = one.routes.meta[META_SAMPLE_S]!;
    const holdS = untilS - input.meta[META_CLOCK_S]!;
    const arriveS = one.routes.nodeS[at]!;
    const stopS = one.input.stopS[at]! > 0 ? one.input.stopS[at]! : 0;
    if (!(arriveS < holdS) && !(stopS > 0)) return 0;
    // With a stop for its order's actions there, it leaves when the later of the stop and the hold ends.
    const goS = Math.max(holdS, arriveS + stopS);
    const k = firstWithin(one.routes, 0, x, y, d, Math.ceil(goS / sampleS), one.routes.meta[META_SAMPLES]!);
    return k < 0 ? 0 : Math.max(0, k * sampleS - goS);
  }

  /** Sum of the job's delays on the work routes against the base. */
  private totalDelay(input: TrafficInput, job: Job): number {
    let total = 0;
    for (let r = 0; r < job.rows.length; r++) total += this.delay(input, job, r);
    return total;
  }

  private delay(input: TrafficInput, job: Job, r: number): number {
    const { base, work } = this.scratch!;
    const len = input.routeLen[job.rows[r]!]!;
    return lastTimed(work, r, len) - lastTimed(base, r, len);
  }

  /** The proposal for the plan last evaluated (its routes in the work buffer). */
  private result(input: TrafficInput, job: Job, plan: readonly Hold[], savesS: number): TrafficProposal {
    const { work } = this.scratch!;
    const used = work.meta[META_SAMPLES]!;
    const cap = input.routeCap;
    const holds: ProposedHold[] = plan
      .map((h) => {
        const agv = job.rows[h.slot]!;
        return { agv, node: input.route[agv * cap + h.routeIndex]!, routeIndex: h.routeIndex, untilS: h.untilS };
      })
      .sort((p, q) => p.agv - q.agv);
    const agvs = job.rows.map((agv, r) => ({ agv, delayS: this.delay(input, job, r) }));
    const ghostRows = [...new Set([...job.involved, ...plan.map((h) => h.slot)])].sort((p, q) => p - q);
    const ghosts: GhostRoute[] = ghostRows.map((r) => ({
      agv: job.rows[r]!,
      px: work.px.slice(r * work.samples, r * work.samples + used),
      py: work.py.slice(r * work.samples, r * work.samples + used),
    }));
    return {
      ok: true,
      target: job.target,
      holds,
      agvs,
      totalDelayS: agvs.reduce((sum, a) => sum + a.delayS, 0),
      savesS,
      sampleS: work.meta[META_SAMPLE_S]!,
      ghosts,
    };
  }

  private scratchFor(input: TrafficInput, routes: PredictedRoutes): Scratch {
    const s = this.scratch;
    if (s && s.input.capacity >= input.capacity && s.input.routeCap === input.routeCap && s.base.samples === routes.samples) return s;
    const made = {
      input: trafficInput(input.capacity, input.routeCap),
      base: predictedRoutes(input.capacity, input.routeCap, routes.samples),
      work: predictedRoutes(input.capacity, input.routeCap, routes.samples),
      one: { input: trafficInput(1, input.routeCap), routes: predictedRoutes(1, input.routeCap, routes.samples) },
    };
    made.input.holdAt.fill(NO_HOLD);
    this.scratch = made;
    return made;
  }
}

function checkOptions(o: ProposalOptions): void {
  for (const name of ['lengthM', 'widthM'] as const) {
    if (!(Number.isFinite(o[name]) && o[name] > 0)) throw new RangeError(`ProposalPlanner: ${name} must be a positive number of metres, got ${o[name]}`);
  }
  if (!(Number.isFinite(o.clearanceM) && o.clearanceM >= 0))
    throw new RangeError(`ProposalPlanner: clearanceM must be a finite number ≥ 0, got ${o.clearanceM}`);
  if (!(o.nearM >= 0)) throw new RangeError(`ProposalPlanner: nearM must be ≥ 0 (Infinity for the whole fleet), got ${o.nearM}`);
  if (!(Number.isInteger(o.maxRounds) && o.maxRounds >= 1))
    throw new RangeError(`ProposalPlanner: maxRounds must be a whole number ≥ 1, got ${o.maxRounds}`);
}

function checkTarget(agvs: readonly number[], kind: ProposalTarget['kind'], n: number): void {
  if (agvs.length < 2) throw new RangeError(`ProposalPlanner: a ${kind} needs two AGVs or more, got ${agvs.length}`);
  for (const a of agvs) {
    if (!(Number.isInteger(a) && a >= 0 && a < n)) throw new RangeError(`ProposalPlanner: ${kind} AGV ${a} is not one of the round's AGVs 0 to ${n - 1}`);
  }
  if (new Set(agvs).size !== agvs.length) throw new RangeError(`ProposalPlanner: a ${kind} names an AGV twice (${agvs.join(', ')})`);
}

/** AGV i of `from` into row r of `to`. */
function copyRow(from: TrafficInput, i: number, to: TrafficInput, r: number): void {
  const cap = from.routeCap;
  to.x[r] = from.x[i]!;
  to.y[r] = from.y[i]!;
  to.heading[r] = from.heading[i]!;
  to.speed[r] = from.speed[i]!;
  to.standingS[r] = from.standingS[i]!;
  to.flags[r] = from.flags[i]!;
  to.lastNode[r] = from.lastNode[i]!;
  to.routeLen[r] = from.routeLen[i]!;
  to.baseLen[r] = from.baseLen[i]!;
  to.holdAt[r] = from.holdAt[i]!;
  to.holdUntilS[r] = from.holdUntilS[i]!;
  to.departS[r] = from.departS[i]!;
  to.route.set(from.route.subarray(i * cap, (i + 1) * cap), r * cap);
  to.stopS.set(from.stopS.subarray(i * cap, (i + 1) * cap), r * cap);
  const len = Math.min(Math.max(from.leadLen[i]!, 0), LEAD_CAP);
  to.leadLen[r] = len;
  to.leadX.set(from.leadX.subarray(i * LEAD_CAP, i * LEAD_CAP + len), r * LEAD_CAP);
  to.leadY.set(from.leadY.subarray(i * LEAD_CAP, i * LEAD_CAP + len), r * LEAD_CAP);
  to.leadS.set(from.leadS.subarray(i * LEAD_CAP, i * LEAD_CAP + len), r * LEAD_CAP);
  to.leadNode.set(from.leadNode.subarray(i * LEAD_CAP, i * LEAD_CAP + len), r * LEAD_CAP);
}

/** Row r's ETA, or its arrival at its last timed route node, or 0 without one. */
function lastTimed(routes: PredictedRoutes, r: number, len: number): number {
  const eta = routes.etaS[r]!;
  if (Number.isFinite(eta)) return eta;
  for (let k = len - 1; k >= 0; k--) {
    const t = routes.nodeS[r * routes.routeCap + k]!;
    if (Number.isFinite(t)) return t;
  }
  return 0;
}

function withHold(plan: readonly Hold[], h: Hold): Hold[] {
  return [...plan.filter((p) => p.slot !== h.slot), h].sort((p, q) => p.slot - q.slot);
}

function empty(target: ProposalTarget, agvs: readonly number[], sampleS: number): TrafficProposal {
  return { ok: true, target, holds: [], agvs: agvs.map((agv) => ({ agv, delayS: 0 })), totalDelayS: 0, savesS: 0, sampleS, ghosts: [] };
}

function fail(target: ProposalTarget, reason: ProposalFailure['reason'], detail: string): ProposalFailure {
  return { ok: false, target, reason, detail };
}
