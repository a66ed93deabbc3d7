import type { PlanGraph } from './PlanGraph';

/**
 * Whether every edge has its reverse, i.e. the graph is undirected (MovingAI grids) rather than one-way lanes.
 *
 * @example
 *   isSymmetric(gridGraph); // true
 */
export function isSymmetric(graph: PlanGraph): boolean {
  const { offsets, targets } = graph;
  for (let v = 0; v < graph.nodeCount; v++) {
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const u = targets[k]!;
      let found = false;
      for (let j = offsets[u]!; j < offsets[u + 1]! && !found; j++) found = targets[j] === v;
      if (!found) return false;
    }
  }
  return true;
}
