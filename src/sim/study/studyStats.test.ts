import { describe, expect, it } from 'vitest';
import { COUNT, DURATION, estimate, SHARE, tQuantile975 } from './studyStats';

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

describe('estimate within the quantity range', () => {
  it('cuts an interval at what the quantity allows and keeps the bound t gave', () => {
    // The two seeds of the 6-h study of issue 14: p95 times 3,948.2 and 5,495.2 s; fleet busy 0.8225 and 0.8691.
    const p95 = estimate([3948.2, 5495.2], DURATION);
    expect(p95.low).toBe(0);
    expect(p95.cut?.low).toBeCloseTo(-5106.4, 0);
    expect(p95.high).toBeCloseTo(p95.mean + p95.half!, 9);
    const fleet = estimate([0.8225, 0.8691], SHARE);
    expect(fleet.high).toBe(1);
    expect(fleet.cut?.high).toBeCloseTo(1.142, 2);
    expect(fleet.low).toBeGreaterThan(0);
    expect(fleet.cut?.low).toBeUndefined();
    expect(estimate([-1, 1])).toMatchObject({ low: -12.706, high: 12.706 });
    expect(estimate([10, 12, 14], COUNT).cut).toBeUndefined();
  });

  it('flags identical values: a zero-width interval that says nothing', () => {
    expect(estimate([892, 892], COUNT)).toEqual({ n: 2, mean: 892, half: 0, low: 892, high: 892, identical: true });
    expect(estimate([892, 893]).identical).toBeUndefined();
    expect(estimate([7]).identical).toBeUndefined();
  });
});
