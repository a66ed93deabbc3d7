/**
 * The fleet as traffic prediction reads it, and the routes in time it writes back: structure-of-arrays views over
 * one buffer each (a `SharedArrayBuffer` where the page is cross-origin isolated), so that the worker holding the
 * fleet (telemetry, replay or simulation) packs it once and the planner and collision workers read it where it
 * lies, with no copy and no structured clone. Indices are the fleet table's (a vehicle keeps its index for the
 * table's life); the packer hands the vehicle keys alongside, in the same order.
 *
 * Two layouts:
 * - {@link TrafficInput}: per AGV its pose, speed, flags, how long it has stood, and its remaining route on the
 *   scene's lane network as lane node indices (the first `baseLen` of them released to it, the VDA 5050 base;
 *   the rest the horizon), with the time it will stand at each for the order's actions, and the vehicle's own
 *   near-term path where it sends one (VDA 5050 3.0's `intermediatePath` with etas, then its `plannedPath`);
 *   written by `telemetry/traffic`, read by `planning/traffic` and `collision/traffic`.
 * - {@link PredictedRoutes}: per AGV its predicted arrival at each route node and its pose sampled every
 *   `sampleS` over the horizon; written by `planning/traffic`, read by `collision/traffic` and the view.
 *
 * @example
 *   const input = trafficInput(200, 48); // fresh buffers; trafficInput(200, 48, shared) for views on a shared one
 *   input.meta[META_COUNT] = 1; input.x[0] = 12; input.route[0 * 48] = 7; input.routeLen[0] = 1;
 */

/** Lane node index of a route node the scene does not know (neither by position nor by id). */
export const UNKNOWN_NODE = -1;

/** `TrafficInput.flags` bits. */
export const FLAG_PLACED = 1;
export const FLAG_STALE = 2;
export const FLAG_PAUSED = 4;
export const FLAG_DRIVING = 8;
export const FLAG_HAS_ORDER = 16;
/** The vehicle reports a FATAL or CRITICAL error: it will not move on its own. */
export const FLAG_FATAL = 32;
/** Its route was longer than the buffer's route capacity and was cut. */
export const FLAG_ROUTE_CUT = 64;
/**
 * The twin itself releases this AGV's horizon on schedule (an order the twin sent and keeps releasing, see
 * `telemetry/live/OrderKeeper`): its whole route is as good as released, so a meeting on it is firm.
 */
export const FLAG_COMMITTED = 128;
/** `TrafficInput.holdAt` where the AGV is not held. */
export const NO_HOLD = -1;

/**
 * Points of a vehicle's own near-term path kept per AGV (`TrafficInput.lead*`): 3.0's `intermediatePath` holds the
 * waypoints its sensors see ahead (a few), and a `plannedPath` NURBS is sampled at a few points per route node; a
 * longer path is cut there and the route nodes beyond it are driven as usual.
 */
export const LEAD_CAP = 32;
/** `TrafficInput.leadNode` of a lead point that is not a route node. */
export const NOT_A_NODE = -1;

/** `meta` slots of both layouts. */
export const META_COUNT = 0;
/** Source clock (s) the fleet was packed at. */
export const META_CLOCK_S = 1;
/** Bumped by each pack (input) or prediction (output), so a reader can tell a new round from an old one. */
export const META_ROUND = 2;
const META_LENGTH = 8;

/** Predicted routes only: the horizon (s), the sample period (s) and the samples per AGV. */
export const META_HORIZON_S = 3;
export const META_SAMPLE_S = 4;
export const META_SAMPLES = 5;

export interface TrafficInput {
  readonly capacity: number;
  /** Most route nodes kept per AGV. */
  readonly routeCap: number;
  readonly buffer: ArrayBufferLike;
  /** [count, clockS, round, …]. */
  readonly meta: Float64Array;
  /** Zone frame (east, north, m), heading (rad, counter-clockwise from east), ground speed (m/s). */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly heading: Float64Array;
  readonly speed: Float64Array;
  /** Source seconds the AGV has stood still (0 while it drives). */
  readonly standingS: Float64Array;
  readonly flags: Uint8Array;
  /** Lane node last passed (or stood on), or -1. */
  readonly lastNode: Int32Array;
  /** Route nodes ahead, and how many of them (from the first) are released. */
  readonly routeLen: Int32Array;
  readonly baseLen: Int32Array;
  /** `route[i * routeCap + k]`: the k-th lane node ahead of AGV i, or {@link UNKNOWN_NODE}. */
  readonly route: Int32Array;
  /**
   * A hold of a resolution proposal the operator sent: the master control releases nothing beyond route node
   * `holdAt[i]` (an index into the AGV's route) until source clock `holdUntilS[i]` (s), so the AGV stops there and
   * waits; {@link NO_HOLD} where it is not held.
   */
  readonly holdAt: Int32Array;
  readonly holdUntilS: Float64Array;
  /**
   * Seconds AGV i will still stand where it is before it sets off: the remaining time of a blocking action of its
   * order running at the node it stands on (0: none).
   */
  readonly departS: Float64Array;
  /**
   * `stopS[i * routeCap + k]`: seconds AGV i will stand at its k-th route node for its order's blocking actions
   * there (HARD or SOFT blocking: the vehicle stands while they run), summed; 0 where it drives through.
   */
  readonly stopS: Float32Array;
  /**
   * The vehicle's own path ahead, zone frame, from where it is: `leadLen[i]` points (at most {@link LEAD_CAP}) at
   * `leadX/leadY[i * LEAD_CAP + p]`. `leadS` is when the vehicle expects to reach the point, in seconds from the
   * packed instant (3.0 `intermediatePath` etas), NaN where its path gives no time (`plannedPath`): the timed
   * points come first, none after the first untimed one. `leadNode` is the route index (into `route`) of the node
   * a point lies on, or {@link NOT_A_NODE}; route nodes that lie on the path appear in order, and the route goes on
   * after the last of them.
   */
  readonly leadLen: Int32Array;
  readonly leadX: Float32Array;
  readonly leadY: Float32Array;
  readonly leadS: Float32Array;
  readonly leadNode: Int32Array;
}

