/**
 * Plane geometry in the zone's local east-north frame (metres). Pure functions on tuples; used by the checker
 * and by the view to place things.
 */
import type { Footprint, Vec2 } from './sceneSchema';

/** The four corners of a footprint, counter-clockwise, in world coordinates. */
export function footprintCorners(f: Pick<Footprint, 'position' | 'rotation' | 'size'>): Vec2[] {
  const [cx, cy] = f.position;
  const hw = f.size[0] / 2;
  const hd = f.size[1] / 2;
  const c = Math.cos(f.rotation);
  const s = Math.sin(f.rotation);
  const local: Vec2[] = [
    [-hw, -hd],
    [hw, -hd],
    [hw, hd],
    [-hw, hd],
  ];
  return local.map(([x, y]) => [cx + x * c - y * s, cy + x * s + y * c]);
}

/** An oriented rectangle around the segment a→b, `width` wide (a lane edge as a strip of ground). */
export function segmentStrip(a: Vec2, b: Vec2, width: number): Vec2[] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  return footprintCorners({
    position: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2],
    rotation: Math.atan2(dy, dx),
    size: [Math.hypot(dx, dy), width],
  });
}

function axesOf(poly: readonly Vec2[]): Vec2[] {
  const axes: Vec2[] = [];
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % poly.length]!;
    const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
    if (len > 0) axes.push([-(q[1] - p[1]) / len, (q[0] - p[0]) / len]);
  }
  return axes;
}

function project(poly: readonly Vec2[], axis: Vec2): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const p of poly) {
    const d = p[0] * axis[0] + p[1] * axis[1];
    if (d < min) min = d;
    if (d > max) max = d;
  }
  return [min, max];
}

/**
 * Penetration depth of two convex polygons by the separating axis theorem: 0 when they are apart or only touch,
 * otherwise the smallest overlap along any edge normal (metres).
 */
export function convexPenetration(a: readonly Vec2[], b: readonly Vec2[]): number {
  let depth = Infinity;
  for (const axis of [...axesOf(a), ...axesOf(b)]) {
    const [amin, amax] = project(a, axis);
    const [bmin, bmax] = project(b, axis);
    const overlap = Math.min(amax, bmax) - Math.max(amin, bmin);
    if (overlap <= 0) return 0;
    if (overlap < depth) depth = overlap;
  }
  return depth === Infinity ? 0 : depth;
}

/** True when point p lies inside (or on) the convex polygon given counter-clockwise. */
export function pointInConvex(p: Vec2, poly: readonly Vec2[]): boolean {
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!;
    const b = poly[(i + 1) % poly.length]!;
    if ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) < -1e-9) return false;
  }
  return true;
}

function cross(o: Vec2, a: Vec2, b: Vec2): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** True when segments p1-p2 and q1-q2 intersect (touching counts). */
export function segmentsIntersect(p1: Vec2, p2: Vec2, q1: Vec2, q2: Vec2): boolean {
  const d1 = cross(q1, q2, p1);
  const d2 = cross(q1, q2, p2);
  const d3 = cross(p1, p2, q1);
  const d4 = cross(p1, p2, q2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const onSeg = (a: Vec2, b: Vec2, p: Vec2) =>
    Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
  return (d1 === 0 && onSeg(q1, q2, p1)) || (d2 === 0 && onSeg(q1, q2, p2)) || (d3 === 0 && onSeg(p1, p2, q1)) || (d4 === 0 && onSeg(p1, p2, q2));
}

/** True when segment a-b crosses any segment of the polyline. */
export function segmentCrossesPolyline(a: Vec2, b: Vec2, line: readonly Vec2[]): boolean {
  for (let i = 0; i + 1 < line.length; i++) if (segmentsIntersect(a, b, line[i]!, line[i + 1]!)) return true;
  return false;
}

/** True when the polyline passes through the convex polygon (a vertex inside or an edge crossing it). */
export function polylineTouchesConvex(line: readonly Vec2[], poly: readonly Vec2[]): boolean {
  if (line.some((p) => pointInConvex(p, poly))) return true;
  for (let i = 0; i + 1 < line.length; i++) {
    for (let j = 0; j < poly.length; j++) {
      if (segmentsIntersect(line[i]!, line[i + 1]!, poly[j]!, poly[(j + 1) % poly.length]!)) return true;
    }
  }
  return false;
}

/**
 * Which side of a polyline a point lies on, judged against the nearest segment: +1 left, -1 right (walking along
 * the line), 0 on it. The end segments are taken as extending to infinity.
 */
export function sideOfPolyline(p: Vec2, line: readonly Vec2[]): -1 | 0 | 1 {
  let best = Infinity;
  let side: -1 | 0 | 1 = 0;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i]!;
    const b = line[i + 1]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
    if (i > 0) t = Math.max(t, 0);
    if (i + 2 < line.length) t = Math.min(t, 1);
    const d = Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
    if (d < best) {
      best = d;
      let c = dx * (p[1] - a[1]) - dy * (p[0] - a[0]);
      // Nearest at a vertex joining two segments: p lies outside the turn there (from inside it, one of the two
      // segments has a nearer foot), so the turn gives the side; this segment's own line gives the wrong side
      // beyond a bend sharper than 90°.
      const turn = d === 0 ? 0 : t >= 1 && i + 2 < line.length ? cross(a, b, line[i + 2]!) : t <= 0 && i > 0 ? cross(line[i - 1]!, a, b) : 0;
      if (turn !== 0) c = -turn;
      side = c > 0 ? 1 : c < 0 ? -1 : 0;
    }
  }
  return side;
}
