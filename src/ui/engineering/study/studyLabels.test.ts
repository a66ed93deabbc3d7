import { describe, expect, it } from 'vitest';
import { formatEstimate, hourClock } from './studyLabels';

describe('study labels', () => {
  it('writes hours since midnight as a time of day, wrapping after 24 h', () => {
    expect(hourClock(4)).toBe('04:00');
    expect(hourClock(1.25)).toBe('01:15');
    expect(hourClock(24)).toBe('00:00');
    expect(hourClock(26.5)).toBe('02:30');
  });

  it('writes an estimate as mean ± half-width in the UI language, the mean alone without an interval', () => {
    expect(formatEstimate({ n: 3, mean: 1936.4, half: 17.2, low: 1919.2, high: 1953.6 }, 'en')).toBe('1,936 ± 17');
    expect(formatEstimate({ n: 3, mean: 1936.4, half: 17.2 }, 'vi')).toBe('1.936 ± 17');
    expect(formatEstimate({ n: 1, mean: 0.5 }, 'en', 100)).toBe('50');
  });
});
