import { describe, expect, it } from 'vitest';
import { loadScene } from '../../src/sim/testScenes';
import type { Alert } from '../../src/telemetry/alerts/AlertBook';
import { ALERT_THRESHOLDS } from '../../src/telemetry/alerts/alertThresholds';
import { vehicleRow } from '../../src/telemetry/fixtures/vehicleRow';
import type { VehicleRow } from '../../src/telemetry/vehicleRow';
import { bothDatabases } from '../testing/bothDatabases';
import { AlertStore } from './AlertStore';
import { SharedAlerts, type AlertChange } from './SharedAlerts';

const scene = loadScene('scenes/1119-1120/proposed.json');
const T0 = Date.UTC(2026, 11, 4, 8, 0, 0);
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const fleet = (vehicles: VehicleRow[]) => ({
  status: 'live' as const,
  fleet: { agvs: vehicles.length, stale: 0, vehicles, nearMisses: 0, contacts: 0, collisionEvents: [] },
});

describe.each(bothDatabases())('the shared alert book on the $kind database', ({ open }) => {
  it('opens, acknowledges and clears alerts over the feed, hands each change to its listeners and stores it', async () => {
    const { db } = await open();
    const store = new AlertStore(db);
    const book = new SharedAlerts(scene, ALERT_THRESHOLDS, store, quiet, 'run1');
    const changes: AlertChange[] = [];
    book.subscribe((c) => changes.push(c));

    book.observe(fleet([vehicleRow('AGV-1', { batteryPercent: 4 }), vehicleRow('AGV-2')]), T0);
    expect(changes).toHaveLength(1);
    const [low] = changes[0]!.alerts;
    expect(low).toMatchObject({ id: 'run1-A1', kind: 'low-battery', active: true, vehicles: ['acme/AGV-1'], openedS: T0 / 1000 });
    // Nothing changed: nothing handed on.
    book.observe(fleet([vehicleRow('AGV-1', { batteryPercent: 4 }), vehicleRow('AGV-2')]), T0 + 1000);
    expect(changes).toHaveLength(1);

    expect(await book.acknowledge(['run1-A1', 'run0-A1', 'run1-A99'], 'ana', T0 + 5000)).toBe(1);
    expect(changes[1]!.alerts).toEqual([{ ...low, ack: { by: 'ana', atS: T0 / 1000 + 5 } }]);
    // The first acknowledgement stands.
    expect(await book.acknowledge(['run1-A1'], 'binh', T0 + 6000)).toBe(0);
    expect(book.current()[0]!.ack).toEqual({ by: 'ana', atS: T0 / 1000 + 5 });

    book.observe(fleet([vehicleRow('AGV-1', { batteryPercent: 90 }), vehicleRow('AGV-2', { stale: true })]), T0 + 10_000);
    expect(changes[2]!.alerts.map((a) => [a.kind, a.active])).toEqual([
      ['stale', true],
      ['low-battery', false],
    ]);
    await book.settled();
    const stored = await store.search({ limit: 10 });
    expect(stored.map((a: Alert) => [a.id, a.kind, a.active, a.ack?.by])).toEqual([
      ['run1-A2', 'stale', true, undefined],
      ['run1-A1', 'low-battery', false, 'ana'],
    ]);
    expect(await store.search({ fromMs: T0 + 1, limit: 10 })).toHaveLength(1);

    // A new run closes what the last left open; its book numbers its alerts behind its own tag.
    expect(await store.closeLeftOpen(T0 + 60_000)).toHaveLength(1);
    expect((await store.search({ limit: 10 }))[0]).toMatchObject({ id: 'run1-A2', active: false, clearedS: T0 / 1000 + 60 });
    const next = new SharedAlerts(scene, ALERT_THRESHOLDS, store, quiet, 'run2');
    next.observe(fleet([vehicleRow('AGV-2', { stale: true })]), T0 + 61_000);
    expect(next.current().map((a) => a.id)).toEqual(['run2-A1']);
    expect(await next.acknowledge('all', 'ana', T0 + 62_000)).toBe(1);
    await next.settled();
    expect(await store.search({ limit: 10 })).toHaveLength(3);
  });

  it('keeps a change the database refused and stores it at the next tick', async () => {
    const { db } = await open();
    const store = new AlertStore(db);
    const errors: string[] = [];
    const book = new SharedAlerts(scene, ALERT_THRESHOLDS, store, { ...quiet, error: (_o, m) => errors.push(m) }, 'r');
    const put = store.put.bind(store);
    let refuse = true;
    store.put = (a, now) => (refuse ? Promise.reject(new Error('disk full')) : put(a, now));
    book.observe(fleet([vehicleRow('AGV-1', { batteryPercent: 4 })]), T0);
    await book.settled();
    expect(errors).toEqual(['alert not stored (tried again next tick)']);
    expect(await store.search({ limit: 10 })).toEqual([]);
    refuse = false;
    book.observe(fleet([vehicleRow('AGV-1', { batteryPercent: 4 })]), T0 + 1000);
    await book.settled();
    expect((await store.search({ limit: 10 })).map((a) => a.kind)).toEqual(['low-battery']);
  });
});
