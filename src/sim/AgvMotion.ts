/**
 * AGVs moving cell by cell on the lane network, one planner step at a time. Each lane edge is cut into cells at
 * least one AGV plus its following gap long, so agents on distinct cells keep their distance; the planner (lifelong
 * PIBT) picks every AGV's next cell with no two in one cell and no swaps. A move into a cell takes as many steps as
 * the edge's speed limit requires; while it lasts, the cell being left stays blocked (a held stand-in agent
 * occupies it) and nobody may follow into it in the step the move starts, so a slow AGV is never run into.
 *
 * Cells of different lanes can lie closer than a cell where lanes merge, fork or run side by side. Two cells are
 * "near" when AGVs standing on them, each grown by the clearance, would overlap (at a junction, where the heading
 * is ambiguous, when they are closer than a cell); the plan is corrected so that two AGVs never stand on near
 * cells (the one moving in waits, the lower index winning when both move), which the planner's vertex conflicts
 * alone would allow. Parallel lanes a few metres apart are not near, so traffic on them passes freely.
 *
 * Stop-aware planning (`stopAware`, the simulation's `pibt-stop-aware` planner): the planner is told which AGVs
 * will stand out their stop loss this step and plans the others around them (see {@link holdStarters}).
 *
 * Pure motion: which goal each AGV has, and what happens when it gets there, is the simulation's business.
 */
import { convexPenetration, footprintCorners } from '../domain/geometry';
import type { LaneEdge, LaneNode } from '../domain/sceneSchema';
import { laneCells } from '../planning/laneCells';
import { Pibt } from '../planning/Pibt';
import type { PlanGraph } from '../planning/PlanGraph';
import type { WaitCauses } from './WaitCauses';

export interface AgvMotionParams {
  readonly cellLengthM: number;
  /** Metres an AGV at top speed covers in one planner step (the cell length when not given). */
  readonly stepLengthM?: number;
  readonly maxSpeedMps: number;
  /**
   * Acceleration and braking (the scene's AGV figures). Without them an AGV starts and stops at once, as if it had
   * none to lose.
   */
  readonly accelerationMps2?: number;
  readonly decelerationMps2?: number;
  /** AGV footprint, and the clearance two footprints must keep (the near-miss distance). */
  readonly lengthM: number;
  readonly widthM: number;
  readonly clearanceM: number;
  /** The planner holds AGVs that will stand out their stop loss, and plans the rest around them (holdStarters). */
  readonly stopAware?: boolean;
}

