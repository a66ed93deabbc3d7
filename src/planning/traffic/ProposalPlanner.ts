import {
  FLAG_DRIVING,
  FLAG_PLACED,
  META_COUNT,
  META_ROUND,
  META_SAMPLE_S,
  META_SAMPLES,
  UNKNOWN_NODE,
  type PredictedRoutes,
  type TrafficInput,
} from '../../domain/trafficFrame';
import { solveLacam } from '../lacam';
import { laneCells, type LaneCells } from '../laneCells';
import type { PlanGraph } from '../PlanGraph';
import type { LaneNetwork } from './RoutePredictor';

/** Where and how long a planned AGV stands still before its goal. */
export interface ProposalWait {
  /** The lane node it waits at, or, on a cell inside a lane edge, the edge's end node it waits short of. */
  readonly node: number;
  /** The cell's position (zone frame, m). */
  readonly x: number;
  readonly y: number;
  readonly fromS: number;
  readonly toS: number;
}

export interface ProposalRoute {
  readonly agv: number;
  /** Lane nodes the plan drives through, in order, from where the AGV is to its goal (the start cell left out). */
  readonly nodes: number[];
  /** Seconds from the packed instant until it reaches each of `nodes`. */
  readonly nodeS: number[];
  readonly waits: ProposalWait[];
  /**
   * True when its goal cell is a nearer planned AGV's goal too, or held by an AGV out of the plan: it ends queued on
   * the nearest free cell behind it (its nodes stop short of its route's last node).
   */
  readonly endsShort: boolean;
  /** The plan's lane cell at each step, from its start cell to its arrival (steps end at the proposal's `stepEndS`). */
  readonly cells: number[];
}

/** A conflict-free plan for the AGVs near a predicted conflict (plain data, structured-clonable). */
export interface Proposal {
  readonly id: string;
  /** Fleet-table indices of the AGVs in the plan (the involved ones first, then those near them, by index). */
  readonly agvs: number[];
  readonly routes: ProposalRoute[];
  /** Seconds from now at which each plan step ends (0 for the start). */
  readonly stepEndS: number[];
  /** Per AGV of `agvs`: seconds its waits and detours in the plan add to its ETA (see {@link ProposalPlanner}). */
  readonly delayS: number[];
  readonly totalDelayS: number;
  /** The delay the conflict would cost unresolved (see {@link ProposalPlanner}) minus `totalDelayS`. */
  readonly savesS: number;
  readonly solved: boolean;
  /** Wall milliseconds the proposal took. */
  readonly ms: number;
  readonly reason?: string;
}

export interface ProposalOptions {
  /** AGVs within this distance (m) of the conflict place join the plan. */
  readonly radiusM: number;
  readonly timeLimitMs: number;
  readonly seed: number;
}

/** Assumptions: 150 m is about seven 20 m cells around the place, the queue a conflict backs up in a minute; 80 ms leaves room in a 100 ms goal. */
export const PROPOSAL_DEFAULTS: ProposalOptions = { radiusM: 150, timeLimitMs: 80, seed: 0 };

