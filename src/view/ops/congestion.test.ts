import { describe, expect, it } from 'vitest';
import { CongestionAccumulator } from './congestion';

/** Two edges: A along y = 0 from x 0 to 100, B along x = 200 from y 0 to 100. */
const edges = [
  { ax: 0, ay: 0, bx: 100, by: 0 },
  { ax: 200, ay: 0, bx: 200, by: 100 },
];
const make = (bins = 5) => new CongestionAccumulator(edges, { binS: 60, bins, maxDistanceM: 6 });
const out = new Float32Array(2);

describe('congestion accumulator', () => {
  it('puts an AGV on its nearest edge within the limit, and off the lanes on none', () => {
    const c = make();
    expect(c.nearestEdge(50, 3)).toBe(0);
    expect(c.nearestEdge(197, 50)).toBe(1);
    expect(c.nearestEdge(-4, 0)).toBe(0);
    expect(c.nearestEdge(50, 20)).toBe(-1);
  });

  it('counts AGV-seconds per edge: one AGV on A all the time and one on B half the time give means 1 and 0.5', () => {
    const c = make();
    const x = new Float32Array([50, 200]);
    const y = new Float32Array([0, 50]);
    const offX = new Float32Array([50, 500]);
    for (let t = 0; t <= 120; t += 0.5) {
      const onB = t <= 60;
      c.sample(onB ? x : offX, y, 2, t);
    }
    expect(c.occupancy(300, out)).toBeCloseTo(120, 6);
    expect(out[0]).toBeCloseTo(1, 6);
    expect(out[1]).toBeCloseTo(60 / 120, 2);
  });

  it('a window sums only its latest bins: a jam 4 minutes ago shows in 5 minutes, not in the last one', () => {
    const c = make();
    const jam = new Float32Array([10, 20, 30]);
    const zero = new Float32Array(3);
    const gone = new Float32Array([500, 500, 500]);
    for (let t = 0; t < 60; t += 0.5) c.sample(jam, zero, 3, t);
    for (let t = 60; t <= 299; t += 0.5) c.sample(gone, zero, 3, t);
    c.occupancy(300, out);
    expect(out[0]).toBeGreaterThan(0.5);
    c.occupancy(60, out);
    expect(out[0]).toBe(0);
  });

  it('old bins leave the ring: after the ring has turned, the jam is forgotten', () => {
    const c = make(2);
    const jam = new Float32Array([10]);
    const zero = new Float32Array(1);
    const gone = new Float32Array([500]);
    for (let t = 0; t < 60; t += 1) c.sample(jam, zero, 1, t);
    for (let t = 60; t <= 180; t += 1) c.sample(gone, zero, 1, t);
    c.occupancy(600, out);
    expect(out[0]).toBe(0);
  });

  it('starts afresh when time goes back (a replay sought backwards) or skips past the whole ring', () => {
    const c = make();
    const jam = new Float32Array([10]);
    const zero = new Float32Array(1);
    for (let t = 100; t <= 160; t += 1) c.sample(jam, zero, 1, t);
    expect(c.sample(jam, zero, 1, 50)).toBe(false);
    expect(c.occupancy(300, out)).toBe(0);
    expect(out[0]).toBe(0);
    c.sample(jam, zero, 1, 51);
    expect(c.occupancy(300, out)).toBeCloseTo(1, 6);
    expect(c.sample(jam, zero, 1, 51 + 10_000)).toBe(false);
    expect(c.occupancy(300, out)).toBe(0);
  });
});
