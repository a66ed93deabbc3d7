/**
 * Truck routes as arc-length parametrised polylines: where along a route a facility is met, and the point and
 * heading at an arc length (for drawing trucks).
 */
import type { Vec2 } from '../domain/sceneSchema';

export interface RouteLine {
  readonly id: string;
  /** Points flattened x0, y0, x1, y1, … and the arc length at each point. */
  readonly xy: Float64Array;
  readonly arc: Float64Array;
  readonly length: number;
}

export function routeLine(id: string, points: readonly Vec2[]): RouteLine {
  const xy = new Float64Array(points.length * 2);
  const arc = new Float64Array(points.length);
  points.forEach(([x, y], i) => {
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
    if (i > 0) arc[i] = arc[i - 1]! + Math.hypot(x - points[i - 1]![0], y - points[i - 1]![1]);
  });
  return { id, xy, arc, length: arc[points.length - 1]! };
}

/** The arc length of the route point nearest to `p`, and the distance to it. */
export function nearestArc(line: RouteLine, p: Vec2): { arc: number; distance: number } {
  let best = { arc: 0, distance: Infinity };
  for (let i = 0; i + 1 < line.arc.length; i++) {
    const ax = line.xy[2 * i]!;
    const ay = line.xy[2 * i + 1]!;
    const dx = line.xy[2 * i + 2]! - ax;
    const dy = line.xy[2 * i + 3]! - ay;
    const len2 = dx * dx + dy * dy;
    const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / len2));
    const d = Math.hypot(ax + u * dx - p[0], ay + u * dy - p[1]);
    if (d < best.distance) best = { arc: line.arc[i]! + u * Math.sqrt(len2), distance: d };
  }
  return best;
}

/**
 * As {@link pointAt}, but beyond the route's ends the road goes on straight: before arc 0 along its first segment
 * (the road a truck came in by, where a queue longer than the route stands), after its length along its last.
 */
export function pointAlong(line: RouteLine, s: number, out: Float64Array): void {
  const n = line.arc.length;
  if (s >= 0 && s <= line.length) {
    pointAt(line, s, out);
    return;
  }
  const i = s < 0 ? 0 : n - 2;
  const ax = line.xy[2 * i]!;
  const ay = line.xy[2 * i + 1]!;
  const dx = line.xy[2 * i + 2]! - ax;
  const dy = line.xy[2 * i + 3]! - ay;
  const seg = line.arc[i + 1]! - line.arc[i]!;
  const u = seg === 0 ? 0 : (s - line.arc[i]!) / seg;
  out[0] = ax + u * dx;
  out[1] = ay + u * dy;
  out[2] = Math.atan2(dy, dx);
}

/** Writes the point and heading at arc length `s` into out[0..2]; allocation-free. */
export function pointAt(line: RouteLine, s: number, out: Float64Array): void {
  const n = line.arc.length;
  let i = 0;
  while (i + 2 < n && line.arc[i + 1]! < s) i++;
  const ax = line.xy[2 * i]!;
  const ay = line.xy[2 * i + 1]!;
  const dx = line.xy[2 * i + 2]! - ax;
  const dy = line.xy[2 * i + 3]! - ay;
  const seg = line.arc[i + 1]! - line.arc[i]!;
  const u = seg === 0 ? 0 : Math.max(0, Math.min(1, (s - line.arc[i]!) / seg));
  out[0] = ax + u * dx;
  out[1] = ay + u * dy;
  out[2] = Math.atan2(dy, dx);
}
