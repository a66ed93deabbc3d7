import type { AgvMotion } from './AgvMotion';

/**
 * What a planner wait is made of. Each AGV that wanted to move (not held, not at its goal, no move under way) and
 * stood still is traced along the queue it stands in: it looks at the cell nearest its goal, and the AGV there,
 * and that AGV's own reason, to the head of the queue. The head is what the wait is charged to:
 * - `stop-loss`: the head stands out its stop loss before setting off (acceleration and braking, AgvMotion);
 * - `slow-move`: the head is still leaving its cell in a move of several steps (a slow lane);
 * - `held`: the head is held at a crane or charger, or paused (structural);
 * - `at-goal`: the head stands at its goal, not held (an idle AGV, or one just arrived);
 * - `merge`: another AGV drove into the cell this step (contention the planner decided);
 * - `kept-back`: the cell nearest the goal ends the step free, yet the AGV stood: a correction kept it back (a cell
 *   near another AGV's) or the plan sent it elsewhere (an equal way at a fork, a cell then taken back). On 1119–1120
 *   2030 this is 44–60 % of the waits, and the near-cell correction is under a tenth of it (11,120 moves taken
 *   back a day with 80 AGVs against ~170,000 such waits): the rest is not broken down yet;
 * - `cycle`: the queue closes on itself or runs longer than 64 AGVs.
 * AGVs standing out their own stop loss are not planner waits and are not counted.
 *
 * Measured on 1119–1120 proposed, 3,500/day, 80 AGVs, planner `pibt` (bench/gateWaitBench.ts): 39 % stop-loss,
 * 49 % slow-move (the 3 m/s lanes through the yards: 3 steps a cell), 9 % held, 3 % at-goal, 0.3 % kept-back and
 * under 0.1 % merge: queues, not the planner's choices between AGVs.
 *
 * @example
 *   const sim = new Simulation(scene, { agvs: 80 });
 *   const causes = new WaitCauses(sim.motion!);
 *   sim.motion!.waitCauses = causes;
 *   sim.run();
 *   causes.counts[WAIT_CAUSES.indexOf('held')];
 */
export const WAIT_CAUSES = ['stop-loss', 'slow-move', 'held', 'at-goal', 'merge', 'kept-back', 'cycle'] as const;
export type WaitCause = (typeof WAIT_CAUSES)[number];

const STOP_LOSS = 0;
const SLOW_MOVE = 1;
const HELD = 2;
const AT_GOAL = 3;
const MERGE = 4;
const KEPT_BACK = 5;
const CYCLE = 6;
const MAX_QUEUE = 64;

export class WaitCauses {
  /** Planner waits charged to each cause, indexed as {@link WAIT_CAUSES}. */
  readonly counts = new Float64Array(WAIT_CAUSES.length);
  private readonly vertex: Int32Array;
  private readonly goal: Int32Array;
  private readonly moveLeft: Int32Array;
  private readonly held: Uint8Array;
  /** Per vertex in the step: the AGV ending it there, or leaving it in a move under way through the step (-1: none). */
  private readonly at: Int32Array;
  private readonly leaving: Int32Array;

  constructor(m: AgvMotion) {
    this.vertex = new Int32Array(m.n);
    this.goal = new Int32Array(m.n);
    this.moveLeft = new Int32Array(m.n);
    this.held = new Uint8Array(m.n);
    this.at = new Int32Array(m.graph.nodeCount).fill(-1);
    this.leaving = new Int32Array(m.graph.nodeCount).fill(-1);
  }

  /** Called by AgvMotion before it plans a step. */
  before(m: AgvMotion): void {
    this.vertex.set(m.vertex);
    this.goal.set(m.goal);
    this.moveLeft.set(m.moveLeft);
    for (let i = 0; i < m.n; i++) this.held[i] = m.hold[i] || m.paused[i] ? 1 : 0;
  }

  /** Called by AgvMotion after the moves of the step at time t have started. */
  after(m: AgvMotion, t: number): void {
    for (let i = 0; i < m.n; i++) {
      this.at[m.vertex[i]!] = i;
      // A move in its last step (none left after this one) still keeps its cell through the step.
      if (m.isMoving(i, t)) this.leaving[m.fromVertex[i]!] = i;
    }
    for (let i = 0; i < m.n; i++) if (this.wanted(m, i) && !m.standingOutStopLoss(i)) this.counts[this.cause(m, i)]!++;
    for (let i = 0; i < m.n; i++) {
      this.at[m.vertex[i]!] = -1;
      this.leaving[m.fromVertex[i]!] = -1;
    }
  }

  /** AGV i wanted to move this step and stood still. */
  private wanted(m: AgvMotion, i: number): boolean {
    return this.moveLeft[i] === 0 && !this.held[i] && this.vertex[i] !== this.goal[i] && m.vertex[i] === this.vertex[i];
  }

  private cause(m: AgvMotion, first: number): number {
    let i = first;
    for (let depth = 0; depth < MAX_QUEUE; depth++) {
      const u = this.bestCell(m, i);
      const k = this.at[u]! >= 0 && this.vertex[this.at[u]!] === u ? this.at[u]! : this.leaving[u]!;
      if (k < 0) return this.at[u]! >= 0 ? MERGE : m.standingOutStopLoss(i) ? STOP_LOSS : KEPT_BACK;
      if (k === first && depth > 0) return CYCLE;
      if (this.leaving[u] === k && m.vertex[k] !== u) return SLOW_MOVE;
      if (this.moveLeft[k]! > 0) return SLOW_MOVE;
      if (this.held[k]) return HELD;
      if (this.vertex[k] === this.goal[k]) return AT_GOAL;
      if (!this.wanted(m, k)) return MERGE;
      if (m.standingOutStopLoss(k)) return STOP_LOSS;
      i = k;
    }
    return CYCLE;
  }

  /** The out-neighbour of AGV i's cell nearest its goal (the first of equals). */
  private bestCell(m: AgvMotion, i: number): number {
    const g = m.graph;
    const v = this.vertex[i]!;
    const goal = this.goal[i]!;
    let best = v;
    let bestD = Infinity;
    for (let k = g.offsets[v]!; k < g.offsets[v + 1]!; k++) {
      const d = m.distance(goal, g.targets[k]!);
      if (d < bestD) {
        bestD = d;
        best = g.targets[k]!;
      }
    }
    return best;
  }
}