export interface PredictedRoutes {
  readonly capacity: number;
  readonly routeCap: number;
  /** Samples per AGV: the horizon over the sample period, plus the sample at 0. */
  readonly samples: number;
  readonly buffer: ArrayBufferLike;
  /** [count, clockS of the input, round, horizonS, sampleS, samples, …]. */
  readonly meta: Float64Array;
  /** Seconds from the packed instant until the AGV leaves its base (Infinity when the whole route is released, 0 without a base). */
  readonly baseEndS: Float64Array;
  /** Seconds until the AGV reaches its route's last node (its ETA), NaN without a route. */
  readonly etaS: Float64Array;
  /** `nodeS[i * routeCap + k]`: seconds until AGV i reaches its k-th route node (NaN where it never does). */
  readonly nodeS: Float32Array;
  /** `px[i * samples + k]`: AGV i's pose at k × sampleS seconds from the packed instant (zone frame). */
  readonly px: Float32Array;
  readonly py: Float32Array;
  readonly heading: Float32Array;
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** Typed views cut one after another from the start of `b` (widest first keeps each aligned). */
function carver(b: ArrayBufferLike) {
  let at = 0;
  const cut =
    <A>(make: new (b: ArrayBufferLike, offset: number, length: number) => A, bytes: number) =>
    (n: number): A => {
      const v = new make(b, at, n);
      at += n * bytes;
      return v;
    };
  return { f64: cut(Float64Array, 8), f32: cut(Float32Array, 4), i32: cut(Int32Array, 4), u8: cut(Uint8Array, 1) };
}

/** Bytes of a {@link TrafficInput} buffer. */
export function trafficInputBytes(capacity: number, routeCap: number): number {
  return align8(META_LENGTH * 8 + 7 * capacity * 8 + (5 + 2 * routeCap + 4 * LEAD_CAP) * capacity * 4 + capacity);
}

/** Views of a traffic input on `buffer` (a fresh ArrayBuffer when absent); throws when the buffer is too small. */
export function trafficInput(capacity: number, routeCap: number, buffer?: ArrayBufferLike): TrafficInput {
  const bytes = trafficInputBytes(capacity, routeCap);
  const b = buffer ?? new ArrayBuffer(bytes);
  if (b.byteLength < bytes) throw new RangeError(`traffic input buffer of ${b.byteLength} bytes; ${capacity} AGVs × ${routeCap} nodes need ${bytes}`);
  const { f64, f32, i32, u8 } = carver(b);
  const meta = f64(META_LENGTH);
  const x = f64(capacity);
  const y = f64(capacity);
  const heading = f64(capacity);
  const speed = f64(capacity);
  const standingS = f64(capacity);
  const holdUntilS = f64(capacity);
  const departS = f64(capacity);
  const stopS = f32(capacity * routeCap);
  const leadX = f32(capacity * LEAD_CAP);
  const leadY = f32(capacity * LEAD_CAP);
  const leadS = f32(capacity * LEAD_CAP);
  const lastNode = i32(capacity);
  const routeLen = i32(capacity);
  const baseLen = i32(capacity);
  const route = i32(capacity * routeCap);
  const holdAt = i32(capacity);
  const leadLen = i32(capacity);
  const leadNode = i32(capacity * LEAD_CAP);
  const flags = u8(capacity);
  return {
    capacity,
    routeCap,
    buffer: b,
    meta,
    x,
    y,
    heading,
    speed,
    standingS,
    flags,
    lastNode,
    routeLen,
    baseLen,
    route,
    holdAt,
    holdUntilS,
    departS,
    stopS,
    leadLen,
    leadX,
    leadY,
    leadS,
    leadNode,
  };
}

/** Samples per AGV for a horizon and sample period. */
export function sampleCount(horizonS: number, sampleS: number): number {
  return Math.floor(horizonS / sampleS + 1e-9) + 1;
}

/** Bytes of a {@link PredictedRoutes} buffer. */
export function predictedRoutesBytes(capacity: number, routeCap: number, samples: number): number {
  return align8(META_LENGTH * 8 + 2 * capacity * 8 + capacity * routeCap * 4 + 3 * capacity * samples * 4);
}

/** Views of predicted routes on `buffer` (a fresh ArrayBuffer when absent); throws when the buffer is too small. */
export function predictedRoutes(capacity: number, routeCap: number, samples: number, buffer?: ArrayBufferLike): PredictedRoutes {
  const bytes = predictedRoutesBytes(capacity, routeCap, samples);
  const b = buffer ?? new ArrayBuffer(bytes);
  if (b.byteLength < bytes) throw new RangeError(`predicted routes buffer of ${b.byteLength} bytes; ${capacity} AGVs × ${samples} samples need ${bytes}`);
  const { f64, f32 } = carver(b);
  const meta = f64(META_LENGTH);
  const baseEndS = f64(capacity);
  const etaS = f64(capacity);
  const nodeS = f32(capacity * routeCap);
  const px = f32(capacity * samples);
  const py = f32(capacity * samples);
  const heading = f32(capacity * samples);
  return { capacity, routeCap, samples, buffer: b, meta, baseEndS, etaS, nodeS, px, py, heading };
}
