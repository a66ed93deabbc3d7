import { describe, expect, it } from 'vitest';
import { duration, gateTime } from './gateTime';

describe('gate time', () => {
  it("shows the border post's clock (UTC+7) whatever the machine's zone, in either language", () => {
    const s = Date.UTC(2026, 10, 23, 1, 0, 40) / 1000;
    expect(gateTime(s, 'en')).toBe('08:00:40');
    expect(gateTime(s, 'vi')).toBe('08:00:40');
    expect(gateTime(s, 'en', true)).toMatch(/23\/11\/2026.*08:00:40/);
  });

  it('writes durations as m:ss or h:mm:ss', () => {
    expect(duration(125)).toBe('2:05');
    expect(duration(3725)).toBe('1:02:05');
    expect(duration(-3)).toBe('0:00');
  });
});

describe('formatNumber', () => {
  it("follows the UI's language", async () => {
    const { formatNumber } = await import('./formatNumber');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'vi')).toBe('1.234,5');
  });
});
