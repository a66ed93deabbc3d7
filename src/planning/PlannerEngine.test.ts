import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMovingAiMap, parseMovingAiScen } from './movingAi';
import { PlannerEngine } from './PlannerEngine';

const MAPF_DIR = fileURLToPath(new URL('../../data/mapf/', import.meta.url));

describe('PlannerEngine (what the planner worker exposes)', () => {
  const map = parseMovingAiMap(readFileSync(`${MAPF_DIR}random-32-32-20.map`, 'utf8'), 'random-32-32-20.map');
  const scen = parseMovingAiScen(readFileSync(`${MAPF_DIR}random-32-32-20-random-1.scen`, 'utf8'), 'random-1.scen', map, 30);
  const g = map.graph;

  it('refuses to plan before a graph is loaded, and refuses arrays that disagree', () => {
    const engine = new PlannerEngine();
    expect(() => engine.step(1, Int32Array.of(0), Int32Array.of(0), Uint8Array.of(0))).toThrow(/load a graph first/);
    expect(() => engine.load(g.offsets, g.targets.subarray(1), g.x, g.y, 10, 1)).toThrow(/disagree/);
  });

  it('steps a fleet along graph edges with no two agents in one cell, and solves the same instance one-shot', () => {
    const engine = new PlannerEngine();
    engine.load(g.offsets, g.targets, g.x, g.y, 30, 7);
    let current: Int32Array = Int32Array.from(scen.starts);
    const hold = new Uint8Array(30);
    for (let t = 0; t < 20; t++) {
      const { next } = engine.step(30, current, scen.goals, hold);
      expect(new Set(next).size).toBe(30);
      next.forEach((v, i) => {
        const a = current[i]!;
        const outs = Array.from(g.targets.subarray(g.offsets[a]!, g.offsets[a + 1]!));
        expect(v === a || outs.includes(v)).toBe(true);
      });
      current = next;
    }
    const solved = engine.solve(scen.starts, scen.goals, 5000, 1);
    expect(solved.solved).toBe(true);
    expect(solved.paths!.map((p) => p.at(-1))).toEqual(Array.from(scen.goals));
  });
});
