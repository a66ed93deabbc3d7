import { describe, expect, it } from 'vitest';
import type { CollisionEvent } from '../FeedCollisions';
import type { VehicleRow } from '../vehicleRow';
import { vehicleRow } from '../fixtures/vehicleRow';
import { AlertBook, type AlertInput, type AlertKind } from './AlertBook';
import { ALERT_THRESHOLDS, type AlertThresholds } from './alertThresholds';

const LIMITS: AlertThresholds = {
  collisionActiveS: 60,
  waitingTooLongS: 100,
  restRadiusM: 10,
  deadlockRadiusM: 30,
  lowBatteryPercent: 15,
  batteryClearMarginPercent: 5,
  maxKept: 50,
};
const PARK = { x: 1000, y: 1000 };

/** A driving vehicle row (its operating state 'driving' whatever `extra` changes, unless it names one). */
const row = (serial: string, extra: Partial<VehicleRow> = {}) => vehicleRow(serial, { operatingState: 'driving', ...extra });

const standing = (serial: string, extra: Partial<VehicleRow> = {}) => row(serial, { operatingState: 'idle', driving: false, speedMps: 0, ...extra });

/** Feeds the book one snapshot and returns its alerts of `kind`, newest first. */
function feed(book: AlertBook, input: AlertInput, kind?: AlertKind) {
  book.update(input);
  return book.list().filter((a) => kind === undefined || a.kind === kind);
}

