import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAllPairs } from './allPairs';
import { boxSet, type BoxSet } from './boxSet';
import { CONTACT, NEAR_MISS, PREDICTED, type CollisionParams } from './classifyPair';
import { CollisionChecker } from './CollisionChecker';
import { collisionEvents, type CollisionEvents } from './collisionEvents';
import { seededRandom } from '../domain/random';

const PARAMS: CollisionParams = { horizonS: 3, nearMissClearanceM: 1 };

interface Vehicle {
  x: number;
  y: number;
  heading: number;
  length: number;
  width: number;
  vx: number;
  vy: number;
}

function fill(vs: readonly Vehicle[], capacity = vs.length): BoxSet {
  const b = boxSet(Math.max(1, capacity));
  vs.forEach((v, i) => {
    b.x[i] = v.x;
    b.y[i] = v.y;
    b.heading[i] = v.heading;
    b.halfLength[i] = v.length / 2;
    b.halfWidth[i] = v.width / 2;
    b.vx[i] = v.vx;
    b.vy[i] = v.vy;
  });
  b.count = vs.length;
  return b;
}

function eventSet(e: CollisionEvents): string[] {
  const out: string[] = [];
  for (let k = 0; k < e.count; k++) out.push(`${e.a[k]}-${e.b[k]}:${e.kind[k]}:${e.ttc[k]!.toFixed(3)}`);
  return out.sort();
}

const AGV = { length: 15.6, width: 3 };

