/**
 * What each crane is doing now, per scene facility (by index, like the busy flags): the move under way, how far
 * into its cycle it is and how long the cycle lasts (simulated seconds), where the vehicle it serves stands, and
 * the cycle's number. The simulation fills these in its worker; the packed frame carries them to the page, where
 * the view animates every crane through its cycle at the frame's clock (src/domain/craneCyclePose.ts). A source
 * without crane data (a live fleet, a replay) leaves every kind at {@link CRANE_IDLE}: cranes at rest.
 */

/** No move under way (not a crane, or a crane waiting for work). */
export const CRANE_IDLE = 0;
/** An export truck's container lifted into the stack. */
export const CRANE_TRUCK_TO_STACK = 1;
/** A container from the stack set on an import truck. */
export const CRANE_STACK_TO_TRUCK = 2;
/** A container from the stack set on an AGV. */
export const CRANE_STACK_TO_AGV = 3;
/** An AGV's container lifted into the stack. */
export const CRANE_AGV_TO_STACK = 4;

export type CraneMove =
  typeof CRANE_IDLE | typeof CRANE_TRUCK_TO_STACK | typeof CRANE_STACK_TO_TRUCK | typeof CRANE_STACK_TO_AGV | typeof CRANE_AGV_TO_STACK;

/** Floats per facility in the packed frame: move, elapsed, duration, handover east, north, cycle number, load. */
export const CRANE_FLOATS = 7;

export interface CraneCycles {
  /** The clock (s) these figures are of. */
  clockS: number;
  /** CRANE_IDLE … CRANE_AGV_TO_STACK. */
  readonly move: Uint8Array;
  /** Seconds since the cycle began, at {@link clockS} (packed rather than the start: small, so exact in a float). */
  readonly elapsedS: Float32Array;
  readonly durationS: Float32Array;
  /** Where the AGV or truck the move serves stands (east, north, m); NaN when unknown. */
  readonly handoverX: Float32Array;
  readonly handoverY: Float32Array;
  /** The crane's moves begun so far, this one included: tells one cycle from the next. */
  readonly cycle: Float32Array;
  /** The container's leg (LOAD_EXPORT or LOAD_IMPORT of fleetFrame.ts), for its colour. */
  readonly load: Uint8Array;
}

export function craneCycles(facilityCount: number): CraneCycles {
  return {
    clockS: 0,
    move: new Uint8Array(facilityCount),
    elapsedS: new Float32Array(facilityCount),
    durationS: new Float32Array(facilityCount),
    handoverX: new Float32Array(facilityCount).fill(NaN),
    handoverY: new Float32Array(facilityCount).fill(NaN),
    cycle: new Float32Array(facilityCount),
    load: new Uint8Array(facilityCount),
  };
}

/** Writes `c` (or, without it, every crane at rest) into `out` from `at`, {@link CRANE_FLOATS} per facility. */
export function packCraneCycles(facilityCount: number, c: CraneCycles | undefined, out: Float32Array, at: number): void {
  if (!c) {
    out.fill(0, at, at + CRANE_FLOATS * facilityCount);
    return;
  }
  for (let k = 0; k < facilityCount; k++) {
    const o = at + CRANE_FLOATS * k;
    out[o] = c.move[k]!;
    out[o + 1] = c.elapsedS[k]!;
    out[o + 2] = c.durationS[k]!;
    out[o + 3] = c.handoverX[k]!;
    out[o + 4] = c.handoverY[k]!;
    out[o + 5] = c.cycle[k]!;
    out[o + 6] = c.load[k]!;
  }
}

export function unpackCraneCycles(facilityCount: number, src: Float32Array, at: number, clockS: number, c: CraneCycles): void {
  c.clockS = clockS;
  const n = Math.min(facilityCount, c.move.length);
  for (let k = 0; k < n; k++) {
    const o = at + CRANE_FLOATS * k;
    c.move[k] = src[o]!;
    c.elapsedS[k] = src[o + 1]!;
    c.durationS[k] = src[o + 2]!;
    c.handoverX[k] = src[o + 3]!;
    c.handoverY[k] = src[o + 4]!;
    c.cycle[k] = src[o + 5]!;
    c.load[k] = src[o + 6]!;
  }
}
