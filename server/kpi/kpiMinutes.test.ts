import { describe, expect, it } from 'vitest';
import type { VehicleRow } from '../../src/telemetry/vehicleRow';
import { vehicleRow } from '../../src/telemetry/fixtures/vehicleRow';
import { bothDatabases } from '../testing/bothDatabases';
import { KpiMinutes } from './KpiMinutes';

const T0 = Date.UTC(2026, 11, 4, 8, 0, 0);
const row = (key: string, o: Partial<VehicleRow>) => vehicleRow(key, { key, driving: undefined, ...o });
const counts = (vehicles: VehicleRow[], nearMisses: number, contacts: number, received: number) => ({ vehicles, nearMisses, contacts, received });

describe.each(bothDatabases())('KPI minutes on the $kind database', ({ open }) => {
  it('stores each finished minute: the fleet as it ended, and what happened in it', async () => {
    const kpi = new KpiMinutes((await open()).db);
    await kpi.observe(counts([row('a', { loaded: true, driving: true }), row('b', {})], 2, 0, 100), T0 + 5_000);
    // a sets its container down; b goes silent; a near miss and 50 messages later the minute ends.
    await kpi.observe(counts([row('a', { loaded: false, driving: false }), row('b', { stale: true })], 3, 0, 150), T0 + 59_000);
    expect(await kpi.list(T0, T0 + 3_600_000)).toEqual([]);
    await kpi.observe(counts([row('a', { loaded: true, paused: true, errors: 1 }), row('b', { stale: true })], 3, 1, 170), T0 + 61_000);
    await kpi.observe(counts([row('a', { loaded: false }), row('b', {})], 3, 1, 200), T0 + 121_000);
    expect(await kpi.list(T0, T0 + 3_600_000)).toEqual([
      { minuteMs: T0, agvs: 1, stale: 1, driving: 0, loaded: 0, paused: 0, withErrors: 0, nearMisses: 1, contacts: 0, messages: 50, containersMoved: 1 },
      {
        minuteMs: T0 + 60_000,
        agvs: 1,
        stale: 1,
        driving: 0,
        loaded: 1,
        paused: 1,
        withErrors: 1,
        nearMisses: 0,
        contacts: 1,
        messages: 20,
        containersMoved: 0,
      },
    ]);
    expect(await kpi.list(T0 + 60_000, T0 + 120_000)).toHaveLength(1);
  });
});
