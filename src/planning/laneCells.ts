import { buildLaneGraph } from '../domain/laneGraph';
import type { LaneEdge, LaneNode } from '../domain/sceneSchema';
import { planGraph, type PlanGraph } from './PlanGraph';

export interface LaneCells {
  readonly graph: PlanGraph;
  /** Lane node index → vertex (lane nodes closer than a cell along an edge share one). */
  readonly vertexOfNode: Int32Array;
  /** Vertex → lane edge index it lies inside, or -1 for a vertex that is a lane node. */
  readonly edgeOfVertex: Int32Array;
  /** Direction of travel per vertex, radians from east towards north. */
  readonly heading: Float64Array;
  /** 1 where every lane through the vertex runs within 45° of `heading`; 0 at junctions and sharp turns. */
  readonly headingOk: Uint8Array;
}

/**
 * Cuts the lane network into planner cells. Each edge of length L becomes max(1, floor(L / cellLengthM)) equal
 * steps, so consecutive cells along an edge are at least a cell apart: with cellLengthM ≥ AGV length plus
 * clearance, two AGVs on distinct cells of one lane never overlap, and the planner needs only vertex and swap
 * conflicts. An edge shorter than a cell (the 15 m link into a charger bay, say) cannot hold two AGVs at its ends,
 * so its nodes are merged into one vertex at their midpoint, and cells run straight between vertex positions; a
 * merged vertex therefore sits up to half a cell off its lane nodes.
 *
 * @example
 *   const cells = laneCells(scene.lanes.nodes, scene.lanes.edges, 15.6 + 2);
 *   cells.graph.nodeCount; // cells of the whole network
 */
export function laneCells(nodes: readonly LaneNode[], edges: readonly LaneEdge[], cellLengthM: number): LaneCells {
  if (!(cellLengthM > 0)) throw new Error(`laneCells: cell length must be positive, got ${cellLengthM}`);
  const lanes = buildLaneGraph(nodes, edges);
  const ends = edges.map((e) => [lanes.indexOf.get(e.from), lanes.indexOf.get(e.to)] as const);

  // Merge until every lane edge joins vertices at least a cell apart: merging moves a vertex to the midpoint of
  // its nodes, which can bring it closer to a neighbour, hence the loop (it ends: each pass merges or stops).
  const root = nodes.map((_, k) => k);
  const find = (k: number): number => (root[k] === k ? k : (root[k] = find(root[k]!)));
  const vertexOfNode = new Int32Array(nodes.length);
  let x: number[] = [];
  let y: number[] = [];
  for (let merged = true; merged;) {
    const vertexOfRoot = new Map<number, number>();
    const members: number[] = [];
    x = [];
    y = [];
    nodes.forEach((n, k) => {
      let v = vertexOfRoot.get(find(k));
      if (v === undefined) {
        v = x.length;
        vertexOfRoot.set(find(k), v);
        x.push(0);
        y.push(0);
        members.push(0);
      }
      vertexOfNode[k] = v;
      x[v]! += n.position[0];
      y[v]! += n.position[1];
      members[v]!++;
    });
    for (let v = 0; v < x.length; v++) {
      x[v]! /= members[v]!;
      y[v]! /= members[v]!;
    }
    merged = false;
    for (const [a, b] of ends) {
      if (a === undefined || b === undefined || find(a) === find(b)) continue;
      const va = vertexOfNode[a]!;
      const vb = vertexOfNode[b]!;
      if (Math.hypot(x[vb]! - x[va]!, y[vb]! - y[va]!) < cellLengthM) {
        root[find(a)] = find(b);
        merged = true;
      }
    }
  }
  const nodeVertices = x.length;
  const edgeOfVertex: number[] = new Array<number>(nodeVertices).fill(-1);
  const heading: number[] = new Array<number>(nodeVertices).fill(0);
  const from: number[] = [];
  const to: number[] = [];
  // Per lane-node vertex: the sum of the unit directions of its lanes, and the list of them, for its heading.
  const sumX = new Float64Array(nodeVertices);
  const sumY = new Float64Array(nodeVertices);
  const directions: number[][] = Array.from({ length: nodeVertices }, () => []);

  edges.forEach((_, e) => {
    const [a, b] = ends[e]!;
    if (a === undefined || b === undefined) return;
    const va = vertexOfNode[a]!;
    const vb = vertexOfNode[b]!;
    if (va === vb) return;
    const ax = x[va]!;
    const ay = y[va]!;
    const bx = x[vb]!;
    const by = y[vb]!;
    const steps = Math.max(1, Math.floor(Math.hypot(bx - ax, by - ay) / cellLengthM));
    const h = Math.atan2(by - ay, bx - ax);
    for (const v of [va, vb]) {
      sumX[v]! += Math.cos(h);
      sumY[v]! += Math.sin(h);
      directions[v]!.push(h);
    }
    let prev = va;
    for (let s = 1; s < steps; s++) {
      const c = x.length;
      x.push(ax + ((bx - ax) * s) / steps);
      y.push(ay + ((by - ay) * s) / steps);
      edgeOfVertex.push(e);
      heading.push(h);
      from.push(prev);
      to.push(c);
      prev = c;
    }
    from.push(prev);
    to.push(vb);
  });

  const headingOk = new Uint8Array(x.length).fill(1);
  for (let v = 0; v < nodeVertices; v++) {
    heading[v] = Math.atan2(sumY[v]!, sumX[v]!);
    const ok = directions[v]!.length > 0 && directions[v]!.every((d) => Math.cos(d - heading[v]!) > Math.SQRT1_2);
    headingOk[v] = ok ? 1 : 0;
  }
  const graph = planGraph(x.length, Int32Array.from(from), Int32Array.from(to), Float64Array.from(x), Float64Array.from(y));
  return { graph, vertexOfNode, edgeOfVertex: Int32Array.from(edgeOfVertex), heading: Float64Array.from(heading), headingOk };
}
