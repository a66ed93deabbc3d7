import { describe, expect, it } from 'vitest';
import { SampleRing } from './SampleRing';

describe('SampleRing', () => {
  it('gives 0 with no samples and the nearest-rank percentile of those held', () => {
    const ring = new SampleRing(8);
    expect(ring.percentile(0.95)).toBe(0);
    for (const x of [5, 1, 4, 2, 3]) ring.push(x);
    expect(ring.length).toBe(5);
    expect(ring.percentile(0.95)).toBe(5); // ⌈0.95·5⌉ = 5th smallest
    expect(ring.percentile(0.5)).toBe(3);
    expect(ring.percentile(0.2)).toBe(1);
  });

  it('keeps only the latest `size` samples', () => {
    const ring = new SampleRing(4);
    for (let i = 1; i <= 10; i++) ring.push(i * 100);
    expect(ring.length).toBe(4);
    expect(ring.percentile(0.25)).toBe(700);
    expect(ring.percentile(1)).toBe(1000);
  });

  it('matches a sorted copy on 512 samples, 95th percentile', () => {
    const ring = new SampleRing(512);
    const xs = Array.from({ length: 700 }, (_, i) => (i * 7919) % 1000);
    for (const x of xs) ring.push(x);
    const held = xs.slice(-512).sort((a, b) => a - b);
    expect(ring.percentile(0.95)).toBe(held[Math.ceil(0.95 * 512) - 1]);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => new SampleRing(0)).toThrow(/positive integer/);
  });
});
