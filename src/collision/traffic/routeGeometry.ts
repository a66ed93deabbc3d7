/**
 * Where an AGV is on its route at a predicted time, and where a straight piece of route first enters a box:
 * the small geometry the conflict, wait-for and blocked-route passes share. No allocation.
 */
import type { PredictedRoutes, TrafficInput } from '../../domain/trafficFrame';

/** How many of AGV i's route nodes it has reached by t (s): its arrival time `nodeS` is at most t. */
export function nodesReached(input: TrafficInput, routes: PredictedRoutes, i: number, t: number): number {
  const len = input.routeLen[i]!;
  const o = i * routes.routeCap;
  let m = 0;
  while (m < len && routes.nodeS[o + m]! <= t) m++;
  return m;
}

/**
 * The lane edge AGV i drives at t, as [from, to] lane node indices written to `out` (-1 where unknown): from the
 * node last passed to the next; at its route's end the edge it arrived by (a leader standing at its last node is
 * still on that lane for the AGV behind it); without a route, [lastNode, -1].
 */
export function edgeAt(input: TrafficInput, routes: PredictedRoutes, i: number, t: number, out: Int32Array): void {
  const len = input.routeLen[i]!;
  const o = i * input.routeCap;
  const m = nodesReached(input, routes, i, t);
  const k = m < len ? m : len - 1;
  out[0] = k > 0 ? input.route[o + k - 1]! : input.lastNode[i]!;
  out[1] = k >= 0 ? input.route[o + k]! : -1;
}

/** Did AGV i stand still from sample k to k + 1 (moved at most `eps` m)? The last valid sample compares with the one before. */
export function standsAt(routes: PredictedRoutes, i: number, k: number, used: number, eps: number): boolean {
  const o = i * routes.samples;
  const a = k + 1 < used ? k : k - 1;
  if (a < 0) return true;
  return Math.hypot(routes.px[o + a + 1]! - routes.px[o + a]!, routes.py[o + a + 1]! - routes.py[o + a]!) <= eps;
}

/**
 * Where the segment (x0, y0) → (x1, y1) first enters the box centred on (cx, cy) with heading cos c, sin s and
 * half extents hl × hw: the fraction of the segment (0 when it starts inside), or NaN when it misses.
 * Liang–Barsky clipping in the box's own frame.
 */
export function segmentEntersBox(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  cx: number,
  cy: number,
  c: number,
  s: number,
  hl: number,
  hw: number,
): number {
  const rx = x0 - cx;
  const ry = y0 - cy;
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  // Along the box's length, then across it: the start's offset p and the direction d projected on the axis.
  for (let axis = 0; axis < 2; axis++) {
    const p = axis === 0 ? rx * c + ry * s : -rx * s + ry * c;
    const d = axis === 0 ? dx * c + dy * s : -dx * s + dy * c;
    const e = axis === 0 ? hl : hw;
    if (d === 0) {
      if (p < -e || p > e) return Number.NaN;
      continue;
    }
    const ta = (-e - p) / d;
    const tb = (e - p) / d;
    const lo = ta < tb ? ta : tb;
    const hi = ta < tb ? tb : ta;
    if (lo > t0) t0 = lo;
    if (hi < t1) t1 = hi;
    if (t0 > t1) return Number.NaN;
  }
  return t0;
}

/**
 * Does the strip `halfWidth` either side of the segment (x0, y0) → (x1, y1) (the ground an AGV covers driving it)
 * overlap the box centred on (cx, cy), heading cos c, sin s, half extents hl × hw? Separating axes of the two
 * rectangles.
 */
export function stripMeetsBox(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  halfWidth: number,
  cx: number,
  cy: number,
  c: number,
  s: number,
  hl: number,
  hw: number,
): boolean {
  const len = Math.hypot(x1 - x0, y1 - y0);
  const half = len / 2;
  const sc = len > 0 ? (x1 - x0) / len : c;
  const ss = len > 0 ? (y1 - y0) / len : s;
  const dx = cx - (x0 + x1) / 2;
  const dy = cy - (y0 + y1) / 2;
  const cAB = Math.abs(sc * c + ss * s);
  const sAB = Math.abs(sc * s - ss * c);
  return (
    Math.abs(dx * sc + dy * ss) <= half + hl * cAB + hw * sAB &&
    Math.abs(-dx * ss + dy * sc) <= halfWidth + hl * sAB + hw * cAB &&
    Math.abs(dx * c + dy * s) <= hl + half * cAB + halfWidth * sAB &&
    Math.abs(-dx * s + dy * c) <= hw + half * sAB + halfWidth * cAB
  );
}
