import { describe, expect, it } from 'vitest';
import { applyDiff, invertDiff, squashDiffs, type SceneDiff } from './sceneDiff';
import type { Scene } from '../../domain/sceneSchema';

const node = (id: string, x: number) => ({ id, position: [x, 0] as [number, number], role: 'waypoint' as const });
const scene = { facilities: [], lanes: { nodes: [node('a', 0), node('b', 1), node('c', 2)], edges: [] } } as unknown as Scene;

describe('scene diffs', () => {
  it('undoes a removal of several records into the same order', () => {
    const diff: SceneDiff = {
      added: {},
      updated: {},
      removed: { 'node:a': { index: 0, value: node('a', 0) }, 'node:c': { index: 2, value: node('c', 2) } },
    };
    const after = applyDiff(scene, diff);
    expect(after.lanes.nodes.map((n) => n.id)).toEqual(['b']);
    expect(applyDiff(after, invertDiff(diff)).lanes.nodes).toEqual(scene.lanes.nodes);
  });

  it('squashes a gesture: updates keep the first before, an added then removed record vanishes', () => {
    const u1: SceneDiff = { added: {}, updated: { 'node:a': [node('a', 0), node('a', 5)] }, removed: {} };
    const u2: SceneDiff = { added: {}, updated: { 'node:a': [node('a', 5), node('a', 9)] }, removed: {} };
    expect(squashDiffs(u1, u2).updated['node:a']).toEqual([node('a', 0), node('a', 9)]);
    const add: SceneDiff = { added: { 'node:d': { index: 3, value: node('d', 3) } }, updated: {}, removed: {} };
    const move: SceneDiff = { added: {}, updated: { 'node:d': [node('d', 3), node('d', 4)] }, removed: {} };
    const del: SceneDiff = { added: {}, updated: {}, removed: { 'node:d': { index: 3, value: node('d', 4) } } };
    expect(squashDiffs(add, move).added['node:d']).toEqual({ index: 3, value: node('d', 4) });
    expect(squashDiffs(squashDiffs(add, move), del)).toEqual({ added: {}, updated: {}, removed: {} });
  });
});
