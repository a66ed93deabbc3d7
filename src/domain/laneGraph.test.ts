import { describe, expect, it } from 'vitest';
import { buildLaneGraph, reachable } from './laneGraph';
import type { LaneEdge, LaneNode } from './sceneSchema';
import { seededRandom as rng } from './random';

const node = (id: string): LaneNode => ({ id, position: [0, 0], role: 'waypoint' });
const edge = (from: string, to: string): LaneEdge => ({ id: `${from}:${to}`, from, to, widthM: 5, speedLimitMps: 5, crossBorder: false });
const marked = (seen: Uint8Array) => [...seen].flatMap((v, i) => (v ? [i] : []));

describe('buildLaneGraph', () => {
  it('indexes nodes and lists each edge both ways', () => {
    const g = buildLaneGraph([node('a'), node('b'), node('c')], [edge('a', 'b'), edge('b', 'c'), edge('a', 'c')]);
    expect([...g.indexOf]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    expect(g.out).toEqual([[1, 2], [2], []]);
    expect(g.into).toEqual([[], [0], [1, 0]]);
  });

  it('skips edges naming unknown nodes and keeps the first of duplicate node ids', () => {
    const g = buildLaneGraph([node('a'), node('b'), node('a')], [edge('a', 'b'), edge('b', 'ghost'), edge('ghost', 'a'), edge('b', 'a')]);
    expect(g.indexOf.get('a')).toBe(0);
    expect(g.out).toEqual([[1], [0], []]);
    expect(g.into).toEqual([[1], [0], []]);
    expect(g.edges).toHaveLength(4); // the scene's edges, untouched
  });
});

describe('reachable', () => {
  it('follows edges forward from the start, which counts as reached', () => {
    const g = buildLaneGraph(['a', 'b', 'c', 'd'].map(node), [edge('a', 'b'), edge('b', 'c'), edge('d', 'a')]);
    expect(marked(reachable(g.out, [0]))).toEqual([0, 1, 2]);
    expect(marked(reachable(g.into, [0]))).toEqual([0, 3]);
    expect(marked(reachable(g.out, [2]))).toEqual([2]);
  });

  it('goes round a loop and stops', () => {
    const g = buildLaneGraph(['a', 'b', 'c'].map(node), [edge('a', 'b'), edge('b', 'c'), edge('c', 'a')]);
    expect(marked(reachable(g.out, [1]))).toEqual([0, 1, 2]);
  });

  it('agrees with the transitive closure on random directed graphs', () => {
    const r = rng(7);
    for (let k = 0; k < 200; k++) {
      const n = 2 + Math.floor(r() * 14);
      const ids = Array.from({ length: n }, (_, i) => `n${i}`);
      const edges: LaneEdge[] = [];
      const closure = ids.map((_, i) => ids.map((__, j) => i === j));
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (i !== j && r() < 1.5 / n) {
            edges.push(edge(ids[i]!, ids[j]!));
            closure[i]![j] = true;
          }
        }
      }
      // Floyd–Warshall: i reaches j through some k.
      for (let m = 0; m < n; m++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (closure[i]![m] && closure[m]![j]) closure[i]![j] = true;
      const g = buildLaneGraph(ids.map(node), edges);
      for (let s = 0; s < n; s++) {
        expect([...reachable(g.out, [s])].map((v) => v === 1)).toEqual(closure[s]);
        expect([...reachable(g.into, [s])].map((v) => v === 1)).toEqual(closure.map((row) => row[s]));
      }
    }
  });
});
