import { describe, expect, it } from 'vitest';
import { bothDatabases } from '../testing/bothDatabases';
import { EMPTY_COUNTS, gateDayStart, GateStore } from './GateStore';

/** 09:30 at the gate (UTC+7) on 4 December 2026. */
const NOW = Date.UTC(2026, 11, 4, 2, 30);

describe.each(bothDatabases())('the gate minutes on the $kind database', ({ open }) => {
  it('adds each flush to its minute, and reads back the gate’s days and today’s hours', async () => {
    const store = new GateStore((await open()).db);
    const today = gateDayStart(NOW);
    expect(new Date(today).toISOString()).toBe('2026-12-03T17:00:00.000Z');
    const at = (hour: number, minute = 0) => today + hour * 3_600_000 + minute * 60_000;
    await store.add('1119-1120', at(8, 5), { ...EMPTY_COUNTS, entered: 3, cleared: 1 });
    await store.add('1119-1120', at(8, 5), { ...EMPTY_COUNTS, cleared: 2, scansRed: 1 });
    await store.add('1119-1120', at(9, 10), { ...EMPTY_COUNTS, entered: 1, cleared: 4 });
    await store.add('1119-1120', at(-2), { ...EMPTY_COUNTS, cleared: 7 });
    await store.add('1088/2-1089', at(8), { ...EMPTY_COUNTS, cleared: 100 });

    const days = await store.days('1119-1120', 3, NOW);
    expect(days.map((d) => [d.day, d.cleared, d.entered])).toEqual([
      ['2026-12-02', 0, 0],
      ['2026-12-03', 7, 0],
      ['2026-12-04', 7, 4],
    ]);
    const hours = await store.hours('1119-1120', today);
    expect(hours).toHaveLength(24);
    expect(hours[8]).toEqual({ hour: 8, entered: 3, cleared: 3, scansGreen: 0, scansYellow: 0, scansRed: 1 });
    expect(hours[9]!.cleared).toBe(4);
  });
});
