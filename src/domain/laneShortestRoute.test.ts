import { describe, expect, it } from 'vitest';
import { buildLaneGraph } from './laneGraph';
import { laneShortestRoute } from './laneShortestRoute';
import type { LaneEdge, LaneNode } from './sceneSchema';

const node = (id: string, x: number, y: number): LaneNode => ({ id, position: [x, y], role: 'waypoint' });
const edge = (from: string, to: string, speedLimitMps = 5): LaneEdge => ({ id: `${from}>${to}`, from, to, widthM: 5, speedLimitMps, crossBorder: false });

// a(0,0) → b(100,0) → d(200,0) straight but slow (2 m/s); a → c(100,100) → d the long way round at 5 m/s.
const nodes = [node('a', 0, 0), node('b', 100, 0), node('c', 100, 100), node('d', 200, 0)];
const slow = [edge('a', 'b', 2), edge('b', 'd', 2), edge('a', 'c'), edge('c', 'd'), edge('d', 'a')];

describe('laneShortestRoute', () => {
  it('takes the quickest way by length over the slower of the speed limit and the AGV’s top speed', () => {
    const g = buildLaneGraph(nodes, slow);
    const r = laneShortestRoute(g, 'a', 'd', 6);
    expect(r).toMatchObject({ ok: true, nodes: [0, 2, 3], edges: [2, 3] });
    expect(r.ok && r.seconds).toBeCloseTo((2 * Math.hypot(100, 100)) / 5, 9);
    // An AGV slower than both limits drives the shorter way.
    expect(laneShortestRoute(g, 'a', 'd', 1)).toMatchObject({ ok: true, nodes: [0, 1, 3], edges: [0, 1], seconds: 200 });
  });

  it('drives one-way edges their way only, and says why a node cannot be reached', () => {
    const g = buildLaneGraph(nodes, slow);
    expect(laneShortestRoute(g, 'd', 'b', 5)).toMatchObject({ ok: true, nodes: [3, 0, 1], edges: [4, 0] });
    const oneWay = buildLaneGraph(nodes, [edge('a', 'b'), edge('b', 'd')]);
    expect(laneShortestRoute(oneWay, 'd', 'a', 5)).toEqual({
      ok: false,
      reason: 'lane node "a" cannot be reached from "d" on the lane network (one-way lanes)',
    });
    expect(laneShortestRoute(oneWay, 'a', 'nowhere', 5)).toEqual({ ok: false, reason: 'no lane node "nowhere" in the scene' });
    expect(laneShortestRoute(oneWay, 'x', 'a', 5)).toMatchObject({ ok: false, reason: 'no lane node "x" in the scene (where the AGV is)' });
  });

  it('goes by the node the vehicle drives to now when given one it can reach by an edge from its last node', () => {
    const g = buildLaneGraph(nodes, slow);
    // Driving a → b already: on to d from b, though a → c → d would be quicker from a.
    expect(laneShortestRoute(g, 'a', 'd', 6, 'b')).toMatchObject({ ok: true, nodes: [0, 1, 3], edges: [0, 1], seconds: 100 });
    // No edge a → d: the hint is not a next node, and the quickest way from a is taken.
    expect(laneShortestRoute(g, 'a', 'd', 6, 'd')).toMatchObject({ ok: true, nodes: [0, 2, 3] });
    expect(laneShortestRoute(buildLaneGraph(nodes, [edge('a', 'b'), edge('a', 'c'), edge('c', 'd')]), 'a', 'd', 5, 'b')).toEqual({
      ok: false,
      reason: 'lane node "d" cannot be reached from "a" by "b" on the lane network (one-way lanes)',
    });
  });

  it('routes a node to itself as the one node, and refuses a speed that is not positive', () => {
    const g = buildLaneGraph(nodes, slow);
    expect(laneShortestRoute(g, 'c', 'c', 5)).toEqual({ ok: true, nodes: [2], edges: [], seconds: 0 });
    expect(() => laneShortestRoute(g, 'a', 'd', 0)).toThrow(/top speed 0/);
  });

  it('finds the same travel time as a brute-force search on a random grid', () => {
    const n = 7;
    const grid: LaneNode[] = [];
    const links: LaneEdge[] = [];
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) grid.push(node(`${x}.${y}`, x * 10, y * 10));
    for (let y = 0; y < n; y++)
      for (let x = 0; x < n; x++) {
        if (x + 1 < n) links.push(rand() < 0.5 ? edge(`${x}.${y}`, `${x + 1}.${y}`, 1 + 4 * rand()) : edge(`${x + 1}.${y}`, `${x}.${y}`, 1 + 4 * rand()));
        if (y + 1 < n) links.push(rand() < 0.7 ? edge(`${x}.${y}`, `${x}.${y + 1}`, 1 + 4 * rand()) : edge(`${x}.${y + 1}`, `${x}.${y}`, 1 + 4 * rand()));
      }
    const g = buildLaneGraph(grid, links);
    // Bellman-Ford from node 0.
    const best = new Array<number>(grid.length).fill(Infinity);
    best[0] = 0;
    for (let round = 0; round < grid.length; round++)
      for (const e of links) {
        const a = g.indexOf.get(e.from)!;
        const b = g.indexOf.get(e.to)!;
        best[b] = Math.min(best[b]!, best[a]! + 10 / Math.min(e.speedLimitMps, 3));
      }
    for (let t = 1; t < grid.length; t++) {
      const r = laneShortestRoute(g, '0.0', grid[t]!.id, 3);
      if (!Number.isFinite(best[t]!)) expect(r.ok).toBe(false);
      else {
        expect(r.ok && r.seconds).toBeCloseTo(best[t]!, 9);
        // The edges chain from the start to the target.
        if (r.ok) r.edges.forEach((e, k) => expect([links[e]!.from, links[e]!.to]).toEqual([grid[r.nodes[k]!]!.id, grid[r.nodes[k + 1]!]!.id]));
      }
    }
  });
});