export class AgvMotion {
  readonly graph: PlanGraph;
  readonly vertexOfNode: Int32Array;
  /** Per planner vertex: the lane edge whose inside it lies on, or -1 for a vertex at lane nodes. */
  readonly edgeOfVertex: Int32Array;
  readonly stepS: number;
  /** Steps each move takes (≥ 1), per planner-graph edge: its length over the speed limit of the lane it runs on. */
  private readonly moveSteps: Int32Array;
  readonly cellHeading: Float64Array;
  readonly n: number;
  /** Planner vertex of each AGV (where it is, or where its current move ends). */
  readonly vertex: Int32Array;
  readonly fromVertex: Int32Array;
  readonly moveStart: Float64Array;
  readonly moveEnd: Float64Array;
  /** Steps left in the current move after this one; 0 when the AGV stands at `vertex`. */
  readonly moveLeft: Int32Array;
  readonly goal: Int32Array;
  /** 1 while the AGV must stand still (loading, charging). */
  readonly hold: Uint8Array;
  /** 1 while an operator has paused the AGV (it finishes the cell move it is in, then stands). */
  readonly paused: Uint8Array;
  /**
   * Seconds a stop costs an AGV against driving on at top speed, v/2a to get going and v/2b to have braked (it
   * covers the braking and accelerating distances at half speed): 0 without acceleration figures.
   */
  readonly stopLossS: number;
  /**
   * Per AGV: the seconds of stop losses it has yet to stand out before its next move from rest (whole steps are
   * stood, the rest carried to its next stop); -1 while it is not starting from rest.
   */
  private readonly startDebt: Float64Array;
  /** Per AGV: 1 when its current move starts from rest (the view eases it in), 2 when it ends at its goal, 3 both. */
  private readonly ease: Uint8Array;
  /** Per AGV: the time of the step in which it last stood out part of its stop loss (one payment a step). */
  private readonly paidAt: Float64Array;
  /** Whether stop-aware planning holds AGVs that will stand out their stop loss (see {@link holdStarters}). */
  private readonly stopAware: boolean;
  /** Per AGV: 1 when stop-aware planning held it this step to stand out its stop loss. */
  private readonly starting: Uint8Array;
  /** The time of the last step planned. */
  private lastStepT = Number.NaN;
  /** Seconds a stop costs that were not yet stood out, per AGV, carried to its next start. */
  private readonly carry: Float64Array;
  /** 1 for an AGV placed while driving (see {@link place}): its first move is not a start from rest. */
  private readonly rolling: Uint8Array;
  /** An AGV that ignores its plan and drives on towards its goal (fault injection), or -1. */
  rogue = -1;
  /**
   * 1 while an AGV that was rogue waits to rejoin the plan (see {@link endRogue}): it stands, nobody enters its
   * cell, and it rejoins once no other AGV is on or near its cell.
   */
  readonly rejoining: Uint8Array;
  waits = 0;
  /** When set, told before and after each step, to break the planner waits down by cause (a measurement). */
  waitCauses: WaitCauses | undefined = undefined;
  private readonly pibt: Pibt;
  /** Per agent: its next cell; after the agents, the cells of stand-ins (see {@link step}). */
  private readonly next: Int32Array;
  private readonly cur: Int32Array;
  /** The planner's input and output, in its own order (the rogue left out). */
  private readonly plan: { slot: Int32Array; cur: Int32Array; goal: Int32Array; hold: Uint8Array; next: Int32Array };
  /** CSR lists of the vertices nearer than a cell to each vertex (see {@link nearCells}). */
  private readonly nearStart: Int32Array;
  private readonly near: Int32Array;
  /** Per vertex: the agent (or stand-in) ending this step there, or -1. */
  private readonly claim: Int32Array;

  constructor(nodes: readonly LaneNode[], edges: readonly LaneEdge[], count: number, params: AgvMotionParams, seed: number) {
    const cells = laneCells(nodes, edges, params.cellLengthM);
    this.graph = cells.graph;
    this.vertexOfNode = cells.vertexOfNode;
    this.edgeOfVertex = cells.edgeOfVertex;
    this.cellHeading = cells.heading;
    this.stepS = (params.stepLengthM ?? params.cellLengthM) / params.maxSpeedMps;
    this.moveSteps = moveSteps(cells.graph, cells.edgeOfVertex, cells.vertexOfNode, edges, nodes, params.maxSpeedMps, this.stepS);
    const V = cells.graph.nodeCount;
    if (count > V / 2) throw new Error(`${count} AGVs do not fit on ${V} lane cells of ${params.cellLengthM} m (at most ${Math.floor(V / 2)})`);
    this.n = count;
    this.vertex = new Int32Array(count);
    this.fromVertex = new Int32Array(count);
    this.moveStart = new Float64Array(count);
    // Standing since before time began: a first move is a start from rest.
    this.moveEnd = new Float64Array(count).fill(-Infinity);
    this.moveLeft = new Int32Array(count);
    this.goal = new Int32Array(count);
    this.hold = new Uint8Array(count);
    this.paused = new Uint8Array(count);
    this.rejoining = new Uint8Array(count);
    const v = params.maxSpeedMps;
    this.stopLossS = params.accelerationMps2 && params.decelerationMps2 ? v / (2 * params.accelerationMps2) + v / (2 * params.decelerationMps2) : 0;
    this.startDebt = new Float64Array(count).fill(-1);
    this.ease = new Uint8Array(count);
    this.carry = new Float64Array(count);
    this.paidAt = new Float64Array(count).fill(NaN);
    this.stopAware = params.stopAware ?? false;
    this.starting = new Uint8Array(count);
    this.rolling = new Uint8Array(count);
    this.pibt = new Pibt(cells.graph, 2 * count, seed);
    this.cur = new Int32Array(2 * count);
    this.next = new Int32Array(count);
    this.plan = {
      slot: new Int32Array(count),
      cur: new Int32Array(2 * count),
      goal: new Int32Array(2 * count),
      hold: new Uint8Array(2 * count),
      next: new Int32Array(2 * count),
    };
    this.claim = new Int32Array(V).fill(-1);
    const near = nearCells(cells.graph, cells.heading, cells.headingOk, params);
    this.nearStart = near.start;
    this.near = near.list;
    for (let i = 0; i < count; i++) {
      const v = Math.floor((i * V) / count);
      this.vertex[i] = v;
      this.fromVertex[i] = v;
      this.goal[i] = v;
    }
  }

