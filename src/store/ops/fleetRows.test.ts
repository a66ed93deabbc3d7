import { describe, expect, it } from 'vitest';
import type { VehicleRow } from '../../telemetry/vehicleRow';
import { vehicleRow } from '../../telemetry/fixtures/vehicleRow';
import { filterRows, sortRows } from './fleetRows';

/** A vehicle row with `extra` over a standing, empty, placed vehicle; its operating state worked out as the feed does. */
const row = (serial: string, extra: Partial<VehicleRow> = {}) =>
  vehicleRow(serial, { speedMps: 0, driving: undefined, batteryPercent: undefined, ...extra });

const rows = [
  row('AGV-010', { batteryPercent: 80, driving: true, speedMps: 3.1 }),
  row('AGV-2', { batteryPercent: 15, driving: false, loaded: true }),
  row('AGV-003', { stale: true }),
  row('AGV-001', { batteryPercent: 55, paused: true, errors: 2, fatals: 1, lastNodeId: 'vn-park-a0' }),
];

const ids = (r: readonly { serialNumber: string }[]) => r.map((x) => x.serialNumber);

describe('fleet list rows', () => {
  it('works the state out: silent first, then a fatal error, paused, driving, charging, idle', () => {
    expect(rows.map((r) => r.operatingState)).toEqual(['driving', 'idle', 'stale', 'error']);
    expect(row('A', { paused: true, errors: 1, warnings: 1, fatals: 0 }).operatingState).toBe('paused');
    expect(row('A', { paused: true, driving: true }).operatingState).toBe('paused');
    expect(row('A', { charging: true }).operatingState).toBe('charging');
    expect(row('A', { driving: true, charging: true }).operatingState).toBe('driving');
  });

  it('sorts ids as numbers read them, battery both ways with unknown battery last', () => {
    expect(ids(sortRows(rows, 'id', 'asc'))).toEqual(['AGV-001', 'AGV-2', 'AGV-003', 'AGV-010']);
    expect(ids(sortRows(rows, 'battery', 'asc'))).toEqual(['AGV-2', 'AGV-001', 'AGV-010', 'AGV-003']);
    expect(ids(sortRows(rows, 'battery', 'desc'))).toEqual(['AGV-010', 'AGV-001', 'AGV-2', 'AGV-003']);
    expect(ids(sortRows(rows, 'errors', 'desc'))[0]).toBe('AGV-001');
    expect(ids(sortRows(rows, 'load', 'desc'))[0]).toBe('AGV-2');
    expect(ids(sortRows(rows, 'speed', 'desc'))[0]).toBe('AGV-010');
  });

  it('sorts by predicted arrival both ways, AGVs without one last', () => {
    const at = new Map([
      ['acme/AGV-003', 1040],
      ['acme/AGV-010', 1005],
      ['acme/AGV-001', 1020],
    ]);
    expect(ids(sortRows(rows, 'eta', 'asc', at))).toEqual(['AGV-010', 'AGV-001', 'AGV-003', 'AGV-2']);
    expect(ids(sortRows(rows, 'eta', 'desc', at))).toEqual(['AGV-003', 'AGV-001', 'AGV-010', 'AGV-2']);
    expect(ids(sortRows(rows, 'eta', 'asc'))).toEqual(['AGV-001', 'AGV-2', 'AGV-003', 'AGV-010']);
  });

  it('filters by id, key or last node (any case) and by state', () => {
    expect(ids(filterRows(rows, 'agv-01', undefined))).toEqual(['AGV-010']);
    expect(ids(filterRows(rows, '  PARK ', undefined))).toEqual(['AGV-001']);
    expect(ids(filterRows(rows, 'acme/', 'stale'))).toEqual(['AGV-003']);
    expect(filterRows(rows, 'nobody', undefined)).toEqual([]);
    expect(filterRows(rows, '', undefined)).toHaveLength(4);
  });
});
