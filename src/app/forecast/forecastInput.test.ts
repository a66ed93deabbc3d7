import { describe, expect, it } from 'vitest';
import type { VehicleRow } from '../../telemetry/vehicleRow';
import { vehicleRow } from '../../telemetry/fixtures/vehicleRow';
import { forecastInput, type ForecastRound } from './forecastInput';

const row = (key: string, over: Partial<VehicleRow> = {}) =>
  vehicleRow(key.split('/')[1]!, {
    key,
    speedMps: 1.5,
    driving: undefined,
    batteryPercent: undefined,
    hasOrder: true,
    operatingState: 'driving',
    ...over,
  });

const ROUTE_CAP = 4;
const round = (clockS: number): ForecastRound => ({
  clockS,
  keys: ['acme/A', 'acme/B', 'acme/C'],
  routeCap: ROUTE_CAP,
  x: Float64Array.of(10, 20, 30),
  y: Float64Array.of(-1, -2, -3),
  routeLen: Int32Array.of(3, 0, 1),
  // A: nodes 5, 6, 7 (goal 7); B: none; C: one node unknown to the scene (-1).
  route: Int32Array.of(5, 6, 7, 99, 1, 2, 3, 4, -1, 0, 0, 0),
});

describe('forecastInput', () => {
  it('packs every AGV of the round in its order, with its goal, load, pause and standing from its row', () => {
    const rows = [row('acme/C', { loaded: true, speedMps: 0.05, paused: true }), row('acme/A', { loaded: true, speedMps: 0.1 })];
    const { agvs } = forecastInput(round(8 * 3600), rows, true);
    expect(agvs).toEqual([
      { x: 10, y: -1, loaded: true, goalNode: 7, paused: false, standing: false },
      { x: 20, y: -2, loaded: false, goalNode: -1, paused: false, standing: true },
      { x: 30, y: -3, loaded: true, goalNode: -1, paused: true, standing: true },
    ]);
  });

  it('takes an AGV whose speed is not known yet (one position) as standing unless its state says it drives', () => {
    const rows = [
      row('acme/A', { speedMps: undefined, driving: true }),
      row('acme/B', { speedMps: undefined, driving: false }),
      row('acme/C', { speedMps: undefined }),
    ];
    expect(forecastInput(round(8 * 3600), rows, true).agvs.map((a) => a.standing)).toEqual([false, true, true]);
  });

  it('reads a simulated clock as seconds since midnight, whatever the day', () => {
    expect(forecastInput(round(86400 * 2 + 8 * 3600 + 12.5), [], true).timeOfDayS).toBe(8 * 3600 + 12.5);
  });

  it('reads a live or replayed clock as epoch seconds at the gate (UTC+7)', () => {
    // 2026-03-01T23:30:00Z is 06:30 the next morning at the gate.
    expect(forecastInput(round(Date.UTC(2026, 2, 1, 23, 30, 0) / 1000), [], false).timeOfDayS).toBe(6.5 * 3600);
  });
});
