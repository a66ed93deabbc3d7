import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './EventQueue';
import { ServiceQueue } from './ServiceQueue';

describe('EventQueue', () => {
  it('pops by time, and in scheduling order at equal times', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 3000 }), (times) => {
        const q = new EventQueue();
        times.forEach((t, k) => q.push(t, 0, k));
        const out: [number, number][] = [];
        while (q.pop()) out.push([q.time, q.subject]);
        const expected = times.map((t, k) => [t, k] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(out).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('reports Infinity and false when empty', () => {
    const q = new EventQueue();
    expect(q.peekTime()).toBe(Infinity);
    expect(q.pop()).toBe(false);
  });
});

describe('ServiceQueue', () => {
  it('serves first come first served on its servers and integrates busy time and queue length', () => {
    const q = new ServiceQueue('scanner', 2);
    expect(q.request(0, 1)).toBe(true);
    expect(q.request(0, 2)).toBe(true);
    expect(q.request(10, 3)).toBe(false);
    expect(q.request(10, 4)).toBe(false);
    expect(q.queueMax).toBe(2);
    expect(q.waitingAt(0)).toBe(3);
    expect(q.release(20)).toBe(3);
    expect(q.release(30)).toBe(4);
    expect(q.release(40)).toBe(-1);
    q.account(50);
    // busy: 2 servers 0–40 minus one free 40–50 → 2·40 + 1·10 = 90; queue: 2 waiting 10–20, 1 waiting 20–30 → 30
    expect(q.busySeconds).toBe(90);
    expect(q.queueSeconds).toBe(30);
    expect(q.served).toBe(4);
  });

  it('serves nobody while closed and everyone it can on opening', () => {
    const q = new ServiceQueue('barrier', 2);
    q.setOpen(0, false);
    expect(q.request(1, 7)).toBe(false);
    expect(q.request(2, 8)).toBe(false);
    expect(q.request(3, 9)).toBe(false);
    q.setOpen(10, true);
    expect([q.next(), q.next(), q.next()]).toEqual([7, 8, -1]);
  });

  it('keeps the order when its ring grows', () => {
    const q = new ServiceQueue('slot', 1);
    q.request(0, 0);
    for (let k = 1; k <= 200; k++) q.request(k, k);
    const order: number[] = [];
    for (let next = q.release(300); next >= 0; next = q.release(300)) order.push(next);
    expect(order).toEqual(Array.from({ length: 200 }, (_, k) => k + 1));
  });
});
