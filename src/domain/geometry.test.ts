import { describe, expect, it } from 'vitest';
import {
  convexPenetration,
  footprintCorners,
  pointInConvex,
  polylineTouchesConvex,
  segmentCrossesPolyline,
  segmentStrip,
  segmentsIntersect,
  sideOfPolyline,
} from './geometry';
import type { Vec2 } from './sceneSchema';
import { seededRandom as rng } from './random';

const between = (r: () => number, lo: number, hi: number) => lo + (hi - lo) * r();

const box = (cx: number, cy: number, w: number, d: number, rotation = 0) => footprintCorners({ position: [cx, cy], rotation, size: [w, d] });

function signedArea(poly: readonly Vec2[]): number {
  let a = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % poly.length]!;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}

function expectPoints(actual: readonly Vec2[], expected: readonly Vec2[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((p, i) => {
    expect(p[0]).toBeCloseTo(expected[i]![0], 9);
    expect(p[1]).toBeCloseTo(expected[i]![1], 9);
  });
}

describe('footprintCorners', () => {
  it('gives the corners of an unrotated footprint counter-clockwise from the south-west', () => {
    expectPoints(box(10, 20, 4, 2), [
      [8, 19],
      [12, 19],
      [12, 21],
      [8, 21],
    ]);
  });

  it('turns size[0] to the rotation: a quarter turn lays the width along north', () => {
    expectPoints(box(0, 0, 4, 2, Math.PI / 2), [
      [1, -2],
      [1, 2],
      [-1, 2],
      [-1, -2],
    ]);
  });

  it('keeps the centre, the side lengths and the counter-clockwise order for any footprint', () => {
    const r = rng(1);
    for (let k = 0; k < 500; k++) {
      const [cx, cy, w, d, rot] = [between(r, -1e3, 1e3), between(r, -1e3, 1e3), between(r, 0.5, 300), between(r, 0.5, 300), between(r, -7, 7)];
      const c = box(cx, cy, w, d, rot);
      expect((c[0]![0] + c[2]![0]) / 2).toBeCloseTo(cx, 6);
      expect((c[1]![1] + c[3]![1]) / 2).toBeCloseTo(cy, 6);
      expect(Math.hypot(c[1]![0] - c[0]![0], c[1]![1] - c[0]![1])).toBeCloseTo(w, 6);
      expect(Math.hypot(c[2]![0] - c[1]![0], c[2]![1] - c[1]![1])).toBeCloseTo(d, 6);
      expect(signedArea(c)).toBeCloseTo(w * d, 3);
    }
  });
});

describe('segmentStrip', () => {
  it('is the rectangle of the given width around the segment', () => {
    expectPoints(segmentStrip([0, 0], [10, 0], 4), [
      [0, -2],
      [10, -2],
      [10, 2],
      [0, 2],
    ]);
    const s = segmentStrip([0, 0], [0, 10], 2);
    expect(signedArea(s)).toBeCloseTo(20, 9);
    expect(pointInConvex([0.9, 5], s)).toBe(true);
    expect(pointInConvex([1.1, 5], s)).toBe(false);
  });
});

describe('convexPenetration', () => {
  it('is the smallest overlap of two overlapping boxes', () => {
    expect(convexPenetration(box(0, 0, 10, 10), box(9, 2, 10, 10))).toBeCloseTo(1, 12);
    // Containment: the depth is still the smallest interval overlap, here the small box's width.
    expect(convexPenetration(box(0, 0, 10, 10), box(0, 0, 2, 3))).toBeCloseTo(2, 12);
  });

  it('is zero for boxes that touch or stand apart', () => {
    expect(convexPenetration(box(0, 0, 10, 10), box(10, 0, 10, 10))).toBe(0);
    expect(convexPenetration(box(0, 0, 10, 10), box(30, 30, 10, 10))).toBe(0);
  });

  it('separates a diamond from a box whose corner only it would hit without its own axes', () => {
    // A diamond (square turned 45°) beside a box corner: the boxes' axes overlap, the diamond's edge separates.
    const diamond = box(0, 0, Math.SQRT2 * 2, Math.SQRT2 * 2, Math.PI / 4); // vertices at (±2, 0), (0, ±2)
    expect(convexPenetration(diamond, box(2.4, 2.4, 2, 2))).toBe(0);
    // Overlapping: 1.6 m along x and y, but only (2 − 0.8) / √2 m along the diamond's edge normal.
    expect(convexPenetration(diamond, box(1.4, 1.4, 2, 2))).toBeCloseTo(1.2 / Math.SQRT2, 9);
  });

  it('equals the interval overlap for random axis-aligned boxes, symmetric and unchanged by a rigid motion', () => {
    const r = rng(2);
    let overlapping = 0;
    for (let k = 0; k < 1000; k++) {
      const a = { x: between(r, -50, 50), y: between(r, -50, 50), w: between(r, 1, 60), d: between(r, 1, 60) };
      const b = { x: between(r, -50, 50), y: between(r, -50, 50), w: between(r, 1, 60), d: between(r, 1, 60) };
      const ox = Math.min(a.x + a.w / 2, b.x + b.w / 2) - Math.max(a.x - a.w / 2, b.x - b.w / 2);
      const oy = Math.min(a.y + a.d / 2, b.y + b.d / 2) - Math.max(a.y - a.d / 2, b.y - b.d / 2);
      const expected = ox > 0 && oy > 0 ? Math.min(ox, oy) : 0;
      if (expected > 0) overlapping++;
      const pa = box(a.x, a.y, a.w, a.d);
      const pb = box(b.x, b.y, b.w, b.d);
      expect(convexPenetration(pa, pb)).toBeCloseTo(expected, 9);
      expect(convexPenetration(pb, pa)).toBeCloseTo(expected, 9);
      // Turn both about the origin by the same angle and shift them: the depth stays.
      const th = between(r, -Math.PI, Math.PI);
      const [tx, ty] = [between(r, -1e3, 1e3), between(r, -1e3, 1e3)];
      const move = (p: { x: number; y: number; w: number; d: number }) =>
        box(p.x * Math.cos(th) - p.y * Math.sin(th) + tx, p.x * Math.sin(th) + p.y * Math.cos(th) + ty, p.w, p.d, th);
      expect(convexPenetration(move(a), move(b))).toBeCloseTo(expected, 6);
    }
    expect(overlapping).toBeGreaterThan(200); // the generator exercises both outcomes
    expect(overlapping).toBeLessThan(900);
  });
});

describe('pointInConvex', () => {
  it('tells inside from outside a rotated footprint, the edge counting as inside', () => {
    const r = rng(3);
    for (let k = 0; k < 300; k++) {
      const [cx, cy, w, d, rot] = [between(r, -500, 500), between(r, -500, 500), between(r, 2, 100), between(r, 2, 100), between(r, -4, 4)];
      const poly = box(cx, cy, w, d, rot);
      // A point given in the footprint's own axes.
      const [lx, ly] = [between(r, -w, w), between(r, -d, d)];
      const p: Vec2 = [cx + lx * Math.cos(rot) - ly * Math.sin(rot), cy + lx * Math.sin(rot) + ly * Math.cos(rot)];
      const margin = Math.min(w / 2 - Math.abs(lx), d / 2 - Math.abs(ly));
      if (Math.abs(margin) < 1e-6) continue;
      expect(pointInConvex(p, poly)).toBe(margin > 0);
    }
    expect(pointInConvex([2, 0], box(0, 0, 4, 4))).toBe(true);
  });
});

describe('segmentsIntersect', () => {
  it('handles crossing, parallel, collinear and touching segments', () => {
    expect(segmentsIntersect([0, 0], [10, 10], [0, 10], [10, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [10, 0], [0, 1], [10, 1])).toBe(false);
    expect(segmentsIntersect([0, 0], [10, 0], [5, 0], [15, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [10, 0], [11, 0], [15, 0])).toBe(false);
    expect(segmentsIntersect([0, 0], [10, 0], [10, 0], [10, 5])).toBe(true);
    expect(segmentsIntersect([0, 0], [10, 0], [5, 0], [5, 5])).toBe(true);
    expect(segmentsIntersect([0, 0], [10, 0], [5, 0.001], [5, 5])).toBe(false);
  });

  it('agrees with solving for the intersection parameters on random segments', () => {
    const r = rng(4);
    let hits = 0;
    for (let k = 0; k < 2000; k++) {
      const [p1, p2, q1, q2] = [0, 1, 2, 3].map(() => [between(r, -10, 10), between(r, -10, 10)] as Vec2) as [Vec2, Vec2, Vec2, Vec2];
      const d = (p2[0] - p1[0]) * (q2[1] - q1[1]) - (p2[1] - p1[1]) * (q2[0] - q1[0]);
      if (Math.abs(d) < 1e-6) continue;
      const t = ((q1[0] - p1[0]) * (q2[1] - q1[1]) - (q1[1] - p1[1]) * (q2[0] - q1[0])) / d;
      const s = ((q1[0] - p1[0]) * (p2[1] - p1[1]) - (q1[1] - p1[1]) * (p2[0] - p1[0])) / d;
      if ([t, s].some((x) => Math.abs(x) < 1e-9 || Math.abs(x - 1) < 1e-9)) continue;
      const expected = t > 0 && t < 1 && s > 0 && s < 1;
      if (expected) hits++;
      expect(segmentsIntersect(p1, p2, q1, q2)).toBe(expected);
      expect(segmentsIntersect(q2, q1, p1, p2)).toBe(expected);
    }
    expect(hits).toBeGreaterThan(200);
  });
});

describe('segmentCrossesPolyline and polylineTouchesConvex', () => {
  const border: Vec2[] = [
    [-100, 0],
    [0, 0],
    [100, 20],
  ];

  it('finds a crossing on any segment of the polyline', () => {
    expect(segmentCrossesPolyline([50, -10], [50, 30], border)).toBe(true);
    expect(segmentCrossesPolyline([-50, -10], [-50, 10], border)).toBe(true);
    expect(segmentCrossesPolyline([50, 11], [50, 30], border)).toBe(false);
    expect(segmentCrossesPolyline([150, -10], [150, 30], border)).toBe(false);
  });

  it('sees a route through, inside or past a box', () => {
    const b = box(0, 0, 10, 10);
    expect(
      polylineTouchesConvex(
        [
          [-20, 0],
          [20, 0],
        ],
        b,
      ),
    ).toBe(true);
    expect(
      polylineTouchesConvex(
        [
          [1, 1],
          [2, 2],
        ],
        b,
      ),
    ).toBe(true);
    expect(
      polylineTouchesConvex(
        [
          [-20, 6],
          [20, 6],
        ],
        b,
      ),
    ).toBe(false);
    expect(
      polylineTouchesConvex(
        [
          [-20, 20],
          [0, 7],
          [20, 20],
        ],
        b,
      ),
    ).toBe(false);
  });
});

describe('sideOfPolyline', () => {
  const line: Vec2[] = [
    [0, 0],
    [10, 0],
    [20, 0],
  ];

  it('is +1 left, -1 right and 0 on the line, walking along it', () => {
    expect(sideOfPolyline([5, 3], line)).toBe(1);
    expect(sideOfPolyline([5, -3], line)).toBe(-1);
    expect(sideOfPolyline([5, 0], line)).toBe(0);
    expect(sideOfPolyline([10, 0], line)).toBe(0);
    // The end segments extend to infinity.
    expect(sideOfPolyline([-500, 1], line)).toBe(1);
    expect(sideOfPolyline([500, -1], line)).toBe(-1);
  });

  it('judges a point beside a bend sharper than 90° by the turn, not by one segment', () => {
    // A peak: up to (20, 100), down again. (21, 100.5) is above the peak's right flank, so left of the line;
    // its nearest point is the peak, and the rising segment's own line would put it on the right.
    const peak: Vec2[] = [
      [0, 0],
      [10, 0],
      [20, 100],
      [30, 0],
      [40, 0],
    ];
    expect(sideOfPolyline([21, 100.5], peak)).toBe(1);
    expect(sideOfPolyline([19, 100.5], peak)).toBe(1);
    expect(sideOfPolyline([20, 50], peak)).toBe(-1);
    // And a valley, walked the other way round.
    const valley: Vec2[] = [
      [0, 0],
      [10, 0],
      [20, -100],
      [30, 0],
      [40, 0],
    ];
    expect(sideOfPolyline([21, -100.5], valley)).toBe(-1);
    expect(sideOfPolyline([20, -50], valley)).toBe(1);
  });

  it('agrees with above/below for points near random zig-zag lines, and flips when the line is reversed', () => {
    const r = rng(5);
    let checked = 0;
    for (let k = 0; k < 300; k++) {
      // An x-monotone line with steep segments, so that many bends are sharper than 90°.
      const xs = Array.from({ length: 8 }, (_, i) => i * 10 + between(r, -2, 2));
      const poly: Vec2[] = xs.map((x) => [x, between(r, -60, 60)]);
      const f = (x: number) => {
        const i = poly.findIndex((p, j) => j + 1 < poly.length && x >= p[0] && x <= poly[j + 1]![0]);
        const [a, b] = [poly[i]!, poly[i + 1]!];
        return a[1] + ((x - a[0]) / (b[0] - a[0])) * (b[1] - a[1]);
      };
      for (let n = 0; n < 20; n++) {
        // Near an interior segment (within 2 m, less than any x gap), where the nearest point is on the line proper.
        const seg = 1 + Math.floor(r() * (poly.length - 3));
        const t = r();
        const [a, b] = [poly[seg]!, poly[seg + 1]!];
        const ang = between(r, -Math.PI, Math.PI);
        const rad = between(r, 0, 2);
        const p: Vec2 = [a[0] + t * (b[0] - a[0]) + rad * Math.cos(ang), a[1] + t * (b[1] - a[1]) + rad * Math.sin(ang)];
        const above = p[1] - f(p[0]);
        if (Math.abs(above) < 1e-6) continue;
        checked++;
        expect(sideOfPolyline(p, poly)).toBe(above > 0 ? 1 : -1);
        expect(sideOfPolyline(p, [...poly].reverse())).toBe(above > 0 ? -1 : 1);
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });
});
