/**
 * The graph every planner shares: directed, in compressed sparse rows, so a step reads a vertex's moves from two
 * typed arrays without touching an object. Lane cells are one-way; MovingAI grids are built with both directions.
 */
export interface PlanGraph {
  readonly nodeCount: number;
  /** Out-neighbours of v are targets[offsets[v]] … targets[offsets[v + 1] - 1]. */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Position of each vertex (metres for lane cells, column/row for grid cells). */
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/**
 * Builds a PlanGraph from an edge list (`from[k]` → `to[k]`), keeping each vertex's out-edges in list order and
 * dropping duplicates and self-loops (staying is always allowed, so a loop adds nothing).
 *
 * @example
 *   const g = planGraph(3, Int32Array.of(0, 1, 2), Int32Array.of(1, 2, 0), new Float64Array(3), new Float64Array(3));
 *   g.targets.subarray(g.offsets[0]!, g.offsets[1]!); // Int32Array [1]
 */
export function planGraph(nodeCount: number, from: Int32Array, to: Int32Array, x: Float64Array, y: Float64Array): PlanGraph {
  if (from.length !== to.length) throw new Error(`planGraph: ${from.length} sources but ${to.length} targets`);
  if (x.length !== nodeCount || y.length !== nodeCount) throw new Error(`planGraph: positions for ${x.length} vertices, expected ${nodeCount}`);
  const offsets = new Int32Array(nodeCount + 1);
  for (let k = 0; k < from.length; k++) {
    const a = from[k]!;
    const b = to[k]!;
    if (a < 0 || a >= nodeCount || b < 0 || b >= nodeCount)
      throw new Error(`planGraph: edge ${k} (${a} → ${b}) names a vertex outside 0..${nodeCount - 1}`);
    offsets[a + 1]!++;
  }
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, nodeCount);
  const raw = new Int32Array(from.length);
  for (let k = 0; k < from.length; k++) raw[fill[from[k]!]!++] = to[k]!;
  // Compact out duplicates and self-loops in place, vertex by vertex.
  const targets = new Int32Array(from.length);
  let w = 0;
  let start = 0;
  for (let v = 0; v < nodeCount; v++) {
    const end = offsets[v + 1]!;
    const first = w;
    for (let k = start; k < end; k++) {
      const t = raw[k]!;
      if (t === v) continue;
      let seen = false;
      for (let j = first; j < w && !seen; j++) seen = targets[j] === t;
      if (!seen) targets[w++] = t;
    }
    offsets[v] = first;
    start = end;
  }
  offsets[nodeCount] = w;
  return { nodeCount, offsets, targets: targets.slice(0, w), x, y };
}
