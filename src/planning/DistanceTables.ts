import type { PlanGraph } from './PlanGraph';

/** Hop distance of a vertex that cannot reach the goal: larger than any path, small enough to add to safely. */
export const UNREACHABLE = 0x3fffffff;

/**
 * Hop distances to goal vertices, one reverse breadth-first search per distinct goal, computed on first use and
 * kept. Lifelong planning hands out new goals forever, so the tables are capped at about `budgetEntries` numbers
 * (2^25 = 128 MiB by default); past that, a table not used since the last `nextEpoch()` is recycled, and tables
 * still in use are never dropped (the cap is exceeded instead, as one-shot solvers need one per agent).
 *
 * @example
 *   const d = new DistanceTables(graph);
 *   d.distance(goal, start); // hops from start to goal, UNREACHABLE if there is no way
 */
export class DistanceTables {
  private readonly graph: PlanGraph;
  private readonly inOffsets: Int32Array;
  private readonly inSources: Int32Array;
  private readonly queue: Int32Array;
  private readonly slotOfGoal: Int32Array;
  private readonly tables: Int32Array[] = [];
  private readonly goalOfSlot: number[] = [];
  private readonly usedIn: number[] = [];
  private readonly maxSlots: number;
  private epoch = 0;

  constructor(graph: PlanGraph, budgetEntries = 1 << 25) {
    this.graph = graph;
    const n = graph.nodeCount;
    this.inOffsets = new Int32Array(n + 1);
    this.inSources = new Int32Array(graph.targets.length);
    for (let k = 0; k < graph.targets.length; k++) this.inOffsets[graph.targets[k]! + 1]!++;
    for (let v = 0; v < n; v++) this.inOffsets[v + 1]! += this.inOffsets[v]!;
    const fill = this.inOffsets.slice(0, n);
    for (let v = 0; v < n; v++) {
      for (let k = graph.offsets[v]!; k < graph.offsets[v + 1]!; k++) this.inSources[fill[graph.targets[k]!]!++] = v;
    }
    this.queue = new Int32Array(n);
    this.slotOfGoal = new Int32Array(n).fill(-1);
    this.maxSlots = Math.max(1, Math.floor(budgetEntries / Math.max(1, n)));
  }

  /** Marks the start of a planning step: tables not touched since may be recycled. */
  nextEpoch(): void {
    this.epoch++;
  }

  /** The whole table for `goal` (index by vertex); do not modify it. */
  table(goal: number): Int32Array {
    const slot = this.slotOfGoal[goal]!;
    if (slot >= 0) {
      this.usedIn[slot] = this.epoch;
      return this.tables[slot]!;
    }
    return this.fill(goal);
  }

  distance(goal: number, v: number): number {
    return this.table(goal)[v]!;
  }

  private fill(goal: number): Int32Array {
    let slot = -1;
    if (this.tables.length >= this.maxSlots) {
      let oldest = this.epoch;
      for (let s = 0; s < this.tables.length; s++) {
        if (this.usedIn[s]! < oldest) {
          oldest = this.usedIn[s]!;
          slot = s;
        }
      }
    }
    if (slot < 0) {
      slot = this.tables.length;
      this.tables.push(new Int32Array(this.graph.nodeCount));
      this.goalOfSlot.push(-1);
      this.usedIn.push(0);
    } else {
      this.slotOfGoal[this.goalOfSlot[slot]!] = -1;
    }
    const d = this.tables[slot]!;
    d.fill(UNREACHABLE);
    d[goal] = 0;
    const q = this.queue;
    q[0] = goal;
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const v = q[head]!;
      const dv = d[v]! + 1;
      for (let k = this.inOffsets[v]!; k < this.inOffsets[v + 1]!; k++) {
        const u = this.inSources[k]!;
        if (d[u] === UNREACHABLE) {
          d[u] = dv;
          q[tail++] = u;
        }
      }
    }
    this.goalOfSlot[slot] = goal;
    this.slotOfGoal[goal] = slot;
    this.usedIn[slot] = this.epoch;
    return d;
  }
}
