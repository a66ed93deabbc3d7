import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../domain/random';
import { randomDigraph, randomGrid } from './fixtures/randomGraphs';
import { solveLacam, type LacamResult } from './lacam';
import { parseMovingAiMap, parseMovingAiScen } from './movingAi';
import { Pibt } from './Pibt';
import { planGraph, type PlanGraph } from './PlanGraph';

const MAPF = new URL('../../data/mapf/', import.meta.url);

function hasEdge(g: PlanGraph, a: number, b: number): boolean {
  for (let k = g.offsets[a]!; k < g.offsets[a + 1]!; k++) if (g.targets[k] === b) return true;
  return false;
}

/** Checks a LaCAM result from first principles; throws on the first fault. */
function checkSolution(g: PlanGraph, starts: Int32Array, goals: Int32Array, r: LacamResult): void {
  expect(r.solved).toBe(true);
  const paths = r.paths!;
  const n = starts.length;
  expect(paths.length).toBe(n);
  let soc = 0;
  for (let i = 0; i < n; i++) {
    const p = paths[i]!;
    expect(p.length).toBe(r.makespan + 1);
    expect(p[0]).toBe(starts[i]);
    expect(p[r.makespan]).toBe(goals[i]);
    let last = 0;
    for (let t = 1; t <= r.makespan; t++) {
      if (p[t] !== p[t - 1] && !hasEdge(g, p[t - 1]!, p[t]!)) throw new Error(`agent ${i} jumps ${p[t - 1]} → ${p[t]} at ${t}`);
      if (p[t - 1] !== goals[i]) last = t;
    }
    soc += last;
  }
  expect(r.soc).toBe(soc);
  for (let t = 0; t <= r.makespan; t++) {
    const at = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const v = paths[i]![t]!;
      if (at.has(v)) throw new Error(`agents ${at.get(v)} and ${i} both at ${v} at step ${t}`);
      at.set(v, i);
    }
    if (t === 0) continue;
    for (let i = 0; i < n; i++) {
      const j = at.get(paths[i]![t - 1]!);
      if (j !== undefined && j !== i && paths[j]![t - 1] === paths[i]![t]) throw new Error(`agents ${i} and ${j} swap at step ${t}`);
    }
  }
  // No idle steps at the end: the makespan is the last step any agent moves at (0 when none has to move).
  const lastMove = (p: Int32Array) => {
    let t = r.makespan;
    while (t > 0 && p[t - 1] === p[t]) t--;
    return t;
  };
  expect(Math.max(0, ...paths.map(lastMove))).toBe(r.makespan);
}

function randomInstance(g: PlanGraph, agents: number, seed: number): { starts: Int32Array; goals: Int32Array } {
  const next = seededRandom(seed);
  const pick = () => {
    const perm = Array.from({ length: g.nodeCount }, (_, i) => i);
    for (let k = perm.length - 1; k > 0; k--) {
      const r = Math.floor(next() * (k + 1));
      [perm[k], perm[r]] = [perm[r]!, perm[k]!];
    }
    return Int32Array.from(perm.slice(0, agents));
  };
  return { starts: pick(), goals: pick() };
}

/** Goals that are surely reachable together: where lifelong PIBT with random goals takes the agents. */
function reachableGoals(g: PlanGraph, starts: Int32Array, steps: number, seed: number): Int32Array {
  const next = seededRandom(seed + 1);
  const n = starts.length;
  const cur = Int32Array.from(starts);
  const out = new Int32Array(n);
  const pibt = new Pibt(g, n, seed);
  const wander = Int32Array.from(starts, () => Math.floor(next() * g.nodeCount));
  for (let t = 0; t < steps; t++) {
    pibt.step(n, cur, wander, new Uint8Array(n), out);
    cur.set(out);
    for (let i = 0; i < n; i++) if (cur[i] === wander[i]) wander[i] = Math.floor(next() * g.nodeCount);
  }
  return cur;
}

/**
 * Kornhauser, Miller and Spirakis (1984): on a 2-connected graph that is not a cycle, with two vertices left free,
 * every arrangement of the agents is reachable. randomGrid's graphs are 2-connected; a 3 × 3 grid round one
 * obstacle is a cycle, where agents keep their cyclic order.
 */
function solvable(g: PlanGraph, starts: Int32Array): boolean {
  let branching = false;
  for (let v = 0; v < g.nodeCount && !branching; v++) branching = g.offsets[v + 1]! - g.offsets[v]! >= 3;
  return branching && g.nodeCount - starts.length >= 2;
}

