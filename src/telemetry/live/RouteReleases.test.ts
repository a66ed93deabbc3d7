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

const planned = (x: number, y: number, route: number[], onNodes: number[] = []): ReleaseRequest => ({ x, y, route, onNodes, mode: 'planned' });

function allocate(releases: RouteReleases, agvs: ReleaseRequest[]): number[] {
  const out = new Int32Array(agvs.length);
  releases.allocate(agvs, out);
  return [...out];
}

describe('RouteReleases (the simulated master control’s base)', () => {
  it('releases the next nodes of AGVs that want none in common, up to the limit', () => {
    expect(allocate(new RouteReleases(nodes, 3), [planned(0, 0, [1, 4, 5, 6], [0]), planned(20, -20, [3], [2])])).toEqual([3, 1]);
  });

  it('gives a merge node to one of two AGVs nearing it, the nearer, and stops the other’s base before it', () => {
    // A is 12 m from M along its route, B 11 m: B gets M and what follows, A only the node before M.
    const a = planned(8, 0, [1, 4, 5]);
    const b = planned(20, -11, [3, 4, 5]);
    expect(allocate(new RouteReleases(nodes, 3), [a, b])).toEqual([1, 3]);
  });

  it('does not release a node another AGV stands on; the base may be empty', () => {
    expect(allocate(new RouteReleases(nodes, 3), [planned(15, 0, [4, 5]), planned(20, 0, [5, 6], [4])])).toEqual([0, 2]);
  });

  it('never takes a release back: the AGV released a merge node keeps it when another comes nearer', () => {
    const releases = new RouteReleases(nodes, 3);
    expect(allocate(releases, [planned(8, 0, [1, 4, 5]), planned(20, -18, [3, 4, 5])])).toEqual([3, 1]);
    // A has stopped 12 m before M; B has come within 11 m: M stays A’s.
    expect(allocate(releases, [planned(8, 0, [1, 4, 5]), planned(20, -11, [3, 4, 5])])).toEqual([3, 1]);
  });

  it('releases an operator’s order whole, as the order did, and holds it against the others', () => {
    const ordered: ReleaseRequest = { x: 20, y: -20, route: [3, 4, 5, 6], onNodes: [2], mode: 'ordered' };
    expect(allocate(new RouteReleases(nodes, 3), [ordered, planned(8, 0, [1, 4, 5])])).toEqual([4, 1]);
  });

  it('reports the rogue AGV’s whole route released, though the master control released it none, so others get its nodes', () => {
    const rogue: ReleaseRequest = { x: 20, y: -18, route: [3, 4, 5, 6], onNodes: [], mode: 'rogue' };
    expect(allocate(new RouteReleases(nodes, 3), [rogue, planned(8, 0, [1, 4, 5])])).toEqual([4, 3]);
  });
});
