import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scene } from '../domain/sceneSchema';
import { laneCells } from './laneCells';
import type { PlanGraph } from './PlanGraph';
import { terminalGrid } from './terminalGrid';

const ROOT = new URL('../../', import.meta.url);
const AGV_CELL_M = 15.6 + 2;

/** Vertices reached from vertex 0 going forwards, and going backwards. */
function reachCounts(g: PlanGraph): [number, number] {
  const back: number[][] = Array.from({ length: g.nodeCount }, () => []);
  const fwd: number[][] = Array.from({ length: g.nodeCount }, () => []);
  for (let v = 0; v < g.nodeCount; v++) {
    for (let k = g.offsets[v]!; k < g.offsets[v + 1]!; k++) {
      fwd[v]!.push(g.targets[k]!);
      back[g.targets[k]!]!.push(v);
    }
  }
  const count = (adj: number[][]) => {
    const seen = new Set([0]);
    const queue = [0];
    for (let h = 0; h < queue.length; h++) for (const u of adj[queue[h]!]!) if (!seen.has(u) && seen.add(u)) queue.push(u);
    return seen.size;
  };
  return [count(fwd), count(back)];
}

function checkCells(nodes: Scene['lanes']['nodes'], edges: Scene['lanes']['edges'], cellM: number) {
  const cells = laneCells(nodes, edges, cellM);
  const g = cells.graph;
  expect(reachCounts(g)).toEqual([g.nodeCount, g.nodeCount]);
  for (let v = 0; v < g.nodeCount; v++) {
    for (let k = g.offsets[v]!; k < g.offsets[v + 1]!; k++) {
      const u = g.targets[k]!;
      expect(Math.hypot(g.x[u]! - g.x[v]!, g.y[u]! - g.y[v]!)).toBeGreaterThanOrEqual(cellM - 1e-9);
      // A cell inside an edge points along its edge, towards its next cell.
      if (cells.edgeOfVertex[v]! >= 0) expect(Math.cos(Math.atan2(g.y[u]! - g.y[v]!, g.x[u]! - g.x[v]!) - cells.heading[v]!)).toBeCloseTo(1, 9);
    }
  }
  // Every lane node has a vertex; cells of one edge are spread over its length, none lost.
  const nodeVertices = new Set(cells.vertexOfNode);
  expect(g.nodeCount - nodeVertices.size).toBe(cells.edgeOfVertex.filter((e) => e >= 0).length);
  return cells;
}

describe('laneCells', () => {
  for (const zone of ['1119-1120', '1088-2-1089']) {
    it(`cuts ${zone}'s lanes into cells an AGV apart, strongly connected like the lane loop`, () => {
      const scene = JSON.parse(readFileSync(new URL(`scenes/${zone}/proposed.json`, ROOT), 'utf8')) as Scene;
      const { nodes, edges } = scene.lanes;
      const cells = checkCells(nodes, edges, AGV_CELL_M);
      const total = edges.reduce((s, e) => {
        const a = nodes.find((n) => n.id === e.from)!.position;
        const b = nodes.find((n) => n.id === e.to)!.position;
        return s + Math.hypot(b[0] - a[0], b[1] - a[1]);
      }, 0);
      // Floor per edge loses less than a cell per edge; merging drops short edges.
      expect(cells.graph.nodeCount).toBeGreaterThan(total / AGV_CELL_M - edges.length);
      expect(cells.graph.nodeCount).toBeLessThanOrEqual(total / AGV_CELL_M + nodes.length);
      checkCells(nodes, edges, 40);
    });
  }

  it('merges lane nodes closer than a cell and flags junction headings', () => {
    const node = (id: string, e: number, n: number) => ({ id, position: [e, n] as [number, number], role: 'waypoint' as const });
    const edge = (from: string, to: string) => ({ id: `${from}:${to}`, from, to, widthM: 5, speedLimitMps: 5, crossBorder: false });
    const nodes = [node('a', 0, 0), node('b', 100, 0), node('c', 105, 0), node('d', 100, 100)];
    const edges = [edge('a', 'b'), edge('b', 'c'), edge('c', 'd'), edge('d', 'a')];
    const cells = laneCells(nodes, edges, 20);
    expect(cells.vertexOfNode[1]).toBe(cells.vertexOfNode[2]);
    expect(cells.graph.x[cells.vertexOfNode[1]!]).toBe(102.5);
    expect(cells.headingOk[cells.vertexOfNode[1]!]).toBe(0);
    expect(cells.headingOk[cells.graph.nodeCount - 1]).toBe(1);
    expect(() => laneCells(nodes, edges, 0)).toThrow(/positive/);
  });

  it('builds a strongly connected terminal grid of one-way lanes', () => {
    const { nodes, edges } = terminalGrid({ rows: 6, columns: 8, blockM: 60 });
    const cells = checkCells(nodes, edges, 20);
    expect(cells.graph.nodeCount).toBe(6 * 8 + 2 * (6 * 7 + 8 * 5));
    expect(() => terminalGrid({ rows: 5, columns: 8, blockM: 60 })).toThrow(/even/);
  });
});