describe('solveLacam', () => {
  it('solves random grids with obstacles: paths from starts to goals, legal moves, no conflicts, soc and makespan right', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 10 }),
        fc.integer({ min: 3, max: 10 }),
        fc.double({ min: 0.05, max: 0.8, noNaN: true }),
        fc.nat(),
        (w, h, density, seed) => {
          const g = randomGrid(seededRandom(seed), w, h, (w * h) >> 2);
          const { starts, goals } = randomInstance(g, Math.max(1, Math.floor(g.nodeCount * density)), seed);
          if (!solvable(g, starts)) return;
          checkSolution(g, starts, goals, solveLacam(g, starts, goals, { timeLimitMs: 5_000, seed }));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('solves random one-way strongly connected graphs (goals reachable, as a one-way ring keeps the agents in order)', () => {
    fc.assert(
      // Chords as many as vertices or more: on a near-ring the agents keep their cyclic order, the reachable
      // configurations are few and far apart, and LaCAM, complete as it is, can search for seconds.
      fc.property(
        fc.integer({ min: 4, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        fc.nat(),
        (V, extra, density, seed) => {
          const g = randomDigraph(seededRandom(seed), V, V + extra);
          const { starts } = randomInstance(g, Math.max(1, Math.floor(V * density)), seed);
          const goals = reachableGoals(g, starts, 3 * V, seed);
          checkSolution(g, starts, goals, solveLacam(g, starts, goals, { timeLimitMs: 5_000, seed }));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('solves random-32-32-20 with 200 agents from the MovingAI benchmark', () => {
    const map = parseMovingAiMap(readFileSync(new URL('random-32-32-20.map', MAPF), 'utf8'), 'random-32-32-20.map');
    const scen = readFileSync(new URL('random-32-32-20-random-1.scen', MAPF), 'utf8');
    const { starts, goals } = parseMovingAiScen(scen, 'random-1.scen', map, 200);
    const r = solveLacam(map.graph, starts, goals, { timeLimitMs: 10_000, seed: 0 });
    checkSolution(map.graph, starts, goals, r);
    expect(r.expanded).toBeGreaterThan(r.makespan);
  });

  it('follows the scatter on warehouse-10-20-10-2-1: 100 agents within 2 % of the lower bound, 30 % over without it', () => {
    const map = parseMovingAiMap(readFileSync(new URL('warehouse-10-20-10-2-1.map', MAPF), 'utf8'), 'warehouse.map');
    const scen = readFileSync(new URL('warehouse-10-20-10-2-1-random-1.scen', MAPF), 'utf8');
    const { starts, goals } = parseMovingAiScen(scen, 'random-1.scen', map, 100);
    const lowerBound = 8991;
    const withScatter = solveLacam(map.graph, starts, goals, { timeLimitMs: 10_000, seed: 0 });
    const plain = solveLacam(map.graph, starts, goals, { timeLimitMs: 10_000, seed: 0, scatterMargin: -1, pibtRuns: 1 });
    checkSolution(map.graph, starts, goals, withScatter);
    expect(withScatter.soc / lowerBound).toBeLessThan(1.02);
    expect(plain.soc / lowerBound).toBeGreaterThan(1.25);
  });

  it('reports unsolvable instances and the time limit honestly', () => {
    // Two agents trading places on a two-cell corridor: no solution, the search runs out.
    const corridor = planGraph(2, Int32Array.of(0, 1), Int32Array.of(1, 0), new Float64Array(2), new Float64Array(2));
    expect(solveLacam(corridor, Int32Array.of(0, 1), Int32Array.of(1, 0), { timeLimitMs: 1000, seed: 0 }).solved).toBe(false);
    // A goal that cannot be reached on a one-way pair.
    const oneWay = planGraph(2, Int32Array.of(0), Int32Array.of(1), new Float64Array(2), new Float64Array(2));
    expect(solveLacam(oneWay, Int32Array.of(1), Int32Array.of(0), { timeLimitMs: 1000, seed: 0 })).toMatchObject({ solved: false, expanded: 0 });
    // A clock that jumps a second per reading stops the search at the first check.
    let t = 0;
    const g = randomGrid(seededRandom(1), 8, 8, 10);
    const { starts, goals } = randomInstance(g, 20, 1);
    const r = solveLacam(g, starts, goals, { timeLimitMs: 500, seed: 0, now: () => (t += 1000) });
    expect(r.solved).toBe(false);
    expect(r.paths).toBeUndefined();
    // Already home: a makespan of 0.
    expect(solveLacam(g, starts, starts, { timeLimitMs: 500, seed: 0 })).toMatchObject({ solved: true, soc: 0, makespan: 0 });
    expect(() => solveLacam(g, Int32Array.of(0, 0), Int32Array.of(1, 2), { timeLimitMs: 500, seed: 0 })).toThrow(/start 0 is shared/);
  });
});
