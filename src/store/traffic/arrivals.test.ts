import { describe, expect, it } from 'vitest';
import { arrivals } from './arrivals';
import type { TrafficSnapshot } from './trafficStore';

describe('arrivals', () => {
  it('puts each timed route end on the source clock, by key, and leaves out AGVs without one', () => {
    const snap = { clockS: 1000, keys: ['m/a', 'm/b', 'm/c'], etaS: Float64Array.from([12.5, Number.NaN, 0]) } as unknown as TrafficSnapshot;
    expect([...arrivals(snap)]).toEqual([
      ['m/a', 1012.5],
      ['m/c', 1000],
    ]);
    expect(arrivals(undefined).size).toBe(0);
  });
});