/**
 * Resolution proposals: for a predicted conflict or deadlock, a conflict-free plan (LaCAM on the scene's lane
 * cells) for the AGVs involved and every AGV within a radius of the conflict place, from where they are to their
 * routes' last nodes.
 *
 * Choices and assumptions:
 * - Every other placed AGV is out of the plan. One standing (not driving) blocks its cell for the whole plan (the
 *   cell is removed from the graph), so the plan never asks an AGV outside it to move; one driving is taken to
 *   drive on out of the plan's way and is not seen (as a wall it would cut every plan AGV behind it on a one-way
 *   lane from its goal). Both are honest only while those AGVs are far enough away, hence the radius.
 * - Start: the cell nearest the AGV's pose that no other AGV holds (the table's lower index first); the drive from
 *   the pose onto that cell is not timed. Goal: the cell of its route's last known node; without a route, its start.
 *   Where AGVs share a goal cell (a queue at a checkpoint, lane nodes merged into one cell), the nearest keeps it
 *   and each farther one queues on the nearest free cell behind it, against the lanes (`endsShort`); so does
 *   one whose goal cell an AGV out of the plan holds (behind that AGV and any queued behind it).
 * - Time: the plan runs in lockstep, as the simulation's planner does. A move into a cell takes
 *   ceil(distance / (speed limit × step)) steps of step = cell length / max speed (the slowest lane edge the cell
 *   lies on, as `sim/AgvMotion` times entries), and a plan step lasts as long as the slowest move in it; so AGVs
 *   that move together never overtake the plan's order, and cruise at the limit (no acceleration).
 * - Delay of an AGV: its last arrival at its goal in the plan minus its free arrival, the fastest way there alone on
 *   the cells under the same timing (0 for an AGV without a route, so one moved aside and back is charged the time it
 *   was away); that is, its predicted ETA plus this delay is its ETA under the plan. Not the plan's arrival minus the
 *   ETA itself: the plan cruises at the limits with no acceleration, so that difference would mostly be the two
 *   timing models' gap (negative for nearly every AGV) rather than what the waits and detours cost.
 * - Saved: unresolved, the conflict stops the AGVs involved at the conflict place; as a lower bound it costs the
 *   largest of their remaining times from there (the predicted sample nearest the place) to their ETA. `savesS` is
 *   that minus the plan's total delay.
 *
 * @example
 *   const planner = new ProposalPlanner(scene.lanes, 20, 6.94);
 *   const p = planner.propose(input, routes, [3, 7], 412, -88, PROPOSAL_DEFAULTS);
 *   if (p.solved) p.routes[0].waits; // where AGV 3 waits and for how long
 */
export class ProposalPlanner {
  readonly cells: LaneCells;
  /** Per vertex: the lane nodes on it (`nodeList[nodeStart[v]] …`). */
  private readonly nodeStart: Int32Array;
  private readonly nodeList: Int32Array;
  /** Per vertex: steps a move into it takes. */
  private readonly entrySteps: Int32Array;
  private readonly stepS: number;
  private readonly edgeTo: Int32Array;
  /** Moves into each vertex (`inFrom[inStart[v]] …`), to queue behind a goal. */
  private readonly inStart: Int32Array;
  private readonly inFrom: Int32Array;

  constructor(lanes: LaneNetwork, cellLengthM: number, maxSpeedMps: number) {
    if (!(maxSpeedMps > 0)) throw new RangeError(`ProposalPlanner: max speed must be positive, got ${maxSpeedMps}`);
    this.cells = laneCells(lanes.nodes, lanes.edges, cellLengthM);
    const g = this.cells.graph;
    this.stepS = cellLengthM / maxSpeedMps;
    const nodeIndex = new Map(lanes.nodes.map((n, k) => [n.id, k]));
    this.edgeTo = Int32Array.from(lanes.edges, (e) => nodeIndex.get(e.to) ?? -1);

    this.nodeStart = new Int32Array(g.nodeCount + 1);
    for (const v of this.cells.vertexOfNode) this.nodeStart[v + 1]!++;
    for (let v = 0; v < g.nodeCount; v++) this.nodeStart[v + 1]! += this.nodeStart[v]!;
    const fill = this.nodeStart.slice(0, g.nodeCount);
    this.nodeList = new Int32Array(lanes.nodes.length);
    this.cells.vertexOfNode.forEach((v, k) => (this.nodeList[fill[v]!++] = k));

    this.inStart = new Int32Array(g.nodeCount + 1);
    for (const v of g.targets) this.inStart[v + 1]!++;
    for (let v = 0; v < g.nodeCount; v++) this.inStart[v + 1]! += this.inStart[v]!;
    const into = this.inStart.slice(0, g.nodeCount);
    this.inFrom = new Int32Array(g.targets.length);
    for (let u = 0; u < g.nodeCount; u++) for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) this.inFrom[into[g.targets[k]!]!++] = u;

