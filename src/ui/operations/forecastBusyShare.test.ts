import { describe, expect, it } from 'vitest';
import { formatNumber } from '../formatNumber';
import { forecastBusyShare } from './forecastBusyShare';

const band = (min: number[], max: number[]) => ({
  bins: {
    agvBusyShare: { min, median: min, max },
    cleared: { min: [], median: [], max: [] },
    containers: { min: [], median: [], max: [] },
    trucksWaiting: { min: [], median: [], max: [] },
    plannerWaits: { min: [], median: [], max: [] },
  },
});
const num = (v: number) => formatNumber(v, 'en', 0);

describe('forecastBusyShare', () => {
  it('gives the seeds’ lowest and highest share over the hour’s bins, in %', () => {
    expect(forecastBusyShare(band([0.8, 0.9], [1, 0.98]), num)).toBe('85–99 %');
  });

  it('gives one figure when both ends round alike: a fleet busy all hour reads "100 %", not "100–100 %"', () => {
    expect(forecastBusyShare(band([0.999, 1], [1, 1]), num)).toBe('100 %');
  });

  it('reads 0 % for a forecast without bins', () => {
    expect(forecastBusyShare(band([], []), num)).toBe('0 %');
  });
});
