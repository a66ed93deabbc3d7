import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { loadScene } from '../../../sim/testScenes';
import { studyCaveats } from '../../../sim/study/studyCaveats';
import { COUNT, DURATION, estimate, SHARE } from '../../../sim/study/studyStats';
import type { PointResult } from '../../../sim/study/summarisePoint';
import { STRINGS } from '../../locales/resources';
import { bindingText, caveatText, formatEstimate, hourClock, resourceName } from './studyLabels';

const proposed = loadScene('scenes/1119-1120/proposed.json');

async function tOf(lng: 'en' | 'vi'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { en: { translation: STRINGS.en }, vi: { translation: STRINGS.vi } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

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

  it('writes a cut interval as its bounds, never as ± a half-width that leaves the range (issue 14)', () => {
    expect(formatEstimate(estimate([3948.2, 5495.2], DURATION), 'en', 1 / 60)).toBe('79 (0–242)');
    expect(formatEstimate(estimate([0.8225, 0.8691], SHARE), 'en', 100)).toBe('85 (55–100)');
  });

  it('names resources as people do, in both languages', () => {
    expect(resourceName('agv-fleet', proposed, 'vi')).toBe('Đội AGV');
    expect(resourceName('vn-export-crane-1', proposed, 'en')).toBe('Export yard automated crane 1');
  });

  it('gives the AGV lanes their reason: the share of work spent waiting beside the fleet busy (issue 14)', async () => {
    const lanes = { resource: 'agv-lanes', runs: 2, utilisation: 0.48, fleetUtilisation: 0.98 };
    expect(bindingText(lanes, 2, proposed, 'en', await tOf('en'))).toBe(
      'AGV lanes (waiting for other AGVs): AGVs spent 48 % of their working time waiting for one another, fleet 98 % busy (binds in 2 of 2 runs)',
    );
    expect(bindingText(lanes, 2, proposed, 'vi', await tOf('vi'))).toBe(
      'Làn AGV (chờ AGV khác): AGV dành 48 % thời gian làm việc để chờ nhau, đội AGV bận 98 % (giới hạn ở 2/2 lần chạy)',
    );
    const crane = { resource: 'vn-import-crane-1', runs: 3, utilisation: 0.91 };
    expect(bindingText(crane, 3, proposed, 'en', await tOf('en'))).toBe('Import yard automated crane 1, 91 % busy (binds in 3 of 3 runs)');
  });

  it('says the caveats of a 6-h study of two seeds in both languages (issue 14)', async () => {
    const point = {
      agvs: 40,
      vehiclesPerDay: 3000,
      clearedInWindow: estimate([223, 223], COUNT),
      clearedPerDay: estimate([892, 892], COUNT),
      timeInSystemP50S: estimate([1141.5, 1096.5], DURATION),
      timeInSystemP95S: estimate([3948.2, 5495.2], DURATION),
      utilisation: { 'agv-fleet': estimate([0.8225, 0.8691], SHARE) },
    } as unknown as PointResult;
    const caveats = studyCaveats(proposed, { vehiclesPerDay: 3000, agvs: 40, hours: 6, replications: 2, warmupDays: 0, target: 3000 }, [point]);
    const en = await tOf('en');
    expect(caveats.map((c) => caveatText(c, proposed, 'en', en))).toEqual([
      "A window of 6 h from 00:00, scaled to a day (× 4): the arrival profile is not flat, so this is not a day's capacity. Simulate 24 h for that.",
      '2 replications: too few for a meaningful 95 % interval (5 or more).',
      'Cleared/day: all replications identical; the interval has no width and says nothing about how days differ.',
      "Time in system, 95th percentile: the 95 % interval's lower bound is cut to 0 min, the least it can be (mean ± t·s/√n gave -85 min).",
      "Utilisation of AGV fleet: the 95 % interval's upper bound is cut to 100 %, the most it can be (mean ± t·s/√n gave 114 %).",
    ]);
    const vi = await tOf('vi');
    const said = caveats.map((c) => caveatText(c, proposed, 'vi', vi));
    expect(said[0]).toMatch(/^Khung 6 giờ từ 00:00, quy đổi ra một ngày \(× 4\)/);
    expect(said[4]).toBe('Mức sử dụng của Đội AGV: cận trên của KTC 95 % được cắt về 100 %, mức cao nhất có thể (trung bình ± t·s/√n cho 114 %).');
    for (const s of said) expect(s).not.toMatch(/\{\{|study\.|undefined/);
  });
});
