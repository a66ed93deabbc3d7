import { seededRandom } from '../domain/random';
import { DistanceTables } from './DistanceTables';
import { PibtCore } from './PibtCore';
import type { PlanGraph } from './PlanGraph';

/**
 * Lifelong PIBT (Okumura et al., "Priority Inheritance with Backtracking for Iterative Multi-agent Path
 * Finding", AIJ 2022): one synchronous step for the whole fleet at a time, so the simulation can change goals,
 * hold agents at cranes and chargers, and replan every step. An agent's priority grows by one each step it ends
 * away from its goal and drops back to its seeded fraction on arrival, so every agent eventually outranks the
 * others and gets through (the paper's reachability argument). Moves follow out-edges only: lanes are one-way.
 *
 * @example
 *   const pibt = new Pibt(graph, 500, 7);
 *   const waits = pibt.step(n, current, goal, hold, next); // then current.set(next) and step again
 */
export class Pibt {
  private readonly core: PibtCore;
  private readonly tables: DistanceTables;
  private readonly agentTables: Int32Array[];
  private readonly fraction: Float64Array;
  private readonly level: Int32Array;
  private readonly order: Int32Array;
  private readonly byFraction: Int32Array;
  private readonly scratch: Int32Array;
  private readonly capacity: number;
  private lastN = -1;

  constructor(graph: PlanGraph, capacity: number, seed: number) {
    this.capacity = capacity;
    this.core = new PibtCore(graph, capacity, seed, false);
    this.tables = new DistanceTables(graph);
    const empty = new Int32Array(0);
    this.agentTables = new Array<Int32Array>(capacity).fill(empty);
    this.core.setTables(this.agentTables);
    const random = seededRandom(seed ^ 0x5bd1e995);
    this.fraction = new Float64Array(capacity).map(() => random());
    this.level = new Int32Array(capacity);
    this.order = new Int32Array(capacity);
    this.scratch = new Int32Array(capacity);
    this.byFraction = new Int32Array(capacity).map((_, i) => i);
    this.byFraction.sort((a, b) => this.fraction[b]! - this.fraction[a]!);
  }

  /**
   * One step for agents 0..n-1. current[i]: agent i's vertex (all distinct); goal[i]: its goal vertex;
   * hold[i] = 1: the agent must stay this step (loading, charging, stopped). Writes next[i]: current[i] or an
   * out-neighbour of current[i]. No two agents share a vertex in next; no two agents swap (i: a→b while j: b→a).
   * Agents may follow into a vertex vacated in the same step. Returns the number of agents that are neither
   * held nor at their goal and did not move (planner waits). Allocates nothing.
   */
  step(n: number, current: Int32Array, goal: Int32Array, hold: Uint8Array, next: Int32Array): number {
    this.plan(n, current, goal, hold, next);
    return this.commit(n, current, goal, hold, next);
  }

  /**
   * The first half of {@link step}: writes `next` as step does but leaves the priorities as they are, so a caller
   * can look at the plan, hold more agents and plan again before it commits one. Allocates nothing.
   */
  plan(n: number, current: Int32Array, goal: Int32Array, hold: Uint8Array, next: Int32Array): void {
    if (n > this.capacity) throw new Error(`Pibt.step: ${n} agents, capacity ${this.capacity}`);
    if (n !== this.lastN) this.resetOrder(n);
    this.tables.nextEpoch();
    for (let i = 0; i < n; i++) {
      this.agentTables[i] = this.tables.table(goal[i]!);
      next[i] = hold[i] ? current[i]! : -1;
    }
    this.core.generate(n, current, 0, next, this.order, 0, false);
  }

  /** The second half of {@link step}: takes the last {@link plan} as the step made, updates priorities, counts waits. */
  commit(n: number, current: Int32Array, goal: Int32Array, hold: Uint8Array, next: Int32Array): number {
    let waits = 0;
    for (let i = 0; i < n; i++) {
      const g = goal[i]!;
      if (!hold[i] && current[i] !== g && next[i] === current[i]) waits++;
      this.level[i] = next[i] === g ? 0 : this.level[i]! + 1;
    }
    this.reorder(n);
    return waits;
  }

  /** Hop distance from v to goal on the graph (cached tables). */
  distance(goal: number, v: number): number {
    return this.tables.distance(goal, v);
  }

  /**
   * Priority is level + fraction with fraction < 1, so after a step the agents still under way (level ≥ 1, all
   * raised by one) keep their previous relative order, and the arrivals (level 0) follow by fraction: O(n).
   */
  private reorder(n: number): void {
    const { order, scratch, level, byFraction } = this;
    let w = 0;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      if (level[i]! > 0) scratch[w++] = i;
    }
    for (let k = 0; k < this.capacity; k++) {
      const i = byFraction[k]!;
      if (i < n && level[i] === 0) scratch[w++] = i;
    }
    for (let k = 0; k < n; k++) order[k] = scratch[k]!;
  }

  /** A new fleet size: everyone starts level, ordered by fraction. */
  private resetOrder(n: number): void {
    this.level.fill(0);
    let w = 0;
    for (let k = 0; k < this.capacity; k++) if (this.byFraction[k]! < n) this.order[w++] = this.byFraction[k]!;
    this.lastN = n;
  }
}
