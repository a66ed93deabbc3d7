import { describe, expect, it } from 'vitest';
import { seededRandom } from '../domain/random';
import { headingCosSin } from './headingTrig';

describe('headingCosSin', () => {
  it('is within 2.3e-16 of Math.cos and Math.sin for headings up to a million radians', () => {
    const next = seededRandom(15);
    const out = new Float64Array(2);
    let worst = 0;
    for (const range of [4, 100, 1e6]) {
      for (let k = 0; k < 20_000; k++) {
        const x = (next() * 2 - 1) * range;
        headingCosSin(x, out);
        worst = Math.max(worst, Math.abs(out[0]! - Math.cos(x)), Math.abs(out[1]! - Math.sin(x)));
      }
    }
    expect(worst).toBeLessThanOrEqual(2.3e-16);
  });

  it('is exact where the heading is exact: east, and each quarter turn within a rounding of π/2', () => {
    const out = new Float64Array(2);
    headingCosSin(0, out);
    expect([...out]).toEqual([1, 0]);
    for (const [x, c, s] of [
      [Math.PI / 2, 0, 1],
      [Math.PI, -1, 0],
      [-Math.PI / 2, 0, -1],
    ] as const) {
      headingCosSin(x, out);
      expect(out[0]).toBeCloseTo(c, 15);
      expect(out[1]).toBeCloseTo(s, 15);
    }
  });
});
