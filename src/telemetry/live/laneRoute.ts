/**
 * From a simulated AGV's way through the planner's lane cells back to the scene's lane network, as a VDA 5050
 * vehicle reports it: the lane node it last passed, then the lane edges and nodes still ahead. Cells inside a lane
 * edge are not nodes; lane nodes closer than a cell share one cell (laneCells), so between two such cells the lane
 * edges inside the shared one are put back, and the node last passed is the one the route leaves from.
 */
import type { LaneEdge, LaneNode } from '../../domain/sceneSchema';
import type { PlanGraph } from '../../planning/PlanGraph';

/** The lane route of one AGV, as indices into the scene's `lanes.nodes` and `lanes.edges`. */
export interface LaneRouteOut {
  /** The lane node last passed (or stood on), or -1 where the cells cannot tell. */
  lastNode: number;
  /** The nodes still ahead, in order; `edges[k]` leads into `nodes[k]`. */
  readonly nodes: number[];
  readonly edges: number[];
}

export class LaneRoutes {
  /** Per vertex: the lane nodes on it (empty inside a lane edge). */
  private readonly nodesAt: number[][];
  /** Per vertex inside a lane edge: the cell before it (one, as cells run one way along their edge). */
  private readonly pred: Int32Array;
  /** Lane edges between two distinct vertices, keyed `from * V + to`. */
  private readonly between = new Map<number, number[]>();
  /** Per lane node: the lane edges leaving it. */
  private readonly outEdges: number[][];
  private readonly to: Int32Array;
  private readonly from: Int32Array;

  constructor(
    nodes: readonly LaneNode[],
    edges: readonly LaneEdge[],
    private readonly graph: PlanGraph,
    private readonly vertexOfNode: Int32Array,
  ) {
    const V = graph.nodeCount;
    this.nodesAt = Array.from({ length: V }, () => []);
    vertexOfNode.forEach((v, k) => this.nodesAt[v]!.push(k));
    this.pred = new Int32Array(V).fill(-1);
    for (let u = 0; u < V; u++) {
      for (let k = graph.offsets[u]!; k < graph.offsets[u + 1]!; k++) {
        const w = graph.targets[k]!;
        if (this.nodesAt[w]!.length === 0) this.pred[w] = u;
      }
    }
    const index = new Map(nodes.map((n, k) => [n.id, k]));
    this.outEdges = nodes.map(() => []);
    this.from = new Int32Array(edges.length).fill(-1);
    this.to = new Int32Array(edges.length).fill(-1);
    edges.forEach((e, k) => {
      const a = index.get(e.from);
      const b = index.get(e.to);
      if (a === undefined || b === undefined) return;
      this.from[k] = a;
      this.to[k] = b;
      this.outEdges[a]!.push(k);
      if (vertexOfNode[a] === vertexOfNode[b]) return;
      const key = vertexOfNode[a]! * V + vertexOfNode[b]!;
      const list = this.between.get(key);
      if (list) list.push(k);
      else this.between.set(key, [k]);
    });
  }

  /**
   * The lane route of an AGV whose last reached cell is `reached` (where it stands, or where its current move
   * began) and whose way ahead is `path[0..count)` (AgvMotion.remainingPath). The route ends at the last lane
   * node on the way: a goal inside a lane edge adds no part edge.
   */
  route(reached: number, path: Int32Array, count: number, out: LaneRouteOut): void {
    out.nodes.length = 0;
    out.edges.length = 0;
    let u = reached;
    for (let guard = 0; u >= 0 && this.nodesAt[u]!.length === 0 && guard < this.graph.nodeCount; guard++) u = this.pred[u]!;
    if (u < 0 || this.nodesAt[u]!.length === 0) {
      out.lastNode = -1;
      return;
    }
    out.lastNode = this.nodesAt[u]![0]!;
    let at = -1;
    for (let k = 0; k < count; k++) {
      const w = path[k]!;
      if (w === u || this.nodesAt[w]!.length === 0) continue;
      const candidates = this.between.get(u * this.graph.nodeCount + w);
      if (!candidates) return;
      if (at < 0) {
        const e = candidates[0]!;
        out.lastNode = this.from[e]!;
        at = this.from[e]!;
      }
      const e = candidates.find((c) => this.from[c] === at) ?? this.inside(at, candidates, out);
      if (e === undefined) return;
      out.edges.push(e);
      out.nodes.push(this.to[e]!);
      at = this.to[e]!;
      u = w;
    }
  }

  /**
   * Where the route must leave a shared cell from another of its lane nodes than the one it reached: the lane
   * edges inside the cell from `at` to the start of one of `candidates` (breadth first), appended to `out`; returns
   * that candidate, or undefined when there is no such way.
   */
  private inside(at: number, candidates: readonly number[], out: LaneRouteOut): number | undefined {
    const cell = this.vertexOfNode[at]!;
    const via = new Map<number, number>([[at, -1]]);
    const queue = [at];
    for (let head = 0; head < queue.length; head++) {
      const n = queue[head]!;
      const leave = candidates.find((c) => this.from[c] === n);
      if (leave !== undefined) {
        const steps: number[] = [];
        for (let m = n; via.get(m)! >= 0; m = this.from[via.get(m)!]!) steps.push(via.get(m)!);
        for (const e of steps.reverse()) {
          out.edges.push(e);
          out.nodes.push(this.to[e]!);
        }
        return leave;
      }
      for (const e of this.outEdges[n]!) {
        const m = this.to[e]!;
        if (this.vertexOfNode[m] === cell && !via.has(m)) {
          via.set(m, e);
          queue.push(m);
        }
      }
    }
    return undefined;
  }
}
