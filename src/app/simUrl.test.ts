import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEED, DEFAULT_START_S, readSimUrl } from './simUrl';

describe('readSimUrl', () => {
  it('reads seed, vehicles/day, AGVs, start clock and speed', () => {
    expect(readSimUrl('?seed=4&vpd=3000&agvs=80&t=09:30&speed=300')).toEqual({
      options: { seed: 4, vehiclesPerDay: 3000, agvs: 80 },
      startS: 9.5 * 3600,
      speed: 300,
      problems: [],
    });
  });

  it('uses defaults when nothing is given', () => {
    expect(readSimUrl('?zone=1119-1120')).toEqual({ options: {}, startS: DEFAULT_START_S, speed: DEFAULT_SPEED, problems: [] });
  });

  it('names each malformed parameter and keeps its default', () => {
    const r = readSimUrl('?seed=1.5&agvs=-3&speed=5000&t=25:00&vpd=');
    expect(r.options).toEqual({});
    expect(r.speed).toBe(DEFAULT_SPEED);
    expect(r.startS).toBe(DEFAULT_START_S);
    expect(r.problems.map((p) => p.path).sort()).toEqual(['agvs', 'seed', 'speed', 't', 'vpd']);
    expect(r.problems.find((p) => p.path === 't')!.message).toMatch(/not a time of day/);
  });

  it('takes only the speeds the speed buttons offer, and says which', () => {
    const r = readSimUrl('?speed=7');
    expect(r.speed).toBe(DEFAULT_SPEED);
    expect(r.problems).toMatchObject([{ path: 'speed', code: 'url-one-of', params: { value: '7', known: ['1', '10', '60', '300', '1000'] } }]);
    expect(readSimUrl('?speed=60').problems).toEqual([]);
  });

  it('says what each parameter allows', () => {
    const r = readSimUrl('?seed=x&vpd=xyz&agvs=1.5&t=7');
    expect(Object.fromEntries(r.problems.map((p) => [p.path, { code: p.code, params: p.params }]))).toEqual({
      seed: { code: 'url-whole-number', params: { value: 'x' } },
      vpd: { code: 'url-number-range', params: { value: 'xyz', min: 0, max: 100000 } },
      agvs: { code: 'url-whole-number-range', params: { value: '1.5', min: 0, max: 5000 } },
      t: { code: 'url-time-of-day', params: { value: '7' } },
    });
  });
});