  /**
   * Makes AGV i ignore its plan (see {@link driveRogue}); a rogue AGV before it starts rejoining the plan, as
   * {@link endRogue} does.
   */
  setRogue(i: number): void {
    if (this.rogue >= 0 && this.rogue !== i) this.rejoining[this.rogue] = 1;
    this.rejoining[i] = 0;
    this.rogue = i;
  }

  /**
   * Ends the rogue drill. The AGV may stand on or near another's cell, which the planner cannot represent, so it
   * does not rejoin at once: it finishes its cell move, stands with its cell kept free of newcomers, and rejoins
   * planning from where it stands once the others have moved off and away.
   */
  endRogue(): void {
    if (this.rogue < 0) return;
    this.rejoining[this.rogue] = 1;
    this.rogue = -1;
  }

  /**
   * Puts AGV i on `vertex` at time t with no move under way and no goal elsewhere (a forecast forks a fleet's
   * reported positions into a running simulation this way): `standing` when it was reported still, so its next move
   * is a start from rest, else driving on. The caller keeps one AGV per vertex.
   */
  place(i: number, vertex: number, t: number, standing = true): void {
    if (!(vertex >= 0 && vertex < this.graph.nodeCount)) throw new RangeError(`no lane cell ${vertex} to place AGV ${i + 1} on`);
    this.vertex[i] = vertex;
    this.fromVertex[i] = vertex;
    this.goal[i] = vertex;
    this.moveStart[i] = t;
    this.moveEnd[i] = t;
    this.rolling[i] = standing ? 0 : 1;
    this.moveLeft[i] = 0;
    this.startDebt[i] = -1;
    this.carry[i] = 0;
    this.ease[i] = 0;
    this.hold[i] = 0;
    this.rejoining[i] = 0;
  }

