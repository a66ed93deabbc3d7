import { describe, expect, it } from 'vitest';
import { gateClock, gateTimeOfDayS } from './gateClock';

describe('gate clock', () => {
  it('reads epoch seconds in the gate time zone (UTC+7), whatever the machine says', () => {
    // 2026-03-01T01:02:03Z is 08:02:03 at the gate.
    expect(gateClock(Date.UTC(2026, 2, 1, 1, 2, 3) / 1000, false)).toBe('08:02:03');
    expect(gateClock(Date.UTC(2026, 2, 1, 17, 0, 0) / 1000 + 0.9, false)).toBe('00:00:00');
  });

  it('reads simulated seconds as the time of day since midnight of day 1', () => {
    expect(gateClock(8 * 3600 + 3 * 60 + 20, true)).toBe('08:03:20');
    expect(gateClock(86400 + 59.7, true)).toBe('00:00:59');
  });

  it('refuses a time that is not a number', () => {
    expect(() => gateClock(Number.NaN, true)).toThrow(/NaN s/);
  });

  it('gives the time of day at the gate in seconds: simulated since midnight, epoch in UTC+7', () => {
    expect(gateTimeOfDayS(86400 + 8 * 3600 + 0.5, true)).toBe(8 * 3600 + 0.5);
    expect(gateTimeOfDayS(Date.UTC(2026, 2, 1, 1, 2, 3) / 1000 + 0.25, false)).toBe(8 * 3600 + 2 * 60 + 3.25);
    expect(gateTimeOfDayS(Date.UTC(2026, 2, 1, 17, 0, 0) / 1000, false)).toBe(0);
    expect(() => gateTimeOfDayS(Number.POSITIVE_INFINITY, false)).toThrow(/Infinity s/);
  });
});
