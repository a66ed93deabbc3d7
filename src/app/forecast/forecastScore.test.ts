import { describe, expect, it } from 'vitest';
import type { ForecastResult } from '../../sim/forecast/forecastTypes';
import type { RecordingTruth } from '../../telemetry/replay/recordingTruth';
import { scoreForecast } from './forecastScore';

const result = (seed: number, containers: number[]): ForecastResult => ({
  seed,
  fromS: 0,
  toS: 3600,
  binS: 300,
  bins: { cleared: containers, containers, trucksWaiting: containers, agvBusyShare: containers, plannerWaits: containers },
  totals: { cleared: 0, containers: containers.reduce((a, b) => a + b, 0), plannerWaits: 0 },
  positions: [
    { afterS: 300, x: [3], y: [4] },
    { afterS: 900, x: [0], y: [0] },
  ],
});

const truth = (coveredS: number, over: Partial<RecordingTruth> = {}): RecordingTruth => ({
  fromS: 1_800_000_000,
  coveredS,
  binS: 300,
  containersPerBin: new Array<number>(Math.floor(coveredS / 300)).fill(2),
  positions: [
    { afterS: 300, at: { 'acme/A': { x: 0, y: 0 } } },
    { afterS: 900, at: { 'acme/A': { x: 0, y: 0 } } },
  ].filter((p) => p.afterS <= coveredS),
  ...over,
});

describe('scoreForecast', () => {
  it('scores every figure when the recording covers a quarter of an hour, with no reason', () => {
    const s = scoreForecast([result(1, [1, 2, 3]), result(2, [3, 3, 3])], truth(900), ['acme/A']);
    expect(s.reason).toBeUndefined();
    expect(s.error).toMatchObject({ positionM5: 5, positionM15: 0, containersRecorded: 6, containersWithin: true });
  });

  it('says the recording ends too soon for what it cannot score', () => {
    const s = scoreForecast([result(1, [1, 2, 3])], truth(150), ['acme/A']);
    expect(s.error?.positionM5).toBeUndefined();
    expect(s.error?.containers).toBeUndefined();
    expect(s.coveredS).toBe(150);
    expect(s.reason).toMatch(/no position at \+5 min \(the recording ends 150 s/);
    expect(s.reason).toMatch(/no position at \+15 min/);
    expect(s.reason).toMatch(/no containers compared/);
  });

  it('says when the recording covers the time but holds none of the forecast’s AGVs', () => {
    const s = scoreForecast([result(1, [1, 2, 3])], truth(900), ['other/B']);
    expect(s.reason).toMatch(/no AGV of the forecast is in the recording at \+5 min/);
    expect(s.error?.containers).toBeDefined();
  });
});
