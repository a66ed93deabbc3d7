import { describe, expect, it } from 'vitest';
import { Nurbs } from './nurbs';

const at = (curve: Nurbs, u: number) => {
  const out = new Float64Array(2);
  curve.point(u, out);
  return [out[0]!, out[1]!];
};

describe('Nurbs (VDA 5050 3.0 plannedPath trajectories)', () => {
  it('of degree 1 with the default knots is its control polygon', () => {
    const curve = new Nurbs();
    expect(
      curve.set([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 20 },
      ]),
    ).toBeUndefined();
    expect([curve.start, curve.end]).toEqual([0, 1]);
    expect(at(curve, 0)).toEqual([0, 0]);
    expect(at(curve, 0.25)).toEqual([5, 0]);
    expect(at(curve, 0.5)).toEqual([10, 0]);
    expect(at(curve, 0.75)).toEqual([10, 10]);
    expect(at(curve, 1)).toEqual([10, 20]);
  });

  it('of degree 2, clamped, starts and ends at its end control points and bends inside the polygon', () => {
    const curve = new Nurbs();
    expect(
      curve.set(
        [
          { x: 0, y: 0 },
          { x: 10, y: 0 },
          { x: 10, y: 10 },
          { x: 20, y: 10 },
        ],
        2,
      ),
    ).toBeUndefined();
    expect(at(curve, curve.start)).toEqual([0, 0]);
    expect(at(curve, curve.end)).toEqual([20, 10]);
    const [x, y] = at(curve, 0.25);
    expect(x).toBeGreaterThan(0);
    expect(y).toBeGreaterThan(0);
    expect(x).not.toBeCloseTo(10);
  });

  it('draws an exact quarter circle with the rational weights √2/2', () => {
    const curve = new Nurbs();
    const w = Math.SQRT1_2;
    expect(
      curve.set(
        [
          { x: 5, y: 0 },
          { x: 5, y: 5, weight: w },
          { x: 0, y: 5 },
        ],
        2,
        [0, 0, 0, 1, 1, 1],
      ),
    ).toBeUndefined();
    for (let k = 0; k <= 10; k++) {
      const [x, y] = at(curve, k / 10);
      expect(Math.hypot(x!, y!)).toBeCloseTo(5, 9);
    }
    const [x, y] = at(curve, 0.5);
    expect(x).toBeCloseTo(y!, 9);
  });

  it('says what is wrong with a curve it cannot evaluate', () => {
    const curve = new Nurbs();
    expect(curve.set([{ x: 0, y: 0 }], 1)).toMatch(/at least 2 control points/);
    expect(
      curve.set(
        [
          { x: 0, y: 0 },
          { x: 1, y: 0 },
        ],
        1,
        [0, 0, 1],
      ),
    ).toMatch(/need 4 knots, got 3/);
    expect(
      curve.set(
        [
          { x: 0, y: 0 },
          { x: 1, y: 0 },
        ],
        1,
        [0, 1, 0, 1],
      ),
    ).toMatch(/knot 2 .* below knot 1/);
    expect(
      curve.set([
        { x: 0, y: 0 },
        { x: 1, y: 0, weight: 0 },
      ]),
    ).toMatch(/weight 0/);
    expect(
      curve.set(
        [
          { x: 0, y: 0 },
          { x: 1, y: 0 },
        ],
        1.5,
      ),
    ).toMatch(/degree 1.5/);
    expect(() => curve.point(0, new Float64Array(2))).toThrow(/no curve/);
  });
});
