/**
 * What one pair of footprints amounts to this tick: a contact (they overlap now), a near miss (closer than the
 * clearance now: the boxes, each grown by half the clearance on every side, overlap), a predicted contact
 * (moving along their velocities, they overlap within the horizon; rotation within the horizon is neglected),
 * or nothing. The all-pairs baseline judges with it; the WebAssembly checker's `classify` (wasm/checker.as)
 * computes the same numbers by the same operations, two axes to an f64x2, so both judge alike bit for bit.
 *
 * Exact separating-axis tests on the four axes of the two boxes, with no trigonometry and no allocation, in one
 * function over the two records (`RECORD` in boxSet.ts): the centre offset is projected once for the near-miss,
 * contact and swept tests, and the swept test runs only when the near-miss test finds nothing. This replaced
 * `obbOverlap` (called twice) and `sweptContact`, which re-read and re-projected everything; with the per-tick
 * cos and sin moved into the records, the 18,071 pair tests of the uniform bench scene at 10,000 vehicles
 * took 1.05 ms (58 ns a pair) on the bench machine in JavaScript. Of that, loading and the bounding-circle reject take
 * 0.23 ms, the near-miss and contact tests 0.33 ms, the swept test 0.5 ms. Measured and dropped, as not faster:
 * a branch-free near-miss test (`Math.max` of the four axis gaps: 1.20 ms), `Math.min`/`Math.max` in the swept
 * test (1.09 ms), a division-free test ruling out a contact on an axis before the swept test's divisions
 * (1.02 ms, too little for its rounding-margin argument), and no bounding-circle reject at all (no change in
 * the uniform scene, where it rejects 5% of pairs; in lane traffic it rejects 31%).
 *
 * @example
 *   const kind = classifyPair(records, RECORD * i, RECORD * j, { horizonS: 3, nearMissClearanceM: 1 });
 *   if (kind === PREDICTED) console.log(`contact in ${lastTtc[0]} s`);
 */
export const NONE = 0;
export const CONTACT = 1;
export const NEAR_MISS = 2;
export const PREDICTED = 3;

export interface CollisionParams {
  /** Look-ahead for predicted contacts (s). */
  readonly horizonS: number;
  /** Footprints closer than this are a near miss (m). */
  readonly nearMissClearanceM: number;
}

/** Time to collision of the last pair {@link classifyPair} found PREDICTED (s): [0]. */
export const lastTtc = new Float64Array(1);

/**
 * Classifies the boxes whose records start at offsets a and b of `r` (b is the later vehicle: the event names
 * them in that order, and the offset between centres is taken from a to b).
 */
