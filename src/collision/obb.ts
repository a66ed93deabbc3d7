/**
 * Oriented-box tests between two boxes of a prepared {@link BoxSet} by the separating-axis theorem, with no
 * trigonometry and no allocation. `sweptContact` treats the boxes as translating at their velocities and
 * returns the exact time interval in which they overlap (rotation within the horizon is neglected).
 */
import type { BoxSet } from './boxSet';

/** Output of {@link sweptContact}: when the overlap begins and ends (s). */
export const swept = { enter: 0, exit: 0 };

/** True when boxes i and j, each grown by `inflate` metres on every side, overlap now. */
export function obbOverlap(b: BoxSet, i: number, j: number, inflate: number): boolean {
  return axisTest(b, i, j, inflate, 0, 0, 0, 0);
}

/**
 * True when boxes i and j overlap at some time in [0, horizon]; `swept.enter` is then the first such time (0 when
 * they overlap already) and `swept.exit` the last.
 */
export function sweptContact(b: BoxSet, i: number, j: number, horizon: number): boolean {
  return axisTest(b, i, j, 0, b.vx[j]! - b.vx[i]!, b.vy[j]! - b.vy[i]!, horizon, 1);
}

function axisTest(b: BoxSet, i: number, j: number, inflate: number, vx: number, vy: number, horizon: number, mode: 0 | 1): boolean {
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
  swept.enter = 0;
  swept.exit = horizon;
  // Axes: A's length (ac, as) and width (-as, ac); B's length (bc, bs) and width (-bs, bc).
  return (
    axis(dx * ac + dy * as, vx * ac + vy * as, al + bl * cAB + bw * sAB, mode) &&
    axis(-dx * as + dy * ac, -vx * as + vy * ac, aw + bl * sAB + bw * cAB, mode) &&
    axis(dx * bc + dy * bs, vx * bc + vy * bs, bl + al * cAB + aw * sAB, mode) &&
    axis(-dx * bs + dy * bc, -vx * bs + vy * bc, bw + al * sAB + aw * cAB, mode)
  );
}

/** One axis: centre distance p moving at w, overlap while |p + w t| ≤ r. Narrows `swept` in mode 1. */
function axis(p: number, w: number, r: number, mode: 0 | 1): boolean {
  if (mode === 0 || w === 0) return Math.abs(p) <= r;
  let t1 = (-r - p) / w;
  let t2 = (r - p) / w;
  if (t1 > t2) {
    const t = t1;
    t1 = t2;
    t2 = t;
  }
  if (t1 > swept.enter) swept.enter = t1;
  if (t2 < swept.exit) swept.exit = t2;
  return swept.enter <= swept.exit;
}