describe('CollisionChecker on hand-made cases', () => {
  it('finds a contact, a near miss and nothing between AGVs on parallel lanes', () => {
    const b = fill([
      { x: 0, y: 0, heading: 0, ...AGV, vx: 0, vy: 0 },
      { x: 10, y: 1, heading: 0, ...AGV, vx: 0, vy: 0 }, // overlaps the first
      { x: 100, y: 0, heading: 0, ...AGV, vx: 0, vy: 0 },
      { x: 100, y: 3.6, heading: 0, ...AGV, vx: 0, vy: 0 }, // 0.6 m gap: near miss
      { x: 300, y: 0, heading: 0, ...AGV, vx: 5, vy: 0 },
      { x: 300, y: 5, heading: 0, ...AGV, vx: 5, vy: 0 }, // 2 m apart, same speed: nothing
    ]);
    const e = new CollisionChecker(8, PARAMS).check(b);
    expect(eventSet(e)).toEqual([`0-1:${CONTACT}:0.000`, `2-3:${NEAR_MISS}:0.000`]);
  });

  it('predicts a head-on meeting and when it happens', () => {
    // Noses 40 m apart, closing at 2 × 7 m/s: contact after 40 / 14 s.
    const b = fill([
      { x: 0, y: 0, heading: 0, ...AGV, vx: 7, vy: 0 },
      { x: 55.6, y: 0, heading: Math.PI, ...AGV, vx: -7, vy: 0 },
    ]);
    const e = new CollisionChecker(2, PARAMS).check(b);
    expect(e.count).toBe(1);
    expect(e.kind[0]).toBe(PREDICTED);
    expect(e.ttc[0]).toBeGreaterThanOrEqual(40 / 14 - 0.01);
    expect(e.ttc[0]).toBeLessThan(PARAMS.horizonS);
  });

  it('sees no prediction beyond the horizon', () => {
    const b = fill([
      { x: 0, y: 0, heading: 0, ...AGV, vx: 7, vy: 0 },
      { x: 200, y: 0, heading: Math.PI, ...AGV, vx: -7, vy: 0 },
    ]);
    expect(new CollisionChecker(2, PARAMS).check(b).count).toBe(0);
  });

  it('finds a near miss corner to corner, farther apart than both radii plus the clearance', () => {
    // Grown by 0.5 m, the first AGV's corner reaches (8.3, 2.0) and the second's (16.5 − 8.3, 3.9 − 2.0) =
    // (8.2, 1.9): the grown boxes overlap, so a near miss, though the centres lie 16.955 m apart, beyond the
    // radii plus the clearance (2 × 7.943 + 1 = 16.886 m) and within the radii plus clearance × √2 (17.300 m).
    const b = fill([
      { x: 0, y: 0, heading: 0, ...AGV, vx: 0, vy: 0 },
      { x: 16.5, y: 3.9, heading: 0, ...AGV, vx: 0, vy: 0 },
      { x: 100, y: 0, heading: 0, ...AGV, vx: 2, vy: 1 },
      { x: 116.5, y: 3.9, heading: 0, ...AGV, vx: 2, vy: 1 }, // the same pair moving together
      { x: 200, y: 0, heading: 0, ...AGV, vx: 0, vy: 0 },
      { x: 216.7, y: 4.1, heading: 0, ...AGV, vx: 0, vy: 0 }, // 0.1 m farther each way: nothing
    ]);
    const expected = [`0-1:${NEAR_MISS}:0.000`, `2-3:${NEAR_MISS}:0.000`];
    expect(eventSet(new CollisionChecker(6, PARAMS).check(b))).toEqual(expected);
    expect(eventSet(checkAllPairs(b, PARAMS, collisionEvents(8)))).toEqual(expected);
  });

  it('refuses more vehicles than its capacity, with a message saying so', () => {
    const b = fill([
      { x: 0, y: 0, heading: 0, ...AGV, vx: 0, vy: 0 },
      { x: 50, y: 0, heading: 0, ...AGV, vx: 0, vy: 0 },
    ]);
    expect(() => new CollisionChecker(1, PARAMS).check(b)).toThrow(/exceed the checker's capacity of 1/);
  });
});

describe('CollisionChecker against all pairs', () => {
  // Positions in decimetres over 240 m × 240 m: dense enough for every kind of event to occur.
  const vehicle = fc.record({
    x: fc.integer({ min: -1200, max: 1200 }).map((d) => d / 10),
    y: fc.integer({ min: -1200, max: 1200 }).map((d) => d / 10),
    heading: fc.integer({ min: -314, max: 314 }).map((c) => c / 100),
    length: fc.integer({ min: 20, max: 180 }).map((d) => d / 10),
    width: fc.integer({ min: 10, max: 40 }).map((d) => d / 10),
    vx: fc.integer({ min: -80, max: 80 }).map((d) => d / 10),
    vy: fc.integer({ min: -80, max: 80 }).map((d) => d / 10),
  });

  it('reports exactly the events the brute force reports, on generated scenes (fast-check, shrinking)', () => {
    fc.assert(
      fc.property(fc.array(vehicle, { minLength: 0, maxLength: 120 }), (vs) => {
        const b = fill(vs);
        const fast = eventSet(new CollisionChecker(Math.max(1, vs.length), PARAMS, 10_000).check(b));
        const slow = eventSet(checkAllPairs(b, PARAMS, collisionEvents(10_000)));
        expect(fast).toEqual(slow);
      }),
      { numRuns: 200, seed: 2026 },
    );
  });

  it('reports exactly the events the brute force reports, on uniform random scenes of every density', () => {
    const next = seededRandom(5050);
    const seen = new Set<number>();
    for (let scene = 0; scene < 60; scene++) {
      const n = 2 + Math.floor(next() * 300);
      const side = 50 + next() * 1000;
      const vs = Array.from({ length: n }, () => ({
        x: (next() - 0.5) * side,
        y: (next() - 0.5) * side,
        heading: next() * 2 * Math.PI,
        length: 2 + next() * 16,
        width: 1 + next() * 3,
        vx: (next() - 0.5) * 16,
        vy: (next() - 0.5) * 16,
      }));
      const b = fill(vs);
      const fast = new CollisionChecker(n, PARAMS, 50_000).check(b);
      expect(eventSet(fast)).toEqual(eventSet(checkAllPairs(b, PARAMS, collisionEvents(50_000))));
      for (let k = 0; k < fast.count; k++) seen.add(fast.kind[k]!);
    }
    // The scenes did exercise every kind of event, so the comparison above means something.
    expect([...seen].sort()).toEqual([CONTACT, NEAR_MISS, PREDICTED]);
  });

  it('reports exactly the events the brute force reports in lane traffic, where most close pairs are events', () => {
    // Columns of AGVs 1–8 m nose to tail on lanes 4 m apart, both ways, with wobble: followers closing in
    // (predicted), neighbours within a metre (near misses), and a few overlapping already (contacts).
    const next = seededRandom(1119);
    const lanes = 8;
    const along = new Array<number>(lanes).fill(0);
    const vs = Array.from({ length: 400 }, (_, i) => {
      const lane = i % lanes;
      along[lane] = along[lane]! + 14 + next() * 9;
      const heading = (lane % 4 < 2 ? 0 : Math.PI) + (next() - 0.5) * 0.04;
      const speed = 4 + next() * 3;
      const y = lane * 4 + (next() - 0.5) * 0.8;
      return { x: along[lane]!, y, heading, ...AGV, vx: Math.cos(heading) * speed, vy: Math.sin(heading) * speed };
    });
    const b = fill(vs);
    const fast = new CollisionChecker(vs.length, PARAMS, 50_000).check(b);
    expect(eventSet(fast)).toEqual(eventSet(checkAllPairs(b, PARAMS, collisionEvents(50_000))));
    const kinds = new Set(Array.from(fast.kind.subarray(0, fast.count)));
    expect([...kinds].sort()).toEqual([CONTACT, NEAR_MISS, PREDICTED]);
    expect(fast.count).toBeGreaterThan(vs.length / 2);
  });

  it('reports exactly the events the brute force reports where rounding decides: at the horizon, the clearance', () => {
    // Swept boxes hold the footprint grown only where it stands now and not grown along its path, so pairs that
    // meet just at the horizon, or come just within the clearance, lie at their very edge: 0.1 µm either side.
    const vs: Vehicle[] = [];
    for (let k = -5; k <= 5; k++) {
      const x = k * 500;
      const e = k * 1e-7;
      // Head-on, noses 42 m apart closing at 14 m/s: contact at the horizon (3 s), give or take e.
      vs.push({ x, y: 0, heading: 0, ...AGV, vx: 7, vy: 0 });
      vs.push({ x: x + 15.6 + 42 + e, y: 0, heading: Math.PI, ...AGV, vx: -7, vy: 0 });
      // Side by side, 1 m apart (the clearance) give or take e, one drifting away at 0.1 m/s.
      vs.push({ x, y: 100, heading: 0, ...AGV, vx: 0, vy: 0 });
      vs.push({ x: x + 3, y: 100 + 4 + e, heading: 0, ...AGV, vx: 0, vy: 0.1 });
      // Side by side, 6 m apart give or take e, one closing sideways at 2 m/s: contact at the horizon.
      vs.push({ x, y: 200, heading: 0, ...AGV, vx: 0, vy: 0 });
      vs.push({ x: x + 5, y: 200 + 3 + 6 + e, heading: 0, ...AGV, vx: 0, vy: -2 });
    }
    const b = fill(vs);
    const fast = new CollisionChecker(vs.length, PARAMS, 1000).check(b);
    const slow = checkAllPairs(b, PARAMS, collisionEvents(1000));
    // Each of the three pairs meets for e ≤ 0 and not for e > 0 (or near it), so the edges were probed.
    expect(fast.count).toBeGreaterThanOrEqual(15);
    expect(fast.count).toBeLessThan(33);
    expect(eventSet(fast)).toEqual(eventSet(slow));
  });

  it('agrees with the brute force on every tick when one checker follows a moving, turning fleet', () => {
    const next = seededRandom(1089);
    const n = 400;
    const side = 400;
    const vs: Vehicle[] = Array.from({ length: n }, () => ({
      x: next() * side,
      y: next() * side,
      heading: next() * 2 * Math.PI,
      ...AGV,
      vx: 0,
      vy: 0,
    }));
    const turn = vs.map(() => (next() - 0.5) * 0.4);
    const speed = vs.map(() => next() * 7);
    const checker = new CollisionChecker(n, PARAMS, 50_000);
    let events = 0;
    for (let tick = 0; tick < 40; tick++) {
      vs.forEach((v, i) => {
        v.heading += turn[i]! * 0.1;
        v.vx = Math.cos(v.heading) * speed[i]!;
        v.vy = Math.sin(v.heading) * speed[i]!;
        v.x += v.vx * 0.1;
        v.y += v.vy * 0.1;
      });
      const b = fill(vs);
      const fast = checker.check(b);
      events += fast.count;
      expect(eventSet(fast)).toEqual(eventSet(checkAllPairs(b, PARAMS, collisionEvents(50_000))));
    }
    expect(events).toBeGreaterThan(40 * 10);
  });

  it('reports exactly the events the brute force reports when a few clusters lie kilometres apart', () => {
    // Far more rows and columns than buckets allow: the grid coarsens until it fits, and stays exact.
    const next = seededRandom(1088);
    const vs = Array.from({ length: 200 }, (_, i) => {
      const cx = (i % 5) * 50_000;
      const cy = (i % 3) * 80_000;
      return { x: cx + next() * 60, y: cy + next() * 60, heading: next() * 6.28, ...AGV, vx: (next() - 0.5) * 12, vy: (next() - 0.5) * 12 };
    });
    const b = fill(vs);
    const fast = new CollisionChecker(vs.length, PARAMS, 50_000).check(b);
    expect(fast.count).toBeGreaterThan(0);
    expect(eventSet(fast)).toEqual(eventSet(checkAllPairs(b, PARAMS, collisionEvents(50_000))));
  });
});