  /** Steps a move from vertex u to its neighbour v takes (1 for a pair that is not a move). */
  stepsBetween(u: number, v: number): number {
    const g = this.graph;
    for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) if (g.targets[k] === v) return this.moveSteps[k]!;
    return 1;
  }

  distance(goal: number, v: number): number {
    return this.pibt.distance(goal, v);
  }

  /**
   * Plans and starts one step at time `t` (the step ends at t + stepS). Returns how many AGVs move or keep
   * moving; {@link waits} accumulates AGVs that wanted to move and could not.
   */
  step(t: number): number {
    const n = this.n;
    const { plan } = this;
    this.lastStepT = t;
    this.waitCauses?.before(this);
    for (let i = 0; i < n; i++) if (this.rejoining[i] && this.isClear(i)) this.rejoining[i] = 0;
    // The planner sees every AGV but a rogue or rejoining one (which may share a cell), then a held stand-in for
    // each cell being left by a move that is still under way.
    let p = 0;
    for (let i = 0; i < n; i++) {
      if (this.outOfPlan(i)) continue;
      plan.slot[i] = p;
      plan.cur[p] = this.vertex[i]!;
      plan.goal[p] = this.goal[i]!;
      plan.hold[p] = this.moveLeft[i]! > 0 || this.hold[i] || this.paused[i] ? 1 : 0;
      p++;
    }
    let m = n;
    for (let i = 0; i < n; i++) {
      if (this.moveLeft[i]! === 0 || this.outOfPlan(i)) continue;
      this.cur[m++] = this.fromVertex[i]!;
      plan.cur[p] = this.fromVertex[i]!;
      plan.goal[p] = this.fromVertex[i]!;
      plan.hold[p] = 1;
      p++;
    }
    this.pibt.plan(p, plan.cur, plan.goal, plan.hold, plan.next);
    if (this.stopAware && this.holdStarters(n, t)) this.pibt.plan(p, plan.cur, plan.goal, plan.hold, plan.next);
    this.waits += this.pibt.commit(p, plan.cur, plan.goal, plan.hold, plan.next);
    for (let i = 0; i < n; i++) this.next[i] = this.outOfPlan(i) ? this.vertex[i]! : plan.next[plan.slot[i]!]!;
    this.driveRogue(n);
    this.claimAll(n, m);
    this.standOutStopLosses(n, t);
    this.keepRejoiningCellsClear(n);
    this.keepSlowStartsClear(n);
    this.keepNearCellsClear(n);
    this.releaseClaims(n, m);
    let active = 0;
    for (let i = 0; i < n; i++) {
      if (this.moveLeft[i]! > 0) {
        this.moveLeft[i]!--;
        active++;
        continue;
      }
      const v = this.next[i]!;
      if (v === this.vertex[i]) continue;
      const k = this.stepsBetween(this.vertex[i]!, v);
      this.ease[i] = (this.startDebt[i]! >= 0 ? 1 : 0) | (v === this.goal[i] ? 2 : 0);
      this.startDebt[i] = -1;
      this.rolling[i] = 0;
      this.fromVertex[i] = this.vertex[i]!;
      this.vertex[i] = v;
      this.moveStart[i] = t;
      this.moveEnd[i] = t + k * this.stepS;
      this.moveLeft[i] = k - 1;
      active++;
    }
    this.waitCauses?.after(this, t);
    return active;
  }

  /** True when AGV i stood out part of its stop loss in the last step (not a planner wait). */
  standingOutStopLoss(i: number): boolean {
    return this.paidAt[i] === this.lastStepT;
  }

  /**
   * The rogue AGV (a fault injected in tests) drives on along its shortest way to its goal whatever the plan
   * says, into whoever waits there; it still stops at its goal and while held.
   */
  private driveRogue(n: number): void {
    const r = this.rogue;
    if (r < 0 || r >= n || this.moveLeft[r]! > 0 || this.hold[r] || this.vertex[r] === this.goal[r]) return;
    const g = this.graph;
    const v = this.vertex[r]!;
    const goal = this.goal[r]!;
    for (let k = g.offsets[v]!; k < g.offsets[v + 1]!; k++) {
      if (this.pibt.distance(goal, g.targets[k]!) < this.pibt.distance(goal, v)) {
        this.next[r] = g.targets[k]!;
        return;
      }
    }
  }

  /**
   * Stop-aware planning: an AGV the plan moves off from rest that will stand out its stop loss this step instead (see
   * {@link standOutStopLosses}) is held in the plan, and the plan made again, so the cell it was given goes to
   * another AGV (at a merge, the other lane's AGV drives on) rather than staying empty. Returns whether any was held.
   */
  private holdStarters(n: number, t: number): boolean {
    const { plan } = this;
    let any = false;
    for (let i = 0; i < n; i++) {
      this.starting[i] = 0;
      if (this.outOfPlan(i) || this.moveLeft[i]! > 0) continue;
      const s = plan.slot[i]!;
      if (plan.hold[s] || plan.next[s] === this.vertex[i] || !this.atRest(i, t)) continue;
      const debt = this.startDebt[i]! >= 0 ? this.startDebt[i]! : this.carry[i]! + this.stopLossS;
      if (debt < this.stepS) continue;
      plan.hold[s] = 1;
      this.starting[i] = 1;
      any = true;
    }
    return any;
  }

  /** AGV i stood through the last step (its next move is a start from rest). */
  private atRest(i: number, t: number): boolean {
    return this.stopLossS > 0 && !this.rolling[i] && this.moveEnd[i]! < t - 1e-6;
  }

  /**
   * An AGV about to move off after standing through a step first stands out what its stop cost (see
   * {@link stopLossS}), in whole steps, the part of a step left over carried to its next stop; whoever would follow
   * into its cell waits with it. These are not planner waits.
   */
  private standOutStopLosses(n: number, t: number): void {
    if (this.stopLossS === 0) return;
    for (let i = 0; i < n; i++) {
      if (this.starting[i]) {
        // Held by stop-aware planning: it stands out a step of its loss where it is.
        if (this.startDebt[i]! < 0) {
          this.startDebt[i] = this.carry[i]! + this.stopLossS;
          this.carry[i] = 0;
        }
        this.startDebt[i]! -= this.stepS;
        this.paidAt[i] = t;
        this.starting[i] = 0;
        continue;
      }
      if (this.next[i] === this.vertex[i] || this.moveLeft[i]! > 0 || this.outOfPlan(i) || this.moveEnd[i]! >= t - 1e-6 || this.rolling[i]) continue;
      if (this.startDebt[i]! < 0) {
        this.startDebt[i] = this.carry[i]! + this.stopLossS;
        this.carry[i] = 0;
      }
      if (this.startDebt[i]! >= this.stepS) {
        this.startDebt[i]! -= this.stepS;
        this.paidAt[i] = t;
        this.revert(i, n);
        this.waits--;
      } else {
        this.carry[i] = this.startDebt[i]!;
      }
    }
  }

  /** Marks where every agent (and stand-in) ends this step, as the corrections below need. */
  private claimAll(n: number, m: number): void {
    for (let k = 0; k < m; k++) this.claim[k < n ? this.next[k]! : this.cur[k]!] = k;
  }

  private releaseClaims(n: number, m: number): void {
    for (let k = 0; k < m; k++) this.claim[k < n ? this.next[k]! : this.cur[k]!] = -1;
    for (let k = 0; k < n; k++) this.claim[this.vertex[k]!] = -1;
  }

  /** Nobody follows into a cell whose AGV starts a move of more than one step (it is still there). */
  private keepSlowStartsClear(n: number): void {
    const { claim, next, vertex } = this;
    for (let i = 0; i < n; i++) {
      const v = next[i]!;
      if (v === vertex[i] || this.moveLeft[i]! > 0 || this.stepsBetween(vertex[i]!, v) <= 1) continue;
      const k = claim[vertex[i]!]!;
      if (k >= 0 && k < n && k !== i && !this.outOfPlan(k)) this.revert(k, n);
    }
  }

  /** Reverts moves onto a cell near one another agent ends the step on, until none is left. */
  private keepNearCellsClear(n: number): void {
    const { claim, next, vertex, nearStart, near } = this;
    let changed = true;
    while (changed) {
      changed = false;
      for (let j = 0; j < n; j++) {
        const v = next[j]!;
        if (v === vertex[j] || this.moveLeft[j]! > 0 || this.outOfPlan(j)) continue;
        for (let e = nearStart[v]!; e < nearStart[v + 1]!; e++) {
          const k = claim[near[e]!]!;
          if (k < 0 || k === j) continue;
          const kMoves = k < n && next[k] !== vertex[k] && this.moveLeft[k] === 0;
          if (kMoves && k > j) continue;
          this.revert(j, n);
          changed = true;
          break;
        }
      }
    }
  }

  private outOfPlan(i: number): boolean {
    return i === this.rogue || this.rejoining[i] === 1;
  }

  /**
   * True when AGV i stands (its move done) with no other AGV on, leaving, or near its cell, so that the planner
   * can take it in again.
   */
  private isClear(i: number): boolean {
    if (this.moveLeft[i]! > 0) return false;
    const v = this.vertex[i]!;
    for (let j = 0; j < this.n; j++) {
      if (j === i) continue;
      const w = this.vertex[j]!;
      if (w === v || (this.moveLeft[j]! > 0 && this.fromVertex[j] === v)) return false;
      for (let e = this.nearStart[v]!; e < this.nearStart[v + 1]!; e++) if (this.near[e] === w) return false;
    }
    return true;
  }

  /**
   * Nobody moves into the cell of a rejoining AGV, nor into the one it is still leaving (the planner does not see
   * it); the near cells are kept clear by {@link keepNearCellsClear} through its claim.
   */
  private keepRejoiningCellsClear(n: number): void {
    const { claim, next, vertex } = this;
    for (let r = 0; r < n; r++) {
      if (!this.rejoining[r]) continue;
      const leaving = this.moveLeft[r]! > 0 ? this.fromVertex[r]! : -1;
      for (let j = 0; j < n; j++) {
        if (j === r || this.outOfPlan(j) || this.moveLeft[j]! > 0 || next[j] === vertex[j]) continue;
        if (next[j] === vertex[r] || next[j] === leaving) this.revert(j, n);
      }
      claim[vertex[r]!] = r;
    }
  }

  /** AGV j stays where it is; whoever was following into its cell stays too. A rogue or rejoining AGV never yields. */
  private revert(j: number, n: number): void {
    if (this.outOfPlan(j)) return;
    const { claim, next, vertex } = this;
    if (claim[next[j]!] === j) claim[next[j]!] = -1;
    next[j] = vertex[j]!;
    this.waits++;
    const k = claim[vertex[j]!]!;
    claim[vertex[j]!] = j;
    if (k >= 0 && k !== j && k < n) this.revert(k, n);
  }

  /**
   * Writes AGV i's east, north and heading at time t into out[0..2], between steps along its move: at even speed,
   * but speeding up through a move that starts from rest and slowing through one that ends at its goal.
   */
  pose(i: number, t: number, out: Float64Array): void {
    const g = this.graph;
    const a = this.fromVertex[i]!;
    const b = this.vertex[i]!;
    const span = this.moveEnd[i]! - this.moveStart[i]!;
    const share = span <= 0 ? 1 : Math.max(0, Math.min(1, (t - this.moveStart[i]!) / span));
    const e = this.ease[i]!;
    const u = e === 0 ? share : e === 1 ? share * share : e === 2 ? share * (2 - share) : share * share * (3 - 2 * share);
    out[0] = g.x[a]! + (g.x[b]! - g.x[a]!) * u;
    out[1] = g.y[a]! + (g.y[b]! - g.y[a]!) * u;
    out[2] = a === b ? this.cellHeading[b]! : Math.atan2(g.y[b]! - g.y[a]!, g.x[b]! - g.x[a]!);
  }

  /**
   * Each AGV's way to its goal as line segments (x1, y1, x2, y2, …) along a shortest path of cells, from where it
   * is now; for showing planned paths (the plan itself is made one step at a time).
   */
  plannedSegments(): Float32Array {
    const g = this.graph;
    const out: number[] = [];
    for (let i = 0; i < this.n; i++) {
      const goal = this.goal[i]!;
      let v = this.vertex[i]!;
      for (let guard = 0; v !== goal && guard < g.nodeCount; guard++) {
        const d = this.pibt.distance(goal, v);
        let next = -1;
        for (let k = g.offsets[v]!; k < g.offsets[v + 1]! && next < 0; k++) {
          if (this.pibt.distance(goal, g.targets[k]!) < d) next = g.targets[k]!;
        }
        if (next < 0) break;
        out.push(g.x[v]!, g.y[v]!, g.x[next]!, g.y[next]!);
        v = next;
      }
    }
    return Float32Array.from(out);
  }

  /**
   * Writes AGV i's way to its goal into `out`: its vertex (where it is, or where its current move ends), then the
   * cells of the same shortest path {@link plannedSegments} shows, up to the goal. Returns how many were written
   * (at most `out.length`; a buffer of `graph.nodeCount` always holds the whole way). Allocates nothing.
   */
  remainingPath(i: number, out: Int32Array): number {
    const g = this.graph;
    const goal = this.goal[i]!;
    let v = this.vertex[i]!;
    let k = 0;
    if (out.length > 0) out[k++] = v;
    while (v !== goal && k < out.length) {
      const d = this.pibt.distance(goal, v);
      let next = -1;
      for (let e = g.offsets[v]!; e < g.offsets[v + 1]! && next < 0; e++) {
        if (this.pibt.distance(goal, g.targets[e]!) < d) next = g.targets[e]!;
      }
      if (next < 0) break;
      out[k++] = next;
      v = next;
    }
    return k;
  }

  /** True while AGV i is between cells at time t. */
  isMoving(i: number, t: number): boolean {
    return this.fromVertex[i] !== this.vertex[i] && t < this.moveEnd[i]!;
  }
}

