/**
 * One simulated AGV's planned path out of the simulation's whole-fleet planned-path segments, for drawing while the
 * traffic prediction has no route for it (the simulated vehicles report no nodes). Pure.
 */

/**
 * The chain of connected segments (x1, y1, x2, y2 each; a chain continues while a segment starts where the
 * previous one ended) whose first point is nearest (x, y) within `maxDistanceM`: one AGV's planned path out of
 * the whole fleet's. Returns [first, end) in segments, or [0, 0] when no chain starts near enough.
 */
export function chainNear(segments: Float32Array, x: number, y: number, maxDistanceM: number): [number, number] {
  const n = segments.length >> 2;
  let best = -1;
  let bestD2 = maxDistanceM * maxDistanceM;
  for (let k = 0; k < n; k++) {
    const o = k * 4;
    const head = k === 0 || segments[o] !== segments[o - 2] || segments[o + 1] !== segments[o - 1];
    if (!head) continue;
    const dx = segments[o]! - x;
    const dy = segments[o + 1]! - y;
    const d2 = dx * dx + dy * dy;
    if (d2 <= bestD2) {
      bestD2 = d2;
      best = k;
    }
  }
  if (best < 0) return [0, 0];
  let end = best + 1;
  while (end < n && segments[end * 4] === segments[end * 4 - 2] && segments[end * 4 + 1] === segments[end * 4 - 1]) end++;
  return [best, end];
}
