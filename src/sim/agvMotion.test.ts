import { describe, expect, it } from 'vitest';
import { Simulation } from './Simulation';
import { loadScene } from './testScenes';

describe('AgvMotion.remainingPath', () => {
  const sim = new Simulation(loadScene('scenes/1119-1120/proposed.json'), { seed: 5, hours: 1 });
  sim.advanceTo(1800);
  const m = sim.motion!;
  const g = m.graph;
  const buffer = new Int32Array(g.nodeCount);

  it('walks each AGV from its cell to its goal along graph edges, the way plannedSegments draws', () => {
    const segments: number[] = [];
    let moving = 0;
    for (let i = 0; i < m.n; i++) {
      const count = m.remainingPath(i, buffer);
      expect(buffer[0]).toBe(m.vertex[i]);
      expect(buffer[count - 1]).toBe(m.goal[i]);
      if (count > 1) moving++;
      for (let k = 1; k < count; k++) {
        const [u, v] = [buffer[k - 1]!, buffer[k]!];
        expect(Array.from(g.targets.subarray(g.offsets[u]!, g.offsets[u + 1]!))).toContain(v);
        segments.push(g.x[u]!, g.y[u]!, g.x[v]!, g.y[v]!);
      }
    }
    expect(moving).toBeGreaterThan(0);
    expect(Array.from(m.plannedSegments())).toEqual(Array.from(Float32Array.from(segments)));
  });

  it('stops at the end of a short buffer', () => {
    const i = Array.from({ length: m.n }, (_, k) => k).find((k) => m.remainingPath(k, buffer) > 3)!;
    const whole = buffer.slice(0, 3);
    const short = new Int32Array(3);
    expect(m.remainingPath(i, short)).toBe(3);
    expect(short).toEqual(whole);
    expect(m.remainingPath(i, new Int32Array(0))).toBe(0);
  });
});
