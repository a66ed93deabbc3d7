import { describe, expect, it } from 'vitest';
import { projectDay } from './dayProjection';
import type { HourRow } from './simKpis';
import { Simulation } from './Simulation';
import { loadScene } from './testScenes';

const flat = {
  openingHours: { openHour: 0, closeHour: 24, source: 'test' },
  arrivalProfile: { hourlyShare: Array<number>(24).fill(1 / 24), source: 'test' },
};
const process = (p: typeof flat) => p as unknown as Parameters<typeof projectDay>[2];
const row = (hour: number, arrived: number, cleared: number, inside: number): HourRow => ({
  hour,
  arrived,
  cleared,
  inside,
  agvsBusy: 0,
  containersWaiting: 0,
  queues: {},
});

describe('the day projection', () => {
  it('says nothing before the first hour ends', () => {
    expect(projectDay([], 2400, process(flat))).toBeUndefined();
  });

  it('projects what is still to arrive when the gate keeps up, with a Poisson band, never below what is cleared', () => {
    // 100 an hour arrive and clear; 10 hours done; 14 to go at the same rate.
    const rows = Array.from({ length: 10 }, (_, h) => row(h, 100, 100, 0));
    const p = projectDay(rows, 2400, process(flat))!;
    expect(p).toMatchObject({ basis: 'demand', clearedSoFar: 1000, hoursDone: 10, expected: 1000 + 1400 });
    expect(p.high - p.expected).toBe(Math.round(1.96 * Math.sqrt(1400)));
    expect(p.expected - p.low).toBe(p.high - p.expected);
    // Arrivals running at half the profile: the rest of the day is expected at half too.
    const slow = projectDay(
      Array.from({ length: 10 }, (_, h) => row(h, 50, 50, 0)),
      2400,
      process(flat),
    )!;
    expect(slow.expected).toBe(500 + 700);
  });

  it('does not count on a rate the gate has not shown: before the peak, the best hour so far, up to keeping up', () => {
    // The profile triples after 10:00; the gate has cleared 100 an hour, all that came, and no more.
    const peak = { ...flat, arrivalProfile: { hourlyShare: Array.from({ length: 24 }, (_, h) => (h < 10 ? 1 : 3)), source: 'test' } };
    const rows = Array.from({ length: 10 }, (_, h) => row(h, 100, 100, 0));
    const p = projectDay(rows, 5200, process(peak))!;
    expect(p).toMatchObject({ basis: 'pace', expected: 1000 + 100 * 14 });
    expect(p.high).toBeGreaterThanOrEqual(1000 + 300 * 14);
    expect(p.low).toBeLessThan(p.expected);
  });

  it('caps the rest of the day at the rate the gate showed while trucks waited, carrying the queue, with the band from its spread', () => {
    // 150 an hour arrive, the gate clears 70–74 an hour: the queue grows, every hour ends with more than an hour's work inside.
    const cleared = [70, 72, 74, 72, 70, 74];
    const rows = cleared.map((c, h) => row(h, 150, c, (h + 1) * 80));
    const p = projectDay(rows, 3600, process(flat))!;
    expect(p.basis).toBe('capacity');
    expect(p.clearedSoFar).toBe(432);
    expect(p.expected).toBe(432 + 72 * 18);
    expect(p.low).toBeLessThan(p.expected);
    expect(p.high).toBeGreaterThan(p.expected);
    expect(p.high - p.low).toBeLessThan(0.1 * p.expected);
  });

  it('clears nothing in the hours the gate is shut', () => {
    const shut = { ...flat, openingHours: { openHour: 0, closeHour: 12, source: 'test' } };
    const rows = [row(0, 150, 70, 80), row(1, 150, 70, 160), row(2, 150, 70, 240)];
    const p = projectDay(rows, 3600, process(shut))!;
    expect(p.expected).toBe(210 + 70 * 9);
  });

  it('lands near the day the simulation then runs, from its first 10 hours (proposed 1119–1120 at 3,500 a day)', () => {
    const scene = loadScene('scenes/1119-1120/proposed.json');
    const sim = new Simulation(scene, { seed: 3, vehiclesPerDay: 3500, hours: 24 });
    sim.advanceTo(10 * 3600);
    const p = projectDay(sim.hourly, 3500, scene.process)!;
    sim.advanceTo(24 * 3600);
    const day = sim.hourly.reduce((a, r) => a + r.cleared, 0);
    expect(Math.abs(p.expected - day) / day).toBeLessThan(0.1);
    expect(p.low).toBeLessThanOrEqual(p.high);
  });
});
