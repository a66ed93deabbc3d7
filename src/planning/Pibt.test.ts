import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../domain/random';
import { randomDigraph, randomGrid } from './fixtures/randomGraphs';
import { Pibt } from './Pibt';
import type { PlanGraph } from './PlanGraph';

function isMove(g: PlanGraph, a: number, b: number): boolean {
  if (a === b) return true;
  for (let k = g.offsets[a]!; k < g.offsets[a + 1]!; k++) if (g.targets[k] === b) return true;
  return false;
}

/**
 * Runs lifelong PIBT for `steps` steps with goals redrawn on arrival and optional random holds; checks every step
 * and returns how many goals each agent reached.
 */
function runLifelong(g: PlanGraph, agents: number, steps: number, seed: number, holdRate = 0): Int32Array {
  const next = seededRandom(seed);
  const V = g.nodeCount;
  const perm = Array.from({ length: V }, (_, i) => i).sort(() => next() - 0.5);
  const cur = Int32Array.from(perm.slice(0, agents));
  const goal = Int32Array.from({ length: agents }, () => Math.floor(next() * V));
  const hold = new Uint8Array(agents);
  const out = new Int32Array(agents);
  const reached = new Int32Array(agents);
  const pibt = new Pibt(g, agents, seed);
  const at = new Int32Array(V).fill(-1);
  for (let t = 0; t < steps; t++) {
    for (let i = 0; i < agents; i++) hold[i] = next() < holdRate ? 1 : 0;
    const waits = pibt.step(agents, cur, goal, hold, out);
    let stuck = 0;
    for (let i = 0; i < agents; i++) {
      if (!isMove(g, cur[i]!, out[i]!)) throw new Error(`step ${t}: agent ${i} jumps ${cur[i]} → ${out[i]}`);
      if (hold[i] && out[i] !== cur[i]) throw new Error(`step ${t}: held agent ${i} moved`);
      if (at[out[i]!]! >= 0) throw new Error(`step ${t}: agents ${at[out[i]!]} and ${i} both at ${out[i]}`);
      at[out[i]!] = i;
      if (!hold[i] && cur[i] !== goal[i] && out[i] === cur[i]) stuck++;
    }
    for (let i = 0; i < agents; i++) {
      const j = at[cur[i]!]!;
      if (j >= 0 && j !== i && out[j] === cur[i] && cur[j] === out[i]) throw new Error(`step ${t}: agents ${i} and ${j} swap`);
    }
    expect(waits).toBe(stuck);
    for (let i = 0; i < agents; i++) {
      at[out[i]!] = -1;
      cur[i] = out[i]!;
      if (cur[i] === goal[i]) {
        reached[i]!++;
        goal[i] = Math.floor(next() * V);
      }
    }
  }
  return reached;
}

describe('lifelong PIBT', () => {
  it('on random one-way strongly connected graphs: legal moves, no conflicts, every agent keeps reaching goals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 6, max: 60 }),
        fc.integer({ min: 0, max: 80 }),
        fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        fc.nat(),
        (V, chords, density, seed) => {
          const g = randomDigraph(seededRandom(seed), V, chords);
          const agents = Math.max(1, Math.floor(V * density));
          const reached = runLifelong(g, agents, 30 * V, seed);
          expect(Math.min(...reached)).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('on random grids with obstacles: legal moves, no conflicts, every agent keeps reaching goals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 12 }),
        fc.integer({ min: 3, max: 12 }),
        fc.double({ min: 0.05, max: 0.6, noNaN: true }),
        fc.nat(),
        (w, h, density, seed) => {
          const g = randomGrid(seededRandom(seed), w, h, (w * h) >> 2);
          const agents = Math.max(1, Math.floor(g.nodeCount * density));
          const reached = runLifelong(g, agents, 20 * g.nodeCount, seed);
          expect(Math.min(...reached)).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never moves a held agent nor pushes one, and follows into vacated cells', () => {
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 40 }), fc.nat(), (V, seed) => {
        runLifelong(randomDigraph(seededRandom(seed), V, V), Math.ceil(V / 2), 200, seed, 0.3);
      }),
      { numRuns: 40 },
    );
    // A full one-way ring rotates: everyone follows the agent ahead in the same step.
    const ring = randomDigraph(seededRandom(3), 5, 0);
    const cur = Int32Array.from([0, 1, 2, 3, 4]);
    const goal = Int32Array.from(cur, (v) => ring.targets[ring.offsets[v]!]!);
    const out = new Int32Array(5);
    expect(new Pibt(ring, 5, 1).step(5, cur, goal, new Uint8Array(5), out)).toBe(0);
    expect([...out]).toEqual([...goal]);
  });

  it('counts planner waits and gives hop distances', () => {
    const line = randomDigraph(seededRandom(9), 4, 0);
    const pibt = new Pibt(line, 2, 0);
    const start = 0;
    const ahead = line.targets[line.offsets[start]!]!;
    expect(pibt.distance(start, ahead)).toBe(3);
    // Agent 0 waits behind held agent 1: one planner wait.
    const out = new Int32Array(2);
    const waits = pibt.step(2, Int32Array.of(start, ahead), Int32Array.of(ahead, ahead), Uint8Array.of(0, 1), out);
    expect(waits).toBe(1);
    expect([...out]).toEqual([start, ahead]);
    expect(() => pibt.step(3, new Int32Array(3), new Int32Array(3), new Uint8Array(3), new Int32Array(3))).toThrow(/capacity 2/);
  });
});
