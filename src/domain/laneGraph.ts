/**
 * The AGV lane network as a directed graph with integer node indices, built once from a scene. Engines (planner,
 * simulation) and the checker share it.
 */
import type { LaneEdge, LaneNode } from './sceneSchema';

export interface LaneGraph {
  readonly nodes: readonly LaneNode[];
  readonly edges: readonly LaneEdge[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** out[i]: indices of nodes reachable by one edge from node i. */
  readonly out: readonly (readonly number[])[];
  /** into[i]: indices of nodes with an edge to node i. */
  readonly into: readonly (readonly number[])[];
}

/** Builds the graph; edges naming unknown nodes are skipped (the checker reports them). */
export function buildLaneGraph(nodes: readonly LaneNode[], edges: readonly LaneEdge[]): LaneGraph {
  const indexOf = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (!indexOf.has(n.id)) indexOf.set(n.id, i);
  });
  const out: number[][] = nodes.map(() => []);
  const into: number[][] = nodes.map(() => []);
  for (const e of edges) {
    const a = indexOf.get(e.from);
    const b = indexOf.get(e.to);
    if (a === undefined || b === undefined) continue;
    out[a]!.push(b);
    into[b]!.push(a);
  }
  return { nodes, edges, indexOf, out, into };
}

/** Marks every node reachable from any of `starts` following `adjacency` (breadth first). */
export function reachable(adjacency: readonly (readonly number[])[], starts: readonly number[]): Uint8Array {
  const seen = new Uint8Array(adjacency.length);
  const queue = [...starts];
  for (const k of starts) seen[k] = 1;
  for (let head = 0; head < queue.length; head++) {
    for (const next of adjacency[queue[head]!]!) {
      if (!seen[next]) {
        seen[next] = 1;
        queue.push(next);
      }
    }
  }
  return seen;
}
