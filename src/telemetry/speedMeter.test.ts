import { describe, expect, it } from 'vitest';
import { SpeedMeter } from './SpeedMeter';

describe('SpeedMeter', () => {
  it('gives source seconds per wall second between two measures while playing', () => {
    const m = new SpeedMeter();
    expect(m.measure(100, true, 1000)).toBeUndefined();
    // 60× asked, 45 source seconds in 1.5 wall seconds: 30×.
    expect(m.measure(145, true, 2500)).toBe(30);
    expect(m.measure(205, true, 3500)).toBe(60);
  });

  it('measures nothing across a pause or a seek', () => {
    const m = new SpeedMeter();
    m.measure(0, true, 0);
    expect(m.measure(10, false, 1000)).toBeUndefined();
    expect(m.measure(10, true, 60_000)).toBeUndefined();
    expect(m.measure(20, true, 61_000)).toBe(10);
    m.restart();
    expect(m.measure(500, true, 62_000)).toBeUndefined();
    expect(m.measure(510, true, 63_000)).toBe(10);
  });
});
