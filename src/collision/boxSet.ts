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
  /** Derived by {@link prepareBoxes} at the start of a check: cos and sin of the heading, bounding radius. */
  readonly cos: Float64Array;
  readonly sin: Float64Array;
  readonly radius: Float64Array;
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
    cos: new Float64Array(capacity),
    sin: new Float64Array(capacity),
    radius: new Float64Array(capacity),
  };
}

/** Fills the derived arrays once per tick, so pair tests need no trigonometry. */
export function prepareBoxes(b: BoxSet): void {
  for (let i = 0; i < b.count; i++) {
    b.cos[i] = Math.cos(b.heading[i]!);
    b.sin[i] = Math.sin(b.heading[i]!);
    b.radius[i] = Math.sqrt(b.halfLength[i]! * b.halfLength[i]! + b.halfWidth[i]! * b.halfWidth[i]!);
  }
}
