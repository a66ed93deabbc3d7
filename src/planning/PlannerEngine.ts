import { solveLacam, type LacamResult } from './lacam';
import { Pibt } from './Pibt';
import type { PlanGraph } from './PlanGraph';

/**
 * The planners behind one object for the planner worker: load a graph once (typed arrays, transferable), then
 * step lifelong PIBT for the fleet or solve a one-shot instance with LaCAM. Arrays come in and go out whole, so a
 * worker call moves buffers rather than objects.
 *
 * @example
 *   const engine = new PlannerEngine();
 *   engine.load(offsets, targets, x, y, 500, 1);
 *   const { next, waits } = engine.step(n, current, goal, hold);
 */
export class PlannerEngine {
  private graph: PlanGraph | undefined;
  private pibt: Pibt | undefined;
  private next = new Int32Array(0);

  load(offsets: Int32Array, targets: Int32Array, x: Float64Array, y: Float64Array, capacity: number, seed: number): void {
    const nodeCount = offsets.length - 1;
    if (nodeCount < 0 || offsets[nodeCount] !== targets.length || x.length !== nodeCount || y.length !== nodeCount) {
      throw new Error(`PlannerEngine.load: offsets, targets and positions disagree (${offsets.length}, ${targets.length}, ${x.length})`);
    }
    this.graph = { nodeCount, offsets, targets, x, y };
    this.pibt = new Pibt(this.graph, capacity, seed);
    this.next = new Int32Array(capacity);
  }

  step(n: number, current: Int32Array, goal: Int32Array, hold: Uint8Array): { next: Int32Array; waits: number } {
    const waits = this.loaded().pibt.step(n, current, goal, hold, this.next);
    return { next: this.next.slice(0, n), waits };
  }

  solve(starts: Int32Array, goals: Int32Array, timeLimitMs: number, seed: number): LacamResult {
    return solveLacam(this.loaded().graph, starts, goals, { timeLimitMs, seed });
  }

  private loaded(): { graph: PlanGraph; pibt: Pibt } {
    if (this.graph === undefined || this.pibt === undefined) throw new Error('PlannerEngine: load a graph first');
    return { graph: this.graph, pibt: this.pibt };
  }
}
