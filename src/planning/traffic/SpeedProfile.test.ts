import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpeedProfile } from './SpeedProfile';

/** A profile over `points` with one limit per segment. */
function profileOf(points: readonly (readonly [number, number])[], limits: readonly number[], acc: number, dec: number, maxSpeed = 5) {
  const profile = new SpeedProfile(8, { maxSpeedMps: maxSpeed, accelerationMps2: acc, decelerationMps2: dec });
  points.forEach(([x, y], k) => {
    profile.x[k] = x;
    profile.y[k] = y;
  });
  limits.forEach((limit, k) => (profile.limitMps[k] = limit));
  return profile;
}

describe('SpeedProfile', () => {
  it('accelerates, cruises at the max speed below the limit, and brakes to rest on one segment', () => {
    // 100 m, limit 10 but max speed 5, acc 1, dec 2: 0→5 m/s in 5 s over 12.5 m; 5→0 in 2.5 s over 6.25 m;
    // cruise 100 − 18.75 = 81.25 m at 5 m/s = 16.25 s; 23.75 s in all.
    const p = profileOf(
      [
        [0, 0],
        [100, 0],
      ],
      [10],
      1,
      2,
    );
    p.plan(2, 0, 0);
    expect(p.arrivalS[0]).toBe(0);
    expect(p.arrivalS[1]).toBeCloseTo(23.75, 9);
    expect(p.durationS).toBeCloseTo(23.75, 9);
    expect(p.at(2)).toBeCloseTo(2, 9); // ½·1·2²
    expect(p.at(10)).toBeCloseTo(37.5, 9); // 12.5 + 5·5
    expect(p.atX).toBeCloseTo(37.5, 9);
    expect(p.atY).toBe(0);
    expect(p.at(22.75)).toBeCloseTo(99, 9); // 1 s before rest: ½·2·1² = 1 m short
    expect(p.at(30)).toBe(100);
    expect(p.atX).toBe(100);
    expect(p.at(10)).toBeCloseTo(37.5, 9); // asked again, back in time
  });

  it('drives a triangle on a segment too short to reach the max speed', () => {
    // 12 m, acc 1, dec 2: peak² = 2·1·2·12 / (1 + 2) = 16, peak 4 m/s < 5; 4 s over 8 m up, 2 s over 4 m down.
    const p = profileOf(
      [
        [0, 0],
        [12, 0],
      ],
      [5],
      1,
      2,
    );
    p.plan(2, 0, 0);
    expect(p.arrivalS[1]).toBeCloseTo(6, 9);
    expect(p.at(4)).toBeCloseTo(8, 9);
    expect(p.at(5)).toBeCloseTo(11, 9); // 8 + 4·1 − ½·2·1²
  });

  it('brakes before a slower middle segment and accelerates after it', () => {
    // Three 30 m segments, limits 5, 2, 5, acc = dec = 1. Point speeds 0, 2, 2, 0.
    // Segment 0: 0→5 in 5 s (12.5 m), 5→2 in 3 s (10.5 m), cruise 7 m in 1.4 s: 9.4 s.
    // Segment 1: 30 m at 2 m/s: 15 s, so 24.4 s. Segment 2 mirrors segment 0: 9.4 s, so 33.8 s.
    const p = profileOf(
      [
        [0, 0],
        [30, 0],
        [60, 0],
        [90, 0],
      ],
      [5, 2, 5],
      1,
      1,
    );
    p.plan(4, 0, 0);
    expect(Array.from(p.speedMps.subarray(0, 4))).toEqual([0, 2, 2, 0]);
    expect(p.arrivalS[1]).toBeCloseTo(9.4, 9);
    expect(p.arrivalS[2]).toBeCloseTo(24.4, 9);
    expect(p.arrivalS[3]).toBeCloseTo(33.8, 9);
    expect(p.at(7)).toBeCloseTo(22.32, 9); // 0.6 s into the braking: 12.5 + 7 + 5·0.6 − ½·1·0.6²
    expect(p.at(26.4)).toBeCloseTo(66, 9); // 2 s into segment 2: 60 + 2·2 + ½·1·2²
  });

  it('starts at speed: accelerates on from it, or brakes from above the first limit', () => {
    // 100 m from 3 m/s, acc 1, dec 2: 3→5 in 2 s (8 m), 5→0 in 2.5 s (6.25 m), cruise 85.75 m in 17.15 s.
    const rolling = profileOf(
      [
        [0, 0],
        [100, 0],
      ],
      [5],
      1,
      2,
    );
    rolling.plan(2, 3, 0);
    expect(rolling.arrivalS[1]).toBeCloseTo(21.65, 9);
    expect(rolling.at(1)).toBeCloseTo(3.5, 9);

    // From 6 m/s under a 4 m/s limit: 6→4 at 2 m/s² in 1 s (5 m), 4→0 in 2 s (4 m), cruise 91 m in 22.75 s.
    const fast = profileOf(
      [
        [0, 0],
        [100, 0],
      ],
      [4],
      1,
      2,
    );
    fast.plan(2, 6, 0);
    expect(fast.arrivalS[1]).toBeCloseTo(25.75, 9);
    expect(fast.at(1)).toBeCloseTo(5, 9);

    // From 10 m/s with 4 m to the end: braking at 2 m/s² stops from at most √(2·2·4) = 4 m/s, taken as the start.
    const tooFast = profileOf(
      [
        [0, 0],
        [4, 0],
      ],
      [5],
      1,
      2,
    );
    tooFast.plan(2, 10, 0);
    expect(tooFast.speedMps[0]).toBeCloseTo(4, 9);
    expect(tooFast.arrivalS[1]).toBeCloseTo(2, 9);
  });

  it('passes zero-length segments in no time, keeping the heading of the segment with length', () => {
    // The AGV stands on its first node (0 m), drives 16 m north (triangle, acc = dec = 1: peak 4, 8 s), and the
    // route repeats its last node (0 m).
    const p = profileOf(
      [
        [0, 0],
        [0, 0],
        [0, 16],
        [0, 16],
      ],
      [5, 5, 5],
      1,
      1,
    );
    p.plan(4, 0, 1);
    expect(Array.from(p.arrivalS.subarray(0, 4)).map((t) => Number(t.toFixed(9)))).toEqual([0, 0, 8, 8]);
    p.at(4);
    expect(p.atY).toBeCloseTo(8, 9);
    expect(p.atHeading).toBeCloseTo(Math.PI / 2, 12);
    p.at(100);
    expect([p.atX, p.atY]).toEqual([0, 16]);
    expect(p.atHeading).toBeCloseTo(Math.PI / 2, 12);

    // One point, or only zero-length segments: it stands there with the heading given.
    const still = profileOf([[3, 4]], [], 1, 1);
    still.plan(1, 2, 0.7);
    expect(still.durationS).toBe(0);
    still.at(5);
    expect([still.atX, still.atY, still.atHeading]).toEqual([3, 4, 0.7]);
  });

  it('on any polyline: reaches each point when the distance driven says so, never gains ground backwards, never speeds', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -50, max: 50, noNaN: true }),
            fc.double({ min: -50, max: 50, noNaN: true }),
            fc.double({ min: 0.5, max: 8, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.double({ min: 0, max: 8, noNaN: true }),
        fc.double({ min: 0.2, max: 3, noNaN: true }),
        fc.double({ min: 0.2, max: 3, noNaN: true }),
        (points, v0, acc, dec) => {
          const p = profileOf(
            points.map(([x, y]) => [x, y] as const),
            points.slice(0, -1).map(([, , limit]) => limit),
            acc,
            dec,
          );
          const n = points.length;
          p.plan(n, v0, 0);
          let along = 0;
          for (let k = 0; k < n; k++) {
            if (k > 0) {
              along += Math.hypot(points[k]![0] - points[k - 1]![0], points[k]![1] - points[k - 1]![1]);
              expect(p.arrivalS[k]).toBeGreaterThanOrEqual(p.arrivalS[k - 1]!);
            }
            expect(p.at(p.arrivalS[k]!)).toBeCloseTo(along, 6);
          }
          // Between samples the mean speed stays under the fastest allowed (or the start speed while braking from it).
          const fastest = Math.max(v0, ...points.slice(0, -1).map(([, , limit]) => Math.min(5, limit))) + 1e-6;
          const dt = p.durationS / 50;
          let last = 0;
          for (let s = 1; s <= 50; s++) {
            const d = p.at(s * dt);
            expect(d).toBeGreaterThanOrEqual(last - 1e-9);
            expect(d - last).toBeLessThanOrEqual(fastest * dt + 1e-9);
            last = d;
          }
          expect(last).toBeCloseTo(along, 6);
        },
      ),
    );
  });

  it('refuses bad figures, too many points, a non-positive limit and use before planning', () => {
    expect(() => new SpeedProfile(4, { maxSpeedMps: 5, accelerationMps2: 0, decelerationMps2: 1 })).toThrow(/accelerationMps2 must be a positive/);
    const p = profileOf(
      [
        [0, 0],
        [1, 0],
      ],
      [0],
      1,
      1,
    );
    expect(() => p.at(0)).toThrow(/plan a polyline first/);
    expect(() => p.plan(9, 0, 0)).toThrow(/9 points, capacity 8/);
    expect(() => p.plan(2, 0, 0)).toThrow(/segment 0 has speed limit 0/);
  });
});
