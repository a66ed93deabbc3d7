/**
 * Oriented-box tests between two boxes of a prepared {@link BoxSet} by the separating-axis theorem, with no
 * trigonometry and no allocation. `sweptContact` treats the boxes as translating at their velocities and
 * finds the exact time interval in which they overlap (rotation within the horizon is neglected).
 */
import type { BoxSet } from './boxSet';

/** Output of {@link sweptContact}: [0] when the overlap begins, [1] when it ends (s). */
export const swept = new Float64Array(2);

/** True when boxes i and j, each grown by `inflate` metres on every side, overlap now. */
export function obbOverlap(b: BoxSet, i: number, j: number, inflate: number): boolean {
  const dx = b.x[j]! - b.x[i]!;
  const dy = b.y[j]! - b.y[i]!;
  const ac = b.cos[i]!;
  const as = b.sin[i]!;
  const bc = b.cos[j]!;
  const bs = b.sin[j]!;
  const al = b.halfLength[i]! + inflate;
  const aw = b.halfWidth[i]! + inflate;
  const bl = b.halfLength[j]! + inflate;
  const bw = b.halfWidth[j]! + inflate;
  const cAB = Math.abs(ac * bc + as * bs);
  const sAB = Math.abs(ac * bs - as * bc);
  // Axes: A's length (ac, as) and width (-as, ac); B's length (bc, bs) and width (-bs, bc).
  return (
    Math.abs(dx * ac + dy * as) <= al + bl * cAB + bw * sAB &&
    Math.abs(-dx * as + dy * ac) <= aw + bl * sAB + bw * cAB &&
    Math.abs(dx * bc + dy * bs) <= bl + al * cAB + aw * sAB &&
    Math.abs(-dx * bs + dy * bc) <= bw + al * sAB + aw * cAB
  );
}

/**
 * True when boxes i and j overlap at some time in [0, horizon]; `swept[0]` is then the first such time (0 when
 * they overlap already) and `swept[1]` the last.
 */
export function sweptContact(b: BoxSet, i: number, j: number, horizon: number): boolean {
  const dx = b.x[j]! - b.x[i]!;
  const dy = b.y[j]! - b.y[i]!;
  const vx = b.vx[j]! - b.vx[i]!;
  const vy = b.vy[j]! - b.vy[i]!;
  const ac = b.cos[i]!;
  const as = b.sin[i]!;
  const bc = b.cos[j]!;
  const bs = b.sin[j]!;
  const al = b.halfLength[i]!;
  const aw = b.halfWidth[i]!;
  const bl = b.halfLength[j]!;
  const bw = b.halfWidth[j]!;
  const cAB = Math.abs(ac * bc + as * bs);
  const sAB = Math.abs(ac * bs - as * bc);
  swept[0] = 0;
  swept[1] = horizon;
  return (
    narrow(dx * ac + dy * as, vx * ac + vy * as, al + bl * cAB + bw * sAB) &&
    narrow(-dx * as + dy * ac, -vx * as + vy * ac, aw + bl * sAB + bw * cAB) &&
    narrow(dx * bc + dy * bs, vx * bc + vy * bs, bl + al * cAB + aw * sAB) &&
    narrow(-dx * bs + dy * bc, -vx * bs + vy * bc, bw + al * sAB + aw * cAB)
  );
}

/** One axis: centre distance p moving at w overlaps while |p + w t| ≤ r; narrows `swept` to that time. */
function narrow(p: number, w: number, r: number): boolean {
  if (w === 0) return p <= r && p >= -r;
  const ta = (-r - p) / w;
  const tb = (r - p) / w;
  const lo = ta < tb ? ta : tb;
  const hi = ta < tb ? tb : ta;
  if (lo > swept[0]!) swept[0] = lo;
  if (hi < swept[1]!) swept[1] = hi;
  return swept[0]! <= swept[1]!;
}
