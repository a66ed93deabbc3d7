import { describe, expect, it } from 'vitest';
import { scoreSampleForecast } from './scoreSampleForecast';

describe('the forecast scored on the forecast sample', { timeout: 60_000 }, () => {
  it('gives every figure at +5 and +15 minutes for all 12 AGVs, and the containers over whole bins, with no reason missing', async () => {
    const { score, band } = await scoreSampleForecast(5 * 60);
    expect(score.reason).toBeUndefined();
    const e = score.error!;
    expect([e.agvs5, e.agvs15]).toEqual([12, 12]);
    expect(Number.isFinite(e.positionM5)).toBe(true);
    expect(Number.isFinite(e.positionM15)).toBe(true);
    expect(Number.isFinite(e.containers)).toBe(true);
    expect(e.overS).toBe(20 * 60);
    expect(e.containersBand![0]).toBeLessThanOrEqual(e.containersBand![1]);
    expect(band.seeds).toBe(5);
  });

  it('refuses a playhead outside the recording', async () => {
    await expect(scoreSampleForecast(26 * 60)).rejects.toThrow(/within the recording's 1500 s \(got 1560 s\)/);
  });
});
