/**
 * Oriented footprints of every moving thing in one tick, as structure-of-arrays typed buffers (metres,
 * radians, m/s in the zone's east-north frame). Filled in place by the caller each tick; never reallocated.
 */
export interface BoxSet {
  count: number;
  readonly capacity: number;
  /** Centre east/north (m), heading (rad, counter-clockwise from east). */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly heading: Float64Array;
  /** Half the length along the heading and half the width across it (m). */
  readonly halfLength: Float64Array;
  readonly halfWidth: Float64Array;
  /** Velocity east/north (m/s). */
  readonly vx: Float64Array;
  readonly vy: Float64Array;
}

export function boxSet(capacity: number): BoxSet {
  return {
    count: 0,
    capacity,
    x: new Float64Array(capacity),
    y: new Float64Array(capacity),
    heading: new Float64Array(capacity),
    halfLength: new Float64Array(capacity),
    halfWidth: new Float64Array(capacity),
    vx: new Float64Array(capacity),
    vy: new Float64Array(capacity),
  };
}

/**
 * Doubles per footprint record, classifyPair's input in the all-pairs baseline: x, y, vx, vy, cos and sin of the
 * heading, half length, half width, one 64-byte cache line a vehicle, its cos and sin computed once, not once per
 * pair. The WebAssembly checker keeps records of its own (128 bytes: the same numbers laid out for f64x2, with
 * the radius and the extents its rejects use; wasm/checker.as), copied into its sorted order: there, unlike in
 * JavaScript (3.4 ms a check either way), the sorted copy paid: with branch-free box tests, 0.2 ms at 10,000.
 */
export const RECORD = 8;

/** Writes box i's record at `out[slot * RECORD]`, given the cos and sin of its heading. */
export function writeRecord(b: BoxSet, i: number, cos: number, sin: number, out: Float64Array, slot: number): void {
  const o = slot * RECORD;
  out[o] = b.x[i]!;
  out[o + 1] = b.y[i]!;
  out[o + 2] = b.vx[i]!;
  out[o + 3] = b.vy[i]!;
  out[o + 4] = cos;
  out[o + 5] = sin;
  out[o + 6] = b.halfLength[i]!;
  out[o + 7] = b.halfWidth[i]!;
}
