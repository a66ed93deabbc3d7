import { describe, expect, it } from 'vitest';
import { checkAllPairs } from './allPairs';
import { boxSet } from './boxSet';
import { CONTACT, NEAR_MISS, PREDICTED } from './classifyPair';
import { CollisionEngine, type CollisionResult } from './CollisionEngine';
import { collisionEvents } from './collisionEvents';
import { seededRandom } from '../domain/random';

const PARAMS = { horizonS: 3, nearMissClearanceM: 1 };

/** Two AGVs touching, two a near miss apart, two closing head-on, and a last one the count leaves out. */
function arrays() {
  const f = (...v: number[]) => Float64Array.from(v);
  return {
    x: f(0, 10, 100, 100, 300, 355.6, 10),
    y: f(0, 1, 0, 3.6, 0, 0, 0),
    heading: f(0, 0, 0, 0, 0, Math.PI, 0),
    halfLength: f(7.8, 7.8, 7.8, 7.8, 7.8, 7.8, 7.8),
    halfWidth: f(1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5),
    vx: f(0, 0, 0, 0, 7, -7, 0),
    vy: f(0, 0, 0, 0, 0, 0, 0),
  };
}

describe('CollisionEngine', () => {
  it('checks the first count vehicles of plain arrays and returns trimmed arrays of its own', () => {
    const v = arrays();
    const engine = new CollisionEngine(8, PARAMS);
    const r = engine.check(6, v.x, v.y, v.heading, v.halfLength, v.halfWidth, v.vx, v.vy);
    expect(r.count).toBe(3);
    expect(r.dropped).toBe(0);
    expect([...r.a]).toEqual([0, 2, 4]);
    expect([...r.b]).toEqual([1, 3, 5]);
    expect([...r.kind]).toEqual([CONTACT, NEAR_MISS, PREDICTED]);
    expect(r.ttc[2]).toBeCloseTo(40 / 14, 3);
    for (const arr of [r.a, r.b, r.kind, r.ttc]) expect(arr.byteLength).toBe(arr.buffer.byteLength);
    // The next tick does not change what the caller kept.
    engine.check(2, v.x, v.y, v.heading, v.halfLength, v.halfWidth, v.vx, v.vy);
    expect([...r.a]).toEqual([0, 2, 4]);
  });

  it('agrees with all pairs on a random scene', () => {
    const n = 400;
    const next = seededRandom(77);
    const b = boxSet(n);
    b.count = n;
    for (let i = 0; i < n; i++) {
      b.x[i] = next() * 400;
      b.y[i] = next() * 400;
      b.heading[i] = next() * 2 * Math.PI;
      b.halfLength[i] = 1 + next() * 8;
      b.halfWidth[i] = 0.5 + next() * 2;
      b.vx[i] = (next() - 0.5) * 14;
      b.vy[i] = (next() - 0.5) * 14;
    }
    const r = new CollisionEngine(n, PARAMS).check(n, b.x, b.y, b.heading, b.halfLength, b.halfWidth, b.vx, b.vy);
    const slow = checkAllPairs(b, PARAMS, collisionEvents(10_000));
    const keys = (e: Omit<CollisionResult, 'dropped'>) => Array.from({ length: e.count }, (_, k) => `${e.a[k]}-${e.b[k]}:${e.kind[k]}:${e.ttc[k]}`).sort();
    expect(r.count).toBeGreaterThan(10);
    expect(keys(r)).toEqual(keys(slow));
  });

  it('refuses more vehicles than its capacity, with a message saying so', () => {
    const v = arrays();
    expect(() => new CollisionEngine(2, PARAMS).check(3, v.x, v.y, v.heading, v.halfLength, v.halfWidth, v.vx, v.vy)).toThrow(
      /exceed the engine's capacity of 2/,
    );
  });
});
