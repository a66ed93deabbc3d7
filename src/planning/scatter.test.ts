import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../domain/random';
import { DistanceTables } from './DistanceTables';
import { randomGrid } from './fixtures/randomGraphs';
import { planGraph, type PlanGraph } from './PlanGraph';
import { buildScatter } from './scatter';

const never = () => false;

function hasEdge(g: PlanGraph, a: number, b: number): boolean {
  for (let k = g.offsets[a]!; k < g.offsets[a + 1]!; k++) if (g.targets[k] === b) return true;
  return false;
}

function tablesFor(g: PlanGraph, goals: Int32Array): Int32Array[] {
  const d = new DistanceTables(g, Number.MAX_SAFE_INTEGER);
  return Array.from(goals, (goal) => d.table(goal));
}

/** Follows next() from each start; returns the paths (throws if one leaves the graph or loops). */
function follow(g: PlanGraph, s: ReturnType<typeof buildScatter>, starts: Int32Array, goals: Int32Array): number[][] {
  return Array.from(starts, (start, i) => {
    const path = [start];
    for (let v = start; v !== goals[i];) {
      const u = s.next(i, v);
      if (u < 0) throw new Error(`agent ${i}: no scatter step from ${v}`);
      if (!hasEdge(g, v, u)) throw new Error(`agent ${i}: ${v} → ${u} is not an edge`);
      if (path.length > g.nodeCount) throw new Error(`agent ${i}: scatter path loops`);
      path.push(u);
      v = u;
    }
    return path;
  });
}

/** Vertex meetings (two on one vertex at one step), parked-at-goal meetings and swaps, counted pair by pair. */
function meetings(paths: number[][]): number {
  let meetings = 0;
  const horizon = Math.max(...paths.map((p) => p.length)) + 1;
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      const [a, b] = [paths[i]!, paths[j]!];
      for (let t = 0; t < horizon; t++) {
        const va = t < a.length ? a[t] : a.at(-1);
        const vb = t < b.length ? b[t] : b.at(-1);
        if (va === vb && (t < a.length || t < b.length)) meetings++;
        if (t + 1 < a.length && t + 1 < b.length && a[t] === b[t + 1] && a[t + 1] === b[t]) meetings++;
      }
    }
  }
  return meetings;
}

function grid(width: number, height: number): PlanGraph {
  const from: number[] = [];
  const to: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = y * width + x;
      if (x + 1 < width) {
        from.push(v, v + 1);
        to.push(v + 1, v);
      }
      if (y + 1 < height) {
        from.push(v, v + width);
        to.push(v + width, v);
      }
    }
  }
  const xs = Float64Array.from({ length: width * height }, (_, v) => v % width);
  const ys = Float64Array.from({ length: width * height }, (_, v) => Math.floor(v / width));
  return planGraph(width * height, Int32Array.from(from), Int32Array.from(to), xs, ys);
}

describe('buildScatter', () => {
  it('sends two agents crossing a 3 × 3 grid by routes that never meet, where their first shortest paths would', () => {
    // Agent 0: top-left → bottom-right; agent 1: top-right → bottom-left. Both shortest paths of 4 steps may pass
    // the centre at step 2; there are shortest routes round the edges that do not meet.
    const g = grid(3, 3);
    const starts = Int32Array.of(0, 2);
    const goals = Int32Array.of(8, 6);
    const s = buildScatter(g, starts, goals, tablesFor(g, goals), { margin: 0, seed: 3, maxRounds: 8, expired: never });
    const paths = follow(g, s, starts, goals);
    expect(paths.map((p) => p.length - 1)).toEqual([4, 4]);
    expect(s.collisions).toBe(0);
    expect(meetings(paths)).toBe(0);
  });

  it('takes a detour within the margin to stay clear of an agent parked on the way', () => {
    // A 5 × 2 grid: agent 1 parks at once on the top row's middle cell; agent 0 runs along the top row and must
    // dip to the bottom row (2 steps longer) to avoid it.
    const g = grid(5, 2);
    const starts = Int32Array.of(0, 2);
    const goals = Int32Array.of(4, 2);
    const tight = buildScatter(g, starts, goals, tablesFor(g, goals), { margin: 0, seed: 1, maxRounds: 4, expired: never });
    expect(tight.collisions).toBeGreaterThan(0);
    const loose = buildScatter(g, starts, goals, tablesFor(g, goals), { margin: 2, seed: 1, maxRounds: 4, expired: never });
    const paths = follow(g, loose, starts, goals);
    expect(loose.collisions).toBe(0);
    expect(paths[0]!.length - 1).toBe(6);
    expect(paths[0]).not.toContain(2);
  });

  it('on random grids: every path is a walk on the graph from start to goal within the margin, meetings counted exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 12 }), fc.integer({ min: 4, max: 12 }), fc.integer({ min: 0, max: 4 }), fc.nat(), (w, h, margin, seed) => {
        const g = randomGrid(seededRandom(seed), w, h, (w * h) >> 2);
        const next = seededRandom(seed + 7);
        const perm = (k: number) => {
          const p = Array.from({ length: g.nodeCount }, (_, i) => i);
          for (let a = p.length - 1; a > 0; a--) {
            const r = Math.floor(next() * (a + 1));
            [p[a], p[r]] = [p[r]!, p[a]!];
          }
          return Int32Array.from(p.slice(0, k));
        };
        const n = Math.max(1, Math.floor(g.nodeCount / 4));
        const [starts, goals] = [perm(n), perm(n)];
        const tables = tablesFor(g, goals);
        const s = buildScatter(g, starts, goals, tables, { margin, seed, maxRounds: 6, expired: never });
        const paths = follow(g, s, starts, goals);
        paths.forEach((p, i) => expect(p.length - 1).toBeLessThanOrEqual(tables[i]![starts[i]!]! + margin));
        expect(s.collisions).toBe(meetings(paths));
        expect(s.rounds).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it('stops at the deadline and keeps no paths when it had no time at all', () => {
    const g = grid(4, 4);
    const starts = Int32Array.of(0, 3);
    const goals = Int32Array.of(15, 12);
    const s = buildScatter(g, starts, goals, tablesFor(g, goals), { margin: 2, seed: 0, maxRounds: 8, expired: () => true });
    expect(s.rounds).toBe(0);
    expect(s.next(0, 0)).toBe(-1);
  });
});