/** For each vertex, the near ones (see the class comment); a uniform grid of cell-sized buckets finds candidates. */
function nearCells(g: PlanGraph, heading: Float64Array, headingOk: Uint8Array, p: AgvMotionParams): { start: Int32Array; list: Int32Array } {
  const cell = p.cellLengthM;
  const grown: [number, number] = [p.lengthM + p.clearanceM, p.widthM + p.clearanceM];
  const footprint = (v: number) => footprintCorners({ position: [g.x[v]!, g.y[v]!], rotation: heading[v]!, size: grown });
  const buckets = new Map<string, number[]>();
  const key = (cx: number, cy: number) => `${cx},${cy}`;
  for (let v = 0; v < g.nodeCount; v++) {
    const k = key(Math.floor(g.x[v]! / cell), Math.floor(g.y[v]! / cell));
    const b = buckets.get(k);
    if (b) b.push(v);
    else buckets.set(k, [v]);
  }
  const start = new Int32Array(g.nodeCount + 1);
  const list: number[] = [];
  for (let v = 0; v < g.nodeCount; v++) {
    const cx = Math.floor(g.x[v]! / cell);
    const cy = Math.floor(g.y[v]! / cell);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const w of buckets.get(key(cx + dx, cy + dy)) ?? []) {
          if (w === v || Math.hypot(g.x[w]! - g.x[v]!, g.y[w]! - g.y[v]!) >= cell - 1e-6) continue;
          if (!headingOk[v] || !headingOk[w] || convexPenetration(footprint(v), footprint(w)) > 0) list.push(w);
        }
      }
    }
    start[v + 1] = list.length;
  }
  return { start, list: Int32Array.from(list) };
}

