import { describe, expect, it } from 'vitest';
import { loadScene } from '../testScenes';
import { runStudy } from './runStudy';

const today = loadScene('scenes/1119-1120/today.json');

describe('a study of trucks that have length (issue 14 part 4)', { timeout: 60_000 }, () => {
  it('summarises each holding area over the replications: how full, from when, the queue on the road beyond it, hour by hour', () => {
    // 3,000 a day asked of a scanner that clears 800 import trucks a day: the import parking (70) fills every run.
    const r = runStudy(today, { vehiclesPerDay: 3000, hours: 24, replications: 3, warmupDays: 0 });
    const b = r.base;
    const parking = b.holding!['vn-import-parking']!;
    expect(parking.capacity).toBe(70);
    expect(parking.trucksMax).toMatchObject({ n: 3, mean: 70, identical: true });
    expect(parking.fullRuns).toBe(3);
    expect(parking.fullFirstS!.n).toBe(3);
    expect(parking.fullFirstS!.mean).toBeCloseTo(b.runs.reduce((a, k) => a + k.holding['vn-import-parking']!.fullFirstS!, 0) / 3, 6);
    expect(parking.fullHours.mean).toBeGreaterThan(10);
    expect(parking.roadQueueMaxM.mean).toBeGreaterThan(parking.roadQueueMeanM.mean);
    expect(b.spillBackMaxM!.mean).toBeCloseTo(parking.roadQueueMaxM.mean, 6);
    expect(b.holdingFullHours!.mean).toBeCloseTo(parking.fullHours.mean, 6);
    // The export trucks' holding area never fills: no time for it, and the road before it stays empty.
    const exportArea = b.holding!['vn-export-holding']!;
    expect(exportArea.fullRuns).toBe(0);
    expect(exportArea.fullFirstS).toBeUndefined();
    expect(exportArea.roadQueueMaxM.mean).toBe(0);
    // Hour by hour: the parking full, the road queue growing through the afternoon.
    const last = b.hourly.at(-1)!;
    expect(last.holding!['vn-import-parking']).toBe(70);
    const road = b.hourly.map((h) => h.roadQueueM!['vn-import-parking']!);
    expect(road[17]!).toBeGreaterThan(road[10]!);
    expect(Math.max(...road)).toBeLessThanOrEqual(parking.roadQueueMaxM.mean + 1e-9);
  });
});
