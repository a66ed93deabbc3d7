import { describe, expect, it } from 'vitest';
import { estimate, tQuantile975 } from './studyStats';

describe('estimate', () => {
  it('gives the Student t 95 % interval: [10, 12, 14] has s = 2, t(0.975, 2) = 4.303', () => {
    const e = estimate([10, 12, 14]);
    expect(e.mean).toBe(12);
    expect(e.half).toBeCloseTo((4.303 * 2) / Math.sqrt(3), 9);
    expect(e.low).toBeCloseTo(12 - 4.96868, 4);
    expect(e.high).toBeCloseTo(12 + 4.96868, 4);
  });

  it('has no interval for a single value and refuses none', () => {
    expect(estimate([7])).toEqual({ n: 1, mean: 7 });
    expect(() => estimate([])).toThrow(/no values/);
  });

  it('reads the table, conservatively between rows, and tends to the normal 1.96', () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(9)).toBe(2.262);
    expect(tQuantile975(35)).toBe(2.042);
    expect(tQuantile975(120)).toBe(1.98);
    expect(tQuantile975(500)).toBe(1.96);
    expect(() => tQuantile975(0)).toThrow(/degrees of freedom/);
  });
});
