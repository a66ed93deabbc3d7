/** Step at which nobody rests on a vertex: larger than any path. */
export const NEVER = 0x3fffffff;

/**
 * Who stands where and when, for prioritised replanning against the other agents' paths. `occupant[v * capacity + t]`
 * is agent + 1 (0: free) for steps inside a path; after its last step an agent rests on its goal forever, kept
 * apart as `restFrom[v]` (that step) and `restAgent[v]`, so the table only grows with the longest path, not forever.
 * Vertex-major layout: SIPP reads a vertex's timeline to find its safe intervals, and a contiguous column is
 * several times faster to scan than one strided by the vertex count (a cache miss a step on a 5,699-cell map).
 *
 * @example
 *   const r = new Reservations(graph.nodeCount, n);
 *   r.add(0, path0);           // reserve agent 0's path, then its goal from its last step on
 *   r.blocked(v, t);           // someone on v at step t?
 *   r.remove(0, path0);
 */
export class Reservations {
  readonly vertexCount: number;
  /** Rows (steps) the table holds; steps at or past it are free apart from resting agents. */
  capacity = 0;
  occupant: Int32Array = new Int32Array(0);
  readonly restFrom: Int32Array;
  readonly restAgent: Int32Array;
  /** lastOccupied[v]: last step a reserved path (its final step included) stands on v, -1 when none. */
  readonly lastOccupied: Int32Array;
  /** endCount[t]: reserved paths whose last step is t; gives the horizon after which nothing moves. */
  private endCount: Int32Array = new Int32Array(0);
  private last = -1;

  constructor(vertexCount: number, initialSteps = 64) {
    this.vertexCount = vertexCount;
    this.restFrom = new Int32Array(vertexCount).fill(NEVER);
    this.restAgent = new Int32Array(vertexCount).fill(-1);
    this.lastOccupied = new Int32Array(vertexCount).fill(-1);
    this.grow(initialSteps);
  }

  /** Last step of the longest reserved path (-1 when none): after it, every reserved agent rests on its goal. */
  horizon(): number {
    while (this.last >= 0 && this.endCount[this.last] === 0) this.last--;
    return this.last;
  }

  /** Makes room for `steps` rows (amortised doubling; existing rows keep their place). */
  grow(steps: number): void {
    if (steps <= this.capacity) return;
    const capacity = Math.max(steps, this.capacity * 2);
    const occupant = new Int32Array(capacity * this.vertexCount);
    for (let v = 0; v < this.vertexCount; v++) occupant.set(this.occupant.subarray(v * this.capacity, (v + 1) * this.capacity), v * capacity);
    const endCount = new Int32Array(capacity);
    endCount.set(this.endCount);
    this.occupant = occupant;
    this.endCount = endCount;
    this.capacity = capacity;
  }

  add(agent: number, path: Int32Array): void {
    const end = path.length - 1;
    this.grow(path.length);
    const cap = this.capacity;
    const occ = this.occupant;
    const last = this.lastOccupied;
    for (let t = 0; t <= end; t++) {
      const v = path[t]!;
      occ[v * cap + t] = agent + 1;
      if (t > last[v]!) last[v] = t;
    }
    const g = path[end]!;
    this.restFrom[g] = end;
    this.restAgent[g] = agent;
    this.endCount[end]!++;
    if (end > this.last) this.last = end;
  }

  remove(agent: number, path: Int32Array): void {
    const end = path.length - 1;
    const cap = this.capacity;
    const occ = this.occupant;
    for (let t = 0; t <= end; t++) {
      const k = path[t]! * cap + t;
      if (occ[k] === agent + 1) occ[k] = 0;
    }
    const last = this.lastOccupied;
    for (let t = end; t >= 0; t--) {
      const v = path[t]!;
      if (last[v] !== t) continue;
      let s = t - 1;
      while (s >= 0 && occ[v * cap + s] === 0) s--;
      last[v] = s;
    }
    const g = path[end]!;
    if (this.restAgent[g] === agent) {
      this.restFrom[g] = NEVER;
      this.restAgent[g] = -1;
    }
    this.endCount[end]!--;
  }

  /** The agent on v at step t (moving or resting), -1 when none. */
  agentAt(v: number, t: number): number {
    if (this.restFrom[v]! <= t) return this.restAgent[v]!;
    return t < this.capacity ? this.occupant[v * this.capacity + t]! - 1 : -1;
  }

  /**
   * Last step at which a reserved path (not a rest) passes through v, -1 when none: an agent may only end at v
   * after it, or it would stand in that path's way forever.
   */
  lastVisit(v: number): number {
    return this.lastOccupied[v]!;
  }
}
