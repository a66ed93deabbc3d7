/**
 * A planar NURBS curve (VDA 5050 3.0's `plannedPath.trajectory`) evaluated by de Boor's algorithm on weighted
 * (homogeneous) control points. The spec's defaults: degree 1 (the control polygon), and where no knot vector is
 * given a clamped uniform one (degree + 1 zeros, evenly spaced inner knots, degree + 1 ones), weights 1.
 *
 * The curve copies its control points into typed arrays that grow only when a longer one comes, and evaluates into
 * a caller's array, so resampling a vehicle's path allocates nothing once the arrays are big enough.
 *
 * @example
 *   const curve = new Nurbs();
 *   const problem = curve.set([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }], 2); // undefined: fine
 *   const p = new Float64Array(2);
 *   curve.point(curve.start, p); // [0, 0]; curve.point(curve.end, p) → [10, 10]
 */

export interface NurbsControlPoint {
  readonly x: number;
  readonly y: number;
  readonly weight?: number;
}

export class Nurbs {
  degree = 1;
  /** Control points in use. */
  count = 0;
  private cx = new Float64Array(0);
  private cy = new Float64Array(0);
  private cw = new Float64Array(0);
  private knots = new Float64Array(0);
  /** de Boor's working points (x·w, y·w, w), degree + 1 of each. */
  private dx = new Float64Array(0);
  private dy = new Float64Array(0);
  private dw = new Float64Array(0);

  /** First and last parameter of the curve (the knots at `degree` and at `count`). */
  get start(): number {
    return this.knots[this.degree]!;
  }

  get end(): number {
    return this.knots[this.count]!;
  }

  /**
   * Takes a curve's control points, degree (default 1) and knot vector (default clamped uniform). Returns what is
   * wrong with them in words (and keeps no curve), or undefined when the curve can be evaluated.
   */
  set(points: readonly NurbsControlPoint[], degree = 1, knotVector?: readonly number[]): string | undefined {
    this.count = 0;
    const n = points.length;
    if (!Number.isInteger(degree) || degree < 1) return `degree ${degree} is not a whole number from 1`;
    if (n < degree + 1) return `a degree-${degree} curve needs at least ${degree + 1} control points, got ${n}`;
    const knots = n + degree + 1;
    if (knotVector && knotVector.length !== knots) return `${n} control points of degree ${degree} need ${knots} knots, got ${knotVector.length}`;
    if (this.cx.length < n) {
      this.cx = new Float64Array(n);
      this.cy = new Float64Array(n);
      this.cw = new Float64Array(n);
    }
    if (this.knots.length < knots) this.knots = new Float64Array(knots);
    if (this.dx.length < degree + 1) {
      this.dx = new Float64Array(degree + 1);
      this.dy = new Float64Array(degree + 1);
      this.dw = new Float64Array(degree + 1);
    }
    for (let k = 0; k < n; k++) {
      const p = points[k]!;
      const w = p.weight ?? 1;
      if (!(w > 0)) return `control point ${k} has weight ${w}; weights must be positive`;
      this.cx[k] = p.x;
      this.cy[k] = p.y;
      this.cw[k] = w;
    }
    for (let k = 0; k < knots; k++) {
      const t = knotVector ? knotVector[k]! : clampedUniform(k, n, degree);
      if (k > 0 && t < this.knots[k - 1]!) return `knot ${k} (${t}) is below knot ${k - 1}: knots must not decrease`;
      this.knots[k] = t;
    }
    if (!(this.knots[n]! > this.knots[degree]!)) return 'the knot vector spans no parameter range';
    this.degree = degree;
    this.count = n;
    return undefined;
  }

  /** Writes the curve's point at parameter `u` (clamped to [start, end]) into out[0], out[1]. Allocates nothing. */
  point(u: number, out: Float64Array): void {
    if (this.count === 0) throw new Error('no curve: set() one first');
    const p = this.degree;
    const t = this.knots;
    const v = Math.min(Math.max(u, this.start), this.end);
    let span = p;
    while (span < this.count - 1 && v >= t[span + 1]!) span++;
    for (let j = 0; j <= p; j++) {
      const c = j + span - p;
      const w = this.cw[c]!;
      this.dx[j] = this.cx[c]! * w;
      this.dy[j] = this.cy[c]! * w;
      this.dw[j] = w;
    }
    for (let r = 1; r <= p; r++) {
      for (let j = p; j >= r; j--) {
        const lo = t[j + span - p]!;
        const hi = t[j + 1 + span - r]!;
        const a = hi > lo ? (v - lo) / (hi - lo) : 0;
        this.dx[j] = (1 - a) * this.dx[j - 1]! + a * this.dx[j]!;
        this.dy[j] = (1 - a) * this.dy[j - 1]! + a * this.dy[j]!;
        this.dw[j] = (1 - a) * this.dw[j - 1]! + a * this.dw[j]!;
      }
    }
    out[0] = this.dx[p]! / this.dw[p]!;
    out[1] = this.dy[p]! / this.dw[p]!;
  }
}

/** Knot k of the clamped uniform vector for n control points of degree p: p + 1 zeros, inner knots evenly spaced, p + 1 ones. */
function clampedUniform(k: number, n: number, p: number): number {
  if (k <= p) return 0;
  if (k >= n) return 1;
  return (k - p) / (n - p);
}
