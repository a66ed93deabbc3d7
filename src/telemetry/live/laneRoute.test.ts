import { describe, expect, it } from 'vitest';
import type { LaneEdge, LaneNode } from '../../domain/sceneSchema';
import { AgvMotion } from '../../sim/AgvMotion';
import { LaneRoutes, type LaneRouteOut } from './laneRoute';

// a ── 54 m ── b·c ── 42 m ── d: b and c lie 8 m apart, closer than a 20 m cell, so they share one.
const node = (id: string, x: number): LaneNode => ({ id, position: [x, 0], role: 'waypoint' });
const edge = (from: string, to: string): LaneEdge => ({ id: `${from}:${to}`, from, to, widthM: 4, speedLimitMps: 5, crossBorder: false });
const nodes = [node('a', 0), node('b', 50), node('c', 58), node('d', 100)];
const edges = [edge('a', 'b'), edge('b', 'c'), edge('c', 'd')];

function setUp() {
  const m = new AgvMotion(nodes, edges, 1, { cellLengthM: 20, maxSpeedMps: 5, lengthM: 15.6, widthM: 3, clearanceM: 1 }, 1);
  const routes = new LaneRoutes(nodes, edges, m.graph, m.vertexOfNode);
  const path = new Int32Array(m.graph.nodeCount);
  const out: LaneRouteOut = { lastNode: -1, nodes: [], edges: [] };
  const names = () => ({ last: nodes[out.lastNode]?.id, nodes: out.nodes.map((k) => nodes[k]!.id), edges: out.edges.map((k) => edges[k]!.id) });
  return { m, routes, path, out, names };
}

describe("LaneRoutes (a simulated AGV's cells back on the lane network)", () => {
  it('puts back the lane edge inside a shared cell and names the lane nodes and edges ahead', () => {
    const { m, routes, path, out, names } = setUp();
    expect(m.vertexOfNode[1]).toBe(m.vertexOfNode[2]);
    m.vertex[0] = m.vertexOfNode[0]!;
    m.goal[0] = m.vertexOfNode[3]!;
    routes.route(m.vertex[0]!, path, m.remainingPath(0, path), out);
    expect(names()).toEqual({ last: 'a', nodes: ['b', 'c', 'd'], edges: ['a:b', 'b:c', 'c:d'] });
  });

  it('inside a lane edge, reports the node behind and ends at the last node before a goal inside an edge', () => {
    const { m, routes, path, out, names } = setUp();
    const inside = m.graph.targets[m.graph.offsets[m.vertexOfNode[0]!]!]!;
    m.vertex[0] = inside;
    m.goal[0] = m.graph.targets[m.graph.offsets[m.vertexOfNode[1]!]!]!;
    routes.route(inside, path, m.remainingPath(0, path), out);
    expect(names()).toEqual({ last: 'a', nodes: ['b'], edges: ['a:b'] });
  });

  it('leaves a shared cell from the node the way goes on from, with nothing ahead at the goal', () => {
    const { m, routes, path, out, names } = setUp();
    m.vertex[0] = m.vertexOfNode[1]!;
    m.goal[0] = m.vertexOfNode[1]!;
    routes.route(m.vertex[0]!, path, m.remainingPath(0, path), out);
    expect(names()).toEqual({ last: 'b', nodes: [], edges: [] });
    m.goal[0] = m.vertexOfNode[3]!;
    routes.route(m.vertex[0]!, path, m.remainingPath(0, path), out);
    expect(names()).toEqual({ last: 'c', nodes: ['d'], edges: ['c:d'] });
  });
});