/**
 * Steps each move of the planner graph takes: the cell's length over the speed limit of the lane edge the move runs
 * along (a move into or out of a junction follows its own lane, not the slowest lane meeting there), at most the
 * AGV's top speed.
 */
function moveSteps(
  g: PlanGraph,
  edgeOfVertex: Int32Array,
  vertexOfNode: Int32Array,
  edges: readonly LaneEdge[],
  nodes: readonly LaneNode[],
  maxSpeed: number,
  stepS: number,
): Int32Array {
  const nodeIndex = new Map(nodes.map((n, k) => [n.id, k]));
  // Lane edges one cell long join two lane-node vertices directly: their limit by vertex pair (the slowest).
  const direct = new Map<number, number>();
  for (const e of edges) {
    const a = nodeIndex.get(e.from);
    const b = nodeIndex.get(e.to);
    if (a === undefined || b === undefined) continue;
    const key = vertexOfNode[a]! * g.nodeCount + vertexOfNode[b]!;
    direct.set(key, Math.min(direct.get(key) ?? Infinity, e.speedLimitMps));
  }
  const steps = new Int32Array(g.targets.length);
  for (let u = 0; u < g.nodeCount; u++) {
    for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) {
      const v = g.targets[k]!;
      const lane = edgeOfVertex[v]! >= 0 ? edgeOfVertex[v]! : edgeOfVertex[u]!;
      const limit = Math.min(maxSpeed, lane >= 0 ? edges[lane]!.speedLimitMps : (direct.get(u * g.nodeCount + v) ?? maxSpeed));
      const d = Math.hypot(g.x[v]! - g.x[u]!, g.y[v]! - g.y[u]!);
      steps[k] = Math.max(1, Math.ceil(d / (limit * stepS) - 1e-9));
    }
  }
  return steps;
}