export function classifyPair(r: Float64Array, a: number, b: number, p: CollisionParams): number {
  const dx = r[b]! - r[a]!;
  const dy = r[b + 1]! - r[a + 1]!;
  const vx = r[b + 2]! - r[a + 2]!;
  const vy = r[b + 3]! - r[a + 3]!;
  const al = r[a + 6]!;
  const aw = r[a + 7]!;
  const bl = r[b + 6]!;
  const bw = r[b + 7]!;
  const h = p.horizonS;
  // Farther apart than the near-miss reach plus what the pair can close within the horizon: nothing to judge.
  // A box grown by g on every side reaches √((l + g)² + (w + g)²) ≤ √(l² + w²) + g√2 from its centre, so the
  // two grown boxes reach at most their radii plus clearance × √2 (the clearance alone missed grown boxes
  // meeting corner to corner; the test "a near miss corner to corner" in collision.test.ts is such a pair).
  const reach = Math.sqrt(al * al + aw * aw) + Math.sqrt(bl * bl + bw * bw) + p.nearMissClearanceM * Math.SQRT2 + Math.sqrt(vx * vx + vy * vy) * h;
  if (dx * dx + dy * dy > reach * reach) return NONE;
  const ac = r[a + 4]!;
  const as = r[a + 5]!;
  const bc = r[b + 4]!;
  const bs = r[b + 5]!;
  const cAB = Math.abs(ac * bc + as * bs);
  const sAB = Math.abs(ac * bs - as * bc);
  // Axes: A's length (ac, as) and width (-as, ac); B's length (bc, bs) and width (-bs, bc). p1..p4: the centre
  // offset projected on each, compared below with the sum of the two boxes' half extents along it.
  const p1 = dx * ac + dy * as;
  const p2 = -dx * as + dy * ac;
  const p3 = dx * bc + dy * bs;
  const p4 = -dx * bs + dy * bc;
  const g = p.nearMissClearanceM / 2;
  const gal = al + g;
  const gaw = aw + g;
  const gbl = bl + g;
  const gbw = bw + g;
  if (
    Math.abs(p1) <= gal + gbl * cAB + gbw * sAB &&
    Math.abs(p2) <= gaw + gbl * sAB + gbw * cAB &&
    Math.abs(p3) <= gbl + gal * cAB + gaw * sAB &&
    Math.abs(p4) <= gbw + gal * sAB + gaw * cAB
  ) {
    return Math.abs(p1) <= al + bl * cAB + bw * sAB &&
      Math.abs(p2) <= aw + bl * sAB + bw * cAB &&
      Math.abs(p3) <= bl + al * cAB + aw * sAB &&
      Math.abs(p4) <= bw + al * sAB + aw * cAB
      ? CONTACT
      : NEAR_MISS;
  }
  // Swept: on each axis the centre offset p + w t stays within ±e while t lies in an interval; the boxes
  // overlap while t lies in all four and in [0, h]. t0 and t1 narrow to that intersection. The four axes are
  // written out: a helper narrowing a module-level window took 1.25 ms instead of 1.05 (see the top comment).
  let t0 = 0;
  let t1 = h;
  let e = al + bl * cAB + bw * sAB;
  let w = vx * ac + vy * as;
  if (w === 0) {
    if (!(p1 <= e && p1 >= -e)) return NONE;
  } else {
    const ta = (-e - p1) / w;
    const tb = (e - p1) / w;
    if ((ta < tb ? ta : tb) > t0) t0 = ta < tb ? ta : tb;
    if ((ta < tb ? tb : ta) < t1) t1 = ta < tb ? tb : ta;
    if (!(t0 <= t1)) return NONE;
  }
  e = aw + bl * sAB + bw * cAB;
  w = -vx * as + vy * ac;
  if (w === 0) {
    if (!(p2 <= e && p2 >= -e)) return NONE;
  } else {
    const ta = (-e - p2) / w;
    const tb = (e - p2) / w;
    if ((ta < tb ? ta : tb) > t0) t0 = ta < tb ? ta : tb;
    if ((ta < tb ? tb : ta) < t1) t1 = ta < tb ? tb : ta;
    if (!(t0 <= t1)) return NONE;
  }
  e = bl + al * cAB + aw * sAB;
  w = vx * bc + vy * bs;
  if (w === 0) {
    if (!(p3 <= e && p3 >= -e)) return NONE;
  } else {
    const ta = (-e - p3) / w;
    const tb = (e - p3) / w;
    if ((ta < tb ? ta : tb) > t0) t0 = ta < tb ? ta : tb;
    if ((ta < tb ? tb : ta) < t1) t1 = ta < tb ? tb : ta;
    if (!(t0 <= t1)) return NONE;
  }
  e = bw + al * sAB + aw * cAB;
  w = -vx * bs + vy * bc;
  if (w === 0) {
    if (!(p4 <= e && p4 >= -e)) return NONE;
  } else {
    const ta = (-e - p4) / w;
    const tb = (e - p4) / w;
    if ((ta < tb ? ta : tb) > t0) t0 = ta < tb ? ta : tb;
    if ((ta < tb ? tb : ta) < t1) t1 = ta < tb ? tb : ta;
    if (!(t0 <= t1)) return NONE;
  }
  lastTtc[0] = t0;
  return PREDICTED;
}
