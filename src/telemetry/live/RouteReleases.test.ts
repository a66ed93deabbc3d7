import { describe, expect, it } from 'vitest';
import { RouteReleases, type ReleaseRequest } from './RouteReleases';

/**
 * Two lanes merging at M (node 4) and going on to 5, 6:
 *   0 (0,0) → 1 (10,0) → M (20,0) → 5 (30,0) → 6 (40,0)
 *   2 (20,-20) → 3 (20,-10) → M
 */
const nodes = [
  [0, 0],
  [10, 0],
  [20, -20],
  [20, -10],
  [20, 0],
  [30, 0],
  [40, 0],
].map((position, k) => ({ id: `n${k}`, position: position as [number, number] }));
/** Lane edges as [from, to]: 0→1, 1→M, 2→3, 3→M, M→5, 5→6. */
const edges = [
  [0, 1],
  [1, 4],
  [2, 3],
  [3, 4],
  [4, 5],
  [5, 6],
];
const edgeEnd = edges.map(([, to]) => to!);
/** The lane edges into each node of `route`, the first from `from`. */
const edgesOf = (from: number, route: number[]) => route.map((to, k) => edges.findIndex(([a, b]) => a === (k === 0 ? from : route[k - 1]) && b === to));
const reqs = (
  x: number,
  y: number,
  from: number,
  route: number[],
  onNodes: number[],
  onEdges: number[],
  mode: ReleaseRequest['mode'],
): ReleaseRequest => ({
  x,
  y,
  route,
  routeEdges: edgesOf(from, route),
  onNodes,
  onEdges,
  mode,
});
/** An AGV driving from lane node `from` (inside the edge to its first route node unless it stands on `from`). */
const planned = (x: number, y: number, from: number, route: number[], onNodes: number[] = []): ReleaseRequest =>
  reqs(x, y, from, route, onNodes, onNodes.length > 0 ? [] : [edgesOf(from, route)[0]!], 'planned');

function allocate(releases: RouteReleases, agvs: ReleaseRequest[]): number[] {
  const out = new Int32Array(agvs.length);
  releases.allocate(agvs, out);
  return [...out];
}

describe('RouteReleases (the simulated master control’s base)', () => {
  it('releases the next nodes of AGVs that want none in common, up to the limit', () => {
    expect(allocate(new RouteReleases(nodes, edgeEnd, 3), [planned(0, 0, 0, [1, 4, 5, 6], [0]), planned(20, -20, 2, [3], [2])])).toEqual([3, 1]);
  });

  it('gives a merge node to one of two AGVs nearing it, the nearer, and stops the other’s base before it', () => {
    // A is 12 m from M along its route, B 11 m: B gets M and what follows, A only the node before M.
    const a = planned(8, 0, 0, [1, 4, 5]);
    const b = planned(20, -11, 2, [3, 4, 5]);
    expect(allocate(new RouteReleases(nodes, edgeEnd, 3), [a, b])).toEqual([1, 3]);
  });

  it('does not release a node another AGV stands on; the base may be empty', () => {
    expect(allocate(new RouteReleases(nodes, edgeEnd, 3), [planned(15, 0, 1, [4, 5]), planned(20, 0, 4, [5, 6], [4])])).toEqual([0, 2]);
  });

  it('never takes a release back: the AGV released a merge node keeps it when another comes nearer', () => {
    const releases = new RouteReleases(nodes, edgeEnd, 3);
    expect(allocate(releases, [planned(8, 0, 0, [1, 4, 5]), planned(20, -18, 2, [3, 4, 5])])).toEqual([3, 1]);
    // A has stopped 12 m before M; B has come within 11 m: M stays A’s.
    expect(allocate(releases, [planned(8, 0, 0, [1, 4, 5]), planned(20, -11, 2, [3, 4, 5])])).toEqual([3, 1]);
  });

  it('releases an operator’s order whole, as the order did, and holds it against the others', () => {
    const ordered = reqs(20, -20, 2, [3, 4, 5, 6], [2], [], 'ordered');
    expect(allocate(new RouteReleases(nodes, edgeEnd, 3), [ordered, planned(8, 0, 0, [1, 4, 5])])).toEqual([4, 1]);
  });

  it('reports the rogue AGV’s whole route released, though the master control released it none, so others get its nodes', () => {
    const rogue = reqs(20, -18, 2, [3, 4, 5, 6], [], [2], 'rogue');
    expect(allocate(new RouteReleases(nodes, edgeEnd, 3), [rogue, planned(8, 0, 0, [1, 4, 5])])).toEqual([4, 3]);
  });

  it('does not release a node beyond an AGV inside the edge before it: a queue inside an edge holds the way', () => {
    // B stands inside 1→M at (16, 0); A, inside 0→1, gets node 1 but not M; B itself gets M and 5.
    const a = planned(5, 0, 0, [1, 4, 5]);
    const b = planned(16, 0, 1, [4, 5]);
    expect(allocate(new RouteReleases(nodes, edgeEnd, 3), [a, b])).toEqual([1, 2]);
  });

  it('lets the AGV in front on an edge go on, and holds the one behind it', () => {
    const front = planned(18, 0, 1, [4, 5]);
    const behind = planned(12, 0, 1, [4, 5]);
    expect(allocate(new RouteReleases(nodes, edgeEnd, 3), [behind, front])).toEqual([0, 2]);
  });
});