    const limit = new Float64Array(g.nodeCount).fill(maxSpeedMps);
    this.cells.edgeOfVertex.forEach((e, v) => {
      if (e >= 0) limit[v] = Math.min(maxSpeedMps, lanes.edges[e]!.speedLimitMps);
    });
    lanes.edges.forEach((e, k) => {
      const to = this.edgeTo[k]!;
      if (to >= 0) limit[this.cells.vertexOfNode[to]!] = Math.min(limit[this.cells.vertexOfNode[to]!]!, e.speedLimitMps);
    });
    this.entrySteps = new Int32Array(g.nodeCount).fill(1);
    for (let u = 0; u < g.nodeCount; u++) {
      for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) {
        const v = g.targets[k]!;
        const d = Math.hypot(g.x[v]! - g.x[u]!, g.y[v]! - g.y[u]!);
        this.entrySteps[v] = Math.max(this.entrySteps[v]!, Math.ceil(d / (limit[v]! * this.stepS) - 1e-9));
      }
    }
  }

  /** A plan for `involved` (fleet-table indices) and the AGVs within `options.radiusM` of (x, y); never throws for a hard instance. */
  propose(
    input: TrafficInput,
    routes: PredictedRoutes,
    involved: readonly number[],
    x: number,
    y: number,
    options: ProposalOptions = PROPOSAL_DEFAULTS,
  ): Proposal {
    const t0 = performance.now();
    const count = input.meta[META_COUNT]!;
    for (const i of involved) {
      if (!(Number.isInteger(i) && i >= 0 && i < count)) throw new RangeError(`ProposalPlanner: AGV ${i} is not in the packed fleet of ${count}`);
      if (!(input.flags[i]! & FLAG_PLACED)) throw new RangeError(`ProposalPlanner: AGV ${i} is not placed on the map`);
    }
    const g = this.cells.graph;
    const inPlan = new Set(involved);
    for (let i = 0; i < count; i++) {
      if (input.flags[i]! & FLAG_PLACED && Math.hypot(input.x[i]! - x, input.y[i]! - y) <= options.radiusM) inPlan.add(i);
    }
    const agvs = [...involved, ...[...inPlan].filter((i) => !involved.includes(i)).sort((a, b) => a - b)];
    const id = `proposal-${routes.meta[META_ROUND]}-${[...involved].sort((a, b) => a - b).join('-')}`;
    const unsolved = (reason: string): Proposal => ({
      id,
      agvs,
      routes: [],
      stepEndS: [],
      delayS: [],
      totalDelayS: 0,
      savesS: 0,
      solved: false,
      ms: performance.now() - t0,
      reason,
    });

    // Cells held: first those of the AGVs out of the plan (blocked), then the plan's starts.
    const holder = new Int32Array(g.nodeCount).fill(-1);
    const blocked = new Uint8Array(g.nodeCount);
    for (let i = 0; i < count; i++) {
      if (inPlan.has(i) || !(input.flags[i]! & FLAG_PLACED) || input.flags[i]! & FLAG_DRIVING) continue;
      const v = this.nearestFree(input.x[i]!, input.y[i]!, holder);
      if (v < 0) return unsolved(`no free lane cell for AGV ${i} out of the plan`);
      holder[v] = i;
      blocked[v] = 1;
    }
    const n = agvs.length;
    const starts = new Int32Array(n);
    const goals = new Int32Array(n);
    const goalOf = new Int32Array(g.nodeCount).fill(-1);
    for (let a = 0; a < n; a++) {
      const i = agvs[a]!;
      const v = this.nearestFree(input.x[i]!, input.y[i]!, holder);
      if (v < 0) return unsolved(`no free lane cell to start AGV ${i} on`);
      holder[v] = i;
      starts[a] = v;
    }
    const short = new Uint8Array(n);
    const wanted = Int32Array.from(agvs, (i, a) => {
      const last = this.lastKnownNode(input, i);
      return last < 0 ? starts[a]! : this.cells.vertexOfNode[last]!;
    });
    // Of AGVs bound for one cell, the nearest gets it and the others queue in order of their distance: on a one-way
    // lane a farther AGV cannot overtake a nearer one to take the cell ahead.
    const soonest = Float64Array.from(agvs, (_, a) => this.freeArrivalS(starts[a]!, wanted[a]!));
    const byArrival = Array.from(agvs, (_, a) => a).sort((p, q) => wanted[p]! - wanted[q]! || soonest[p]! - soonest[q]! || p - q);
    for (const a of byArrival) {
      const i = agvs[a]!;
      let goal = wanted[a]!;
      if (blocked[goal] || goalOf[goal]! >= 0) {
        const behind = this.queueBehind(goal, goalOf, blocked);
        if (behind < 0) {
          const by = blocked[goal] ? `held by AGV ${holder[goal]}, out of the plan` : `AGV ${agvs[goalOf[goal]!]}'s goal too`;
          return unsolved(`AGV ${i}'s goal cell is ${by}, with no free cell to queue on behind it`);
        }
        goal = behind;
        short[a] = 1;
      }
      goalOf[goal] = a;
      goals[a] = goal;
    }

    const result = solveLacam(withoutCells(g, blocked), starts, goals, { timeLimitMs: options.timeLimitMs, seed: options.seed });
    if (!result.solved) {
      return unsolved(
        result.expanded === 0
          ? 'a goal cannot be reached from its start on the lane cells left free'
          : `no plan found within ${options.timeLimitMs} ms (${result.expanded} configurations tried)`,
      );
    }
    const paths = result.paths!;
    const stepEnd = this.stepTimes(paths, result.makespan);
    const planned: ProposalRoute[] = [];
    const delayS: number[] = [];
    for (let a = 0; a < n; a++) {
      const i = agvs[a]!;
      const { route, arrivalS } = this.routeOf(input, i, paths[a]!, goals[a]!, stepEnd, short[a] === 1);
      planned.push(route);
      delayS.push(arrivalS - this.freeArrivalS(starts[a]!, goals[a]!));
    }
    const totalDelayS = delayS.reduce((s, d) => s + d, 0);
    const unresolvedS = Math.max(0, ...involved.map((i) => this.remainingFrom(routes, i, x, y)));
    return {
      id,
      agvs,
      routes: planned,
      stepEndS: Array.from(stepEnd),
      delayS,
      totalDelayS,
      savesS: unresolvedS - totalDelayS,
      solved: true,
      ms: performance.now() - t0,
    };
  }

  /** Seconds from `start` to `goal` alone on the cells, each move timed by its entry steps (Dijkstra; the steps are whole). */
  private freeArrivalS(start: number, goal: number): number {
    const g = this.cells.graph;
    const steps = new Int32Array(g.nodeCount).fill(-1);
    const buckets: number[][] = [[start]];
    steps[start] = 0;
    for (let d = 0; d < buckets.length; d++) {
      for (const u of buckets[d] ?? []) {
        if (steps[u] !== d) continue;
        if (u === goal) return d * this.stepS;
        for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) {
          const v = g.targets[k]!;
          const dv = d + this.entrySteps[v]!;
          if (steps[v]! >= 0 && steps[v]! <= dv) continue;
          steps[v] = dv;
          (buckets[dv] ??= []).push(v);
        }
      }
    }
    return Infinity;
  }

  /**
   * The nearest cell behind `goal` (breadth-first against the moves, through the cells of AGVs out of the plan, as
   * a queue forms behind them) that is neither blocked nor a goal, or -1.
   */
  private queueBehind(goal: number, goalOf: Int32Array, blocked: Uint8Array): number {
    const seen = new Set([goal]);
    const queue = [goal];
    for (let q = 0; q < queue.length; q++) {
      const v = queue[q]!;
      for (let k = this.inStart[v]!; k < this.inStart[v + 1]!; k++) {
        const u = this.inFrom[k]!;
        if (seen.has(u)) continue;
        if (!blocked[u] && goalOf[u]! < 0) return u;
        seen.add(u);
        queue.push(u);
      }
    }
    return -1;
  }

  /** The cell nearest (x, y) that `holder` leaves free, or -1. */
  private nearestFree(x: number, y: number, holder: Int32Array): number {
    const g = this.cells.graph;
    let best = -1;
    let bestD = Infinity;
    for (let v = 0; v < g.nodeCount; v++) {
      if (holder[v]! >= 0) continue;
      const d = (g.x[v]! - x) ** 2 + (g.y[v]! - y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = v;
      }
    }
    return best;
  }

  /** The last route node before the first one the scene does not know, or -1 without one. */
  private lastKnownNode(input: TrafficInput, i: number): number {
    let last = -1;
    for (let k = 0; k < input.routeLen[i]!; k++) {
      const node = input.route[i * input.routeCap + k]!;
      if (node === UNKNOWN_NODE) break;
      last = node;
    }
    return last;
  }

  /** stepEnd[t]: seconds from now at which plan step t ends (stepEnd[0] = 0). */
  private stepTimes(paths: Int32Array[], makespan: number): Float64Array {
    const stepEnd = new Float64Array(makespan + 1);
    for (let t = 1; t <= makespan; t++) {
      let steps = 1;
      for (const p of paths) if (p[t] !== p[t - 1]) steps = Math.max(steps, this.entrySteps[p[t]!]!);
      stepEnd[t] = stepEnd[t - 1]! + steps * this.stepS;
    }
    return stepEnd;
  }

  private routeOf(
    input: TrafficInput,
    i: number,
    path: Int32Array,
    goal: number,
    stepEnd: Float64Array,
    endsShort: boolean,
  ): { route: ProposalRoute; arrivalS: number } {
    let arrive = path.length - 1;
    while (arrive > 0 && path[arrive - 1] === goal) arrive--;
    const nodes: number[] = [];
    const nodeS: number[] = [];
    const waits: ProposalWait[] = [];
    const g = this.cells.graph;
    for (let t = 1; t <= arrive; t++) {
      const v = path[t]!;
      if (v === path[t - 1]) {
        const last = waits[waits.length - 1];
        if (last !== undefined && last.toS === stepEnd[t - 1]) waits[waits.length - 1] = { ...last, toS: stepEnd[t]! };
        else waits.push({ node: this.nodeAhead(input, i, v), x: g.x[v]!, y: g.y[v]!, fromS: stepEnd[t - 1]!, toS: stepEnd[t]! });
        continue;
      }
      if (this.cells.edgeOfVertex[v]! < 0) {
        nodes.push(this.nodeOn(input, i, v));
        nodeS.push(stepEnd[t]!);
      }
    }
    return { route: { agv: i, nodes, nodeS, waits, endsShort, cells: Array.from(path.subarray(0, arrive + 1)) }, arrivalS: stepEnd[arrive]! };
  }

  /** The lane node on vertex v, the one on AGV i's route where several were merged into it. */
  private nodeOn(input: TrafficInput, i: number, v: number): number {
    const from = this.nodeStart[v]!;
    const to = this.nodeStart[v + 1]!;
    for (let k = from; k < to; k++) {
      const node = this.nodeList[k]!;
      for (let r = 0; r < input.routeLen[i]!; r++) if (input.route[i * input.routeCap + r] === node) return node;
    }
    return this.nodeList[from]!;
  }

  private nodeAhead(input: TrafficInput, i: number, v: number): number {
    const e = this.cells.edgeOfVertex[v]!;
    return e < 0 ? this.nodeOn(input, i, v) : this.edgeTo[e]!;
  }

  /** AGV i's predicted seconds from its pass nearest (x, y) to its ETA (0 without an ETA). */
  private remainingFrom(routes: PredictedRoutes, i: number, x: number, y: number): number {
    const eta = routes.etaS[i]!;
    if (Number.isNaN(eta)) return 0;
    const used = routes.meta[META_SAMPLES]!;
    let best = 0;
    let bestD = Infinity;
    for (let k = 0; k < used; k++) {
      const o = i * routes.samples + k;
      const d = (routes.px[o]! - x) ** 2 + (routes.py[o]! - y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    return Math.max(0, eta - best * routes.meta[META_SAMPLE_S]!);
  }
}

/** The graph with no move into or out of the blocked vertices (they stay, unreachable, so indices hold). */
function withoutCells(g: PlanGraph, blocked: Uint8Array): PlanGraph {
  const offsets = new Int32Array(g.nodeCount + 1);
  const targets = new Int32Array(g.targets.length);
  let w = 0;
  for (let v = 0; v < g.nodeCount; v++) {
    offsets[v] = w;
    if (blocked[v]) continue;
    for (let k = g.offsets[v]!; k < g.offsets[v + 1]!; k++) if (!blocked[g.targets[k]!]) targets[w++] = g.targets[k]!;
  }
  offsets[g.nodeCount] = w;
  return { nodeCount: g.nodeCount, offsets, targets: targets.subarray(0, w), x: g.x, y: g.y };
}
