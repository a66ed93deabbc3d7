import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { alertTime } from './alertTime';

const t = ((key: string, o: { day: number; time: string }) => `${key}:${o.day}|${o.time}`) as unknown as TFunction;

describe('alert times at the gate', () => {
  it('shows the simulation’s clock as day and time of day', () => {
    expect(alertTime(86400 + 8 * 3600 + 3 * 60 + 20.7, 'sim', 'en', t)).toBe('alerts.simTime:2|08:03:20');
  });

  it('shows live and replayed epoch times in the gate’s time zone (UTC+7)', () => {
    expect(alertTime(Date.UTC(2026, 10, 23, 1, 0, 40) / 1000, 'replay', 'en', t)).toBe('08:00:40');
    expect(alertTime(Date.UTC(2026, 10, 23, 1, 0, 40) / 1000, 'live', 'vi', t)).toBe('08:00:40');
  });
});
