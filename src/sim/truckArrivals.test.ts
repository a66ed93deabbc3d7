import { describe, expect, it } from 'vitest';
import { seededRandom } from '../domain/random';
import { loadScene } from './testScenes';
import { CHANNEL_RED, FLOW_EXPORT, truckArrivals } from './truckArrivals';

describe('truckArrivals', () => {
  const today = loadScene('scenes/1119-1120/today.json');

  it("draws exactly the day's vehicles, by the hourly profile, none while the gate is closed", () => {
    const a = truckArrivals(today.process, 800, 24, seededRandom(5));
    expect(a.count).toBe(800);
    const perHour = new Array<number>(24).fill(0);
    for (let i = 0; i < a.count; i++) perHour[Math.floor(a.time[i]! / 3600)]!++;
    const shares = today.process.arrivalProfile.hourlyShare;
    const sum = shares.reduce((x, y) => x + y, 0);
    expect(shares, 'hours with the gate closed').toContain(0);
    perHour.forEach((n, h) => {
      expect(Math.abs(n - (800 * shares[h]!) / sum)).toBeLessThan(1);
      if (shares[h] === 0) expect(n).toBe(0);
    });
    for (let i = 1; i < a.count; i++) expect(a.time[i]!).toBeGreaterThanOrEqual(a.time[i - 1]!);
  });

  it("splits flows and channels near the scene's shares and only two-way exports", () => {
    const a = truckArrivals(today.process, 20000, 24, seededRandom(9));
    let exports = 0;
    let red = 0;
    for (let i = 0; i < a.count; i++) {
      if (a.flow[i] === FLOW_EXPORT) exports++;
      else expect(a.twoWay[i]).toBe(0);
      if (a.channel[i] === CHANNEL_RED) red++;
    }
    expect(exports / a.count).toBeCloseTo(today.process.exportShare.value, 1);
    expect(red / a.count).toBeCloseTo(today.process.riskChannels.red.value, 1);
  });

  it('stops at the end of a run shorter than a day', () => {
    const a = truckArrivals(today.process, 800, 10, seededRandom(1));
    expect(a.count).toBeGreaterThan(0);
    for (let i = 0; i < a.count; i++) expect(a.time[i]!).toBeLessThan(10 * 3600);
  });
});
