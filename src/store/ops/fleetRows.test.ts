import { describe, expect, it } from 'vitest';
import type { VehicleRow } from '../../telemetry/FleetFeed';
import { filterRows, sortRows, toOpsRow, vehicleRowsOf } from './fleetRows';

/** A row as an older source sent it (no slot, speed or operating state) plus `extra`. */
const row = (serial: string, extra: Record<string, unknown> = {}): VehicleRow =>
  ({ key: `acme/${serial}`, serialNumber: serial, stale: false, loaded: false, errors: 0, ...extra }) as unknown as VehicleRow;

const rows = [
  row('AGV-010', { batteryPercent: 80, driving: true, speedMps: 3.1 }),
  row('AGV-2', { batteryPercent: 15, driving: false, loaded: true }),
  row('AGV-003', { stale: true }),
  row('AGV-001', { batteryPercent: 55, paused: true, errors: 2, fatals: 1, lastNodeId: 'vn-park-a0' }),
].map(toOpsRow);

const ids = (r: readonly { serial: string }[]) => r.map((x) => x.serial);

describe('fleet list rows', () => {
  it('works the state out of a row without one: silent first, then a fatal error, paused, driving, idle', () => {
    expect(rows.map((r) => r.state)).toEqual(['driving', 'idle', 'stale', 'error']);
    expect(toOpsRow(row('A', { paused: true, errors: 1, warnings: 1, fatals: 0 }), 0).state).toBe('paused');
  });

  it("takes the source's operating state, telling a charging AGV from an idle one", () => {
    expect(toOpsRow(row('A', { operatingState: 'paused', driving: true }), 0).state).toBe('paused');
    expect(toOpsRow(row('A', { operatingState: 'idle', charging: true }), 0).state).toBe('charging');
    expect(toOpsRow(row('A', { operatingState: 'driving', charging: true }), 0).state).toBe('driving');
  });

  it('takes the frame slot and speed when the source sends them, else the row index and no speed', () => {
    const r = toOpsRow(row('AGV-9', { slot: 7, speedMps: 2 }), 3);
    expect(r.slot).toBe(7);
    expect(r.speed).toBe(2);
    expect(toOpsRow(row('AGV-9', { slot: 'x' }), 3).slot).toBe(3);
    expect(toOpsRow(row('AGV-9'), 3).speed).toBeUndefined();
  });

  it('sorts ids as numbers read them, battery both ways with unknown battery last', () => {
    expect(ids(sortRows(rows, 'id', 'asc'))).toEqual(['AGV-001', 'AGV-2', 'AGV-003', 'AGV-010']);
    expect(ids(sortRows(rows, 'battery', 'asc'))).toEqual(['AGV-2', 'AGV-001', 'AGV-010', 'AGV-003']);
    expect(ids(sortRows(rows, 'battery', 'desc'))).toEqual(['AGV-010', 'AGV-001', 'AGV-2', 'AGV-003']);
    expect(ids(sortRows(rows, 'errors', 'desc'))[0]).toBe('AGV-001');
    expect(ids(sortRows(rows, 'load', 'desc'))[0]).toBe('AGV-2');
    expect(ids(sortRows(rows, 'speed', 'desc'))[0]).toBe('AGV-010');
  });

  it('filters by id, key or last node (any case) and by state', () => {
    expect(ids(filterRows(rows, 'agv-01', undefined))).toEqual(['AGV-010']);
    expect(ids(filterRows(rows, '  PARK ', undefined))).toEqual(['AGV-001']);
    expect(ids(filterRows(rows, 'acme/', 'stale'))).toEqual(['AGV-003']);
    expect(filterRows(rows, 'nobody', undefined)).toEqual([]);
    expect(filterRows(rows, '', undefined)).toHaveLength(4);
  });

  it('finds the rows in the simulation feed or in a live or replay snapshot', () => {
    const vehicles = [row('A')];
    expect(vehicleRowsOf({ feed: { vehicles } })).toBe(vehicles);
    expect(vehicleRowsOf({ snapshot: { vehicles } })).toBe(vehicles);
    expect(vehicleRowsOf({ snapshot: { agvs: 3 } })).toBeUndefined();
    expect(vehicleRowsOf(undefined)).toBeUndefined();
  });
});