describe('AlertBook', () => {
  it('reads its thresholds from data/operations.json', () => {
    expect(ALERT_THRESHOLDS.waitingTooLongS).toBeGreaterThan(0);
    expect(ALERT_THRESHOLDS.lowBatteryPercent).toBeGreaterThan(0);
    expect(ALERT_THRESHOLDS.maxKept).toBeGreaterThan(10);
  });

  it('opens a near miss and a contact once each, with place, time and vehicles, and clears them after a while', () => {
    const book = new AlertBook(LIMITS);
    const near: CollisionEvent = { kind: 'near-miss', atS: 100, x: 50, y: 60, a: 'acme/A', b: 'acme/B' };
    const contact: CollisionEvent = { kind: 'contact', atS: 100, x: 70, y: 60, a: 'acme/C', b: 'acme/D' };
    feed(book, { clockS: 101, rows: [], collisions: [near, contact] });
    // The same events again in the next snapshots (the feed keeps its recent ones): no duplicates.
    feed(book, { clockS: 102, rows: [], collisions: [near, contact] });
    const list = feed(book, { clockS: 130, rows: [], collisions: [near, contact] });
    expect(list.map((a) => a.kind).sort()).toEqual(['contact', 'near-miss']);
    const n = list.find((a) => a.kind === 'near-miss')!;
    expect(n).toMatchObject({ level: 'warning', openedS: 100, x: 50, y: 60, vehicles: ['acme/A', 'acme/B'], active: true });
    expect(list.find((a) => a.kind === 'contact')!.level).toBe('critical');
    // A second episode of the same pair later is a new alert.
    feed(book, { clockS: 150, rows: [], collisions: [near, contact, { ...near, atS: 150 }] });
    expect(book.list().filter((a) => a.kind === 'near-miss')).toHaveLength(2);
    const later = feed(book, { clockS: 161, rows: [], collisions: [] });
    expect(later.filter((a) => a.active).map((a) => a.openedS)).toEqual([150]);
    expect(later.find((a) => a.openedS === 100 && a.kind === 'near-miss')).toMatchObject({ active: false, clearedS: 161 });
  });

  it('keeps an acknowledgement when the alert clears, and counts the unacknowledged', () => {
    const book = new AlertBook(LIMITS);
    feed(book, {
      clockS: 10,
      rows: [row('A', { stale: true, operatingState: 'stale' })],
      collisions: [{ kind: 'contact', atS: 10, x: 0, y: 0, a: 'acme/A', b: 'acme/B' }],
    });
    expect(book.unacknowledged()).toBe(2);
    const stale = book.list().find((a) => a.kind === 'stale')!;
    book.acknowledge(stale.id, 'ops1', 12);
    book.acknowledge(stale.id, 'ops2', 13);
    expect(book.unacknowledged()).toBe(1);
    const cleared = feed(book, { clockS: 20, rows: [row('A')] }, 'stale')[0]!;
    expect(cleared).toMatchObject({ active: false, clearedS: 20, ack: { by: 'ops1', atS: 12 } });
    book.acknowledgeAll('ops2', 21);
    expect(book.unacknowledged()).toBe(0);
    expect(book.list().find((a) => a.kind === 'contact')!.ack).toEqual({ by: 'ops2', atS: 21 });
  });

  it('opens stale telemetry once per episode and a new alert when it goes stale again', () => {
    const book = new AlertBook(LIMITS);
    const silent = row('A', { stale: true, operatingState: 'stale', x: 5, y: 6 });
    feed(book, { clockS: 1, rows: [silent] });
    expect(feed(book, { clockS: 2, rows: [silent] }, 'stale')).toHaveLength(1);
    expect(feed(book, { clockS: 3, rows: [row('A')] }, 'stale')[0]).toMatchObject({ active: false, x: 5, y: 6 });
    expect(feed(book, { clockS: 4, rows: [silent] }, 'stale').map((a) => a.active)).toEqual([true, false]);
    // A vehicle that is no longer listed clears its alerts.
    expect(feed(book, { clockS: 5, rows: [] }, 'stale').every((a) => !a.active)).toBe(true);
  });

  it('opens low battery below the threshold and clears it only above the margin', () => {
    const book = new AlertBook(LIMITS);
    expect(feed(book, { clockS: 1, rows: [row('A', { batteryPercent: 16 })] }, 'low-battery')).toHaveLength(0);
    expect(feed(book, { clockS: 2, rows: [row('A', { batteryPercent: 14 })] }, 'low-battery')[0]).toMatchObject({
      active: true,
      detail: '14 %',
      level: 'warning',
    });
    expect(feed(book, { clockS: 3, rows: [row('A', { batteryPercent: 18 })] }, 'low-battery')[0]!.active).toBe(true);
    expect(feed(book, { clockS: 4, rows: [row('A', { batteryPercent: 14 })] }, 'low-battery')).toHaveLength(1);
    expect(feed(book, { clockS: 5, rows: [row('A', { batteryPercent: 21 })] }, 'low-battery')[0]).toMatchObject({ active: false, clearedS: 5 });
  });

  it('opens VDA 5050 errors by level with the error as detail, and clears each level on its own', () => {
    const book = new AlertBook(LIMITS);
    const both = row('A', { errors: 2, warnings: 1, fatals: 1, topError: 'hardwareError: drive fault', operatingState: 'error' });
    feed(book, { clockS: 1, rows: [both] });
    feed(book, { clockS: 2, rows: [both] });
    expect(book.list().filter((a) => a.kind === 'vda-fatal')).toMatchObject([{ level: 'critical', detail: 'hardwareError: drive fault', active: true }]);
    expect(book.list().filter((a) => a.kind === 'vda-warning')).toMatchObject([{ level: 'warning', active: true }]);
    feed(book, { clockS: 3, rows: [row('A', { errors: 1, warnings: 1, topError: 'orderError: no such node' })] });
    expect(book.list().find((a) => a.kind === 'vda-fatal')!.active).toBe(false);
    expect(book.list().find((a) => a.kind === 'vda-warning')).toMatchObject({ active: true, detail: 'orderError: no such node' });
    expect(feed(book, { clockS: 4, rows: [row('A')] }, 'vda-warning')[0]!.active).toBe(false);
  });

  it('opens "waiting too long" for an AGV standing away from rest or with an order, not for one parked', () => {
    const book = new AlertBook(LIMITS, [PARK]);
    const rows = (t: number) => [
      standing('away', { x: 0, y: 0 }),
      standing('parked', { x: PARK.x + 5, y: PARK.y }),
      standing('ordered', { x: PARK.x, y: PARK.y - 5, hasOrder: true }),
      standing('charging', { x: 500, y: 0, charging: true }),
      row('moving', { x: t, y: 300 }),
    ];
    feed(book, { clockS: 0, rows: rows(0) });
    expect(feed(book, { clockS: 100, rows: rows(100) }, 'waiting')).toHaveLength(0);
    const open = feed(book, { clockS: 101, rows: rows(101) }, 'waiting');
    expect(open.map((a) => a.vehicles[0]).sort()).toEqual(['acme/away', 'acme/ordered']);
    expect(open.every((a) => a.openedS === 101 && a.level === 'warning')).toBe(true);
    expect(feed(book, { clockS: 150, rows: rows(150) }, 'waiting')).toHaveLength(2);
    // Driving again clears it; standing again starts the count from zero.
    const moved = [row('away'), standing('ordered', { x: PARK.x, y: PARK.y - 5, hasOrder: true })];
    expect(feed(book, { clockS: 160, rows: moved }, 'waiting').find((a) => a.vehicles[0] === 'acme/away')).toMatchObject({ active: false, clearedS: 160 });
    feed(book, { clockS: 170, rows: [standing('away')] });
    expect(feed(book, { clockS: 260, rows: [standing('away')] }, 'waiting').filter((a) => a.active)).toHaveLength(0);
    expect(feed(book, { clockS: 271, rows: [standing('away')] }, 'waiting').filter((a) => a.active)).toHaveLength(1);
  });

  it('opens one deadlock for AGVs waiting too long near each other, follows the group, clears when it breaks up', () => {
    const book = new AlertBook(LIMITS);
    const group = (...xs: number[]) => xs.map((x, i) => standing(`D${i}`, { x, y: 0 }));
    feed(book, { clockS: 0, rows: [...group(0, 20, 500), standing('far', { x: 5000, y: 0 })] });
    const first = feed(book, { clockS: 101, rows: [...group(0, 20, 500), standing('far', { x: 5000, y: 0 })] }, 'deadlock');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ level: 'critical', vehicles: ['acme/D0', 'acme/D1'], x: 10, y: 0, active: true });
    // A third AGV joins within reach: the same alert, now with three.
    const grown = feed(book, { clockS: 120, rows: group(0, 20, 45) }, 'deadlock');
    expect(grown).toHaveLength(1);
    expect(grown[0]!.vehicles).toEqual(['acme/D0', 'acme/D1', 'acme/D2']);
    const gone = feed(book, { clockS: 130, rows: [row('D0'), row('D1'), row('D2')] }, 'deadlock');
    expect(gone).toMatchObject([{ active: false, clearedS: 130 }]);
  });

  it('opens a checkpoint out of service at its place, once, and clears it when back in service', () => {
    const book = new AlertBook(LIMITS);
    const down = { id: 'vn-barrier-entry', down: true, x: 300, y: 40 };
    feed(book, { clockS: 5, rows: [], facilities: [down, { id: 'vn-scanner', down: false, x: 0, y: 0 }] });
    const open = feed(book, { clockS: 6, rows: [], facilities: [down] }, 'facility-down');
    expect(open).toMatchObject([{ facilityId: 'vn-barrier-entry', x: 300, y: 40, openedS: 5, level: 'critical', active: true, vehicles: [] }]);
    expect(feed(book, { clockS: 7, rows: [], facilities: [{ ...down, down: false }] }, 'facility-down')[0]).toMatchObject({ active: false, clearedS: 7 });
  });

  it('keeps at most maxKept alerts, dropping the oldest cleared first; starts over when the clock goes back', () => {
    const book = new AlertBook({ ...LIMITS, maxKept: 3 });
    const ev = (atS: number): CollisionEvent => ({ kind: 'near-miss', atS, x: 0, y: 0, a: 'acme/A', b: 'acme/B' });
    feed(book, { clockS: 10, rows: [row('S', { stale: true })], collisions: [ev(1), ev(2), ev(3)] });
    const kept = book.list();
    expect(kept).toHaveLength(3);
    expect(kept.filter((a) => a.kind === 'stale')).toHaveLength(1);
    expect(kept.filter((a) => a.kind === 'near-miss').map((a) => a.openedS)).toEqual([3, 2]);
    const v = book.version;
    book.update({ clockS: 5, rows: [] });
    expect(book.version).toBeGreaterThan(v);
    expect(book.list()).toEqual([]);
  });

  it('hands the same list until something changes', () => {
    const book = new AlertBook(LIMITS);
    feed(book, { clockS: 1, rows: [row('A', { stale: true })] });
    const a = book.list();
    book.update({ clockS: 2, rows: [row('A', { stale: true })] });
    expect(book.list()).toBe(a);
  });

  it('folds the stale vehicles of a lost connection into one connection alert listing them, and back when it returns', () => {
    const book = new AlertBook(ALERT_THRESHOLDS);
    const silent = (serial: string) => row(serial, { stale: true, operatingState: 'stale' });
    const lost = (clockS: number, rows: VehicleRow[]) => book.update({ clockS, rows, connectionLost: true });
    lost(1, [row('A'), row('B')]);
    expect(book.list().map((a) => [a.kind, a.vehicles])).toEqual([['connection', []]]);
    lost(2, [silent('A'), silent('B')]);
    expect(book.list().map((a) => [a.kind, a.vehicles, a.active])).toEqual([['connection', ['acme/A', 'acme/B'], true]]);
    book.update({ clockS: 3, rows: [row('A'), row('B')] });
    expect(book.list().map((a) => [a.kind, a.active])).toEqual([['connection', false]]);
  });
  it('after a seek lists what held at the new time: forward, what cleared on the way stays listed; back, what came later is gone', () => {
    const book = new AlertBook(LIMITS);
    const silent = row('A', { stale: true, operatingState: 'stale' });
    feed(book, { clockS: 95, rows: [silent] });
    book.seek(120);
    const forward = feed(book, { clockS: 120, rows: [row('A')] }, 'stale');
    expect(forward.map((a) => [a.openedS, a.active, a.clearedS])).toEqual([[95, false, 120]]);
    book.seek(40);
    expect(feed(book, { clockS: 40, rows: [row('A')] })).toEqual([]);
    // Back to a time when the condition held: it opens again from that snapshot, once.
    book.seek(100);
    feed(book, { clockS: 100, rows: [silent] });
    book.seek(96);
    expect(feed(book, { clockS: 96, rows: [silent] }, 'stale').map((a) => [a.openedS, a.active])).toEqual([[96, true]]);
  });

  describe('predictions', () => {
    const conflict = (inS: number, x = 10) => ({ a: 'acme/B', b: 'acme/A', kind: 'merge', inS, x, y: 20 });
    const rows = [row('A'), row('B')];

    it('opens one alert per predicted conflict with its pair, place, due time and kind, following the prediction', () => {
      const book = new AlertBook(LIMITS);
      let open = feed(
        book,
        { clockS: 100, rows, predictions: { clockS: 100, conflicts: [conflict(40)], deadlocks: [], blocked: [] } },
        'predicted-conflict',
      );
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({ vehicles: ['acme/A', 'acme/B'], x: 10, y: 20, dueS: 140, cause: 'merge', active: true, level: 'critical' });
      const version = book.version;
      // The same prediction a second later (due 140.2: within the jitter): nothing changes.
      feed(book, { clockS: 101, rows, predictions: { clockS: 101, conflicts: [conflict(39.2)], deadlocks: [], blocked: [] } });
      expect(book.version).toBe(version);
      // It moves: the alert follows, still one.
      open = feed(
        book,
        { clockS: 102, rows, predictions: { clockS: 102, conflicts: [conflict(48, 30)], deadlocks: [], blocked: [] } },
        'predicted-conflict',
      );
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({ x: 30, dueS: 150 });
    });

    it('clears a prediction that no longer holds after a grace of a round or two, and at once when prediction stops', () => {
      const book = new AlertBook(LIMITS);
      const none = { conflicts: [], deadlocks: [], blocked: [] };
      feed(book, { clockS: 100, rows, predictions: { clockS: 100, ...none, conflicts: [conflict(40)] } });
      // One round misses it: still open (no close-and-reopen).
      expect(feed(book, { clockS: 101, rows, predictions: { clockS: 101, ...none } }, 'predicted-conflict')[0]!.active).toBe(true);
      expect(feed(book, { clockS: 101.5, rows, predictions: { clockS: 101.5, ...none, conflicts: [conflict(38.5)] } }, 'predicted-conflict')).toHaveLength(
        1,
      );
      // Gone for longer than the grace: cleared, listed as cleared.
      feed(book, { clockS: 103, rows, predictions: { clockS: 103, ...none } });
      const gone = feed(book, { clockS: 104, rows, predictions: { clockS: 104, ...none } }, 'predicted-conflict');
      expect(gone).toHaveLength(1);
      expect(gone[0]).toMatchObject({ active: false, clearedS: 104 });
      // A new prediction of the same pair is a new alert; prediction stopping clears it at once.
      feed(book, { clockS: 110, rows, predictions: { clockS: 110, ...none, conflicts: [conflict(20)] } });
      const stopped = feed(book, { clockS: 111, rows }, 'predicted-conflict');
      expect(stopped.map((a) => a.active)).toEqual([false, false]);
    });

    it('opens predicted deadlocks and blocked routes with their causes', () => {
      const book = new AlertBook(LIMITS);
      const list = feed(book, {
        clockS: 50,
        rows,
        predictions: {
          clockS: 50,
          conflicts: [],
          deadlocks: [{ agvs: ['acme/B', 'acme/A'], inS: 0, x: 1, y: 2 }],
          blocked: [
            { agv: 'acme/A', reason: 'unknown-node', nodeId: 'N-99', inS: Number.NaN, x: 3, y: 4 },
            { agv: 'acme/B', reason: 'stood-still', by: 'acme/C', inS: 12, x: 5, y: 6 },
          ],
        },
      });
      expect(list.find((a) => a.kind === 'predicted-deadlock')).toMatchObject({ vehicles: ['acme/A', 'acme/B'], dueS: 50 });
      const unknown = list.find((a) => a.cause === 'unknown-node')!;
      expect(unknown).toMatchObject({ kind: 'blocked-route', vehicles: ['acme/A'], nodeId: 'N-99', level: 'warning' });
      expect(unknown.dueS).toBeUndefined();
      expect(list.find((a) => a.cause === 'stood-still')).toMatchObject({ vehicles: ['acme/B', 'acme/C'], dueS: 62 });
    });
  });
});
