/** The AGV's motion figures (the values of `scene.fleet.agv`). */
export interface AgvKinematics {
  readonly maxSpeedMps: number;
  readonly accelerationMps2: number;
  readonly decelerationMps2: number;
}

/** Phases (constant acceleration) per segment: braking to the segment's limit, accelerating, cruising, braking. */
const PHASES_PER_SEGMENT = 4;

/**
 * Time-parameterises a polyline of straight segments driven from a start speed to rest at its last point: the
 * classic two passes over the point speeds. Backwards, a point's speed is at most what braking at the deceleration
 * allows before the next point (v² ≤ v_next² + 2·dec·len) and never above the limit of a segment it enters or
 * leaves; forwards, at most what accelerating from the previous point allows. Within each segment the AGV then
 * accelerates, cruises at min(segment limit, max speed) and brakes (a trapezoid, or a triangle on a short segment).
 *
 * Assumptions: a start speed above the first segment's limit is braked at the deceleration from the start point
 * on (the AGV runs over the limit for those metres); a start speed from which braking at the deceleration cannot
 * meet the next point's speed is taken as that highest speed instead (the AGV brakes harder, or its reported speed
 * was off). A negative or unknown (NaN) start speed is 0.
 *
 * Allocation-free: every array is sized once for `capacity` points; fill `x`, `y` and `limitMps`, then `plan`.
 *
 * @example
 *   const profile = new SpeedProfile(8, { maxSpeedMps: 5, accelerationMps2: 1, decelerationMps2: 2 });
 *   profile.x[0] = 0; profile.y[0] = 0; profile.x[1] = 100; profile.y[1] = 0; profile.limitMps[0] = 10;
 *   profile.plan(2, 0, 0); // 5 s to 5 m/s, 81.25 m at 5 m/s, 2.5 s braking: profile.arrivalS[1] is 23.75
 *   profile.at(10); // profile.atX is 37.5
 */
export class SpeedProfile {
  readonly capacity: number;
  /** Points of the polyline (m); `limitMps[k]` is the speed limit of the segment from point k to point k + 1. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly limitMps: Float64Array;
  /** After `plan`: seconds from the start until each point is reached, and the speed there. */
  readonly arrivalS: Float64Array;
  readonly speedMps: Float64Array;
  /** After `at`: the pose then (heading in radians, counter-clockwise from east). */
  atX = 0;
  atY = 0;
  atHeading = 0;

  private readonly maxSpeed: number;
  private readonly acc: number;
  private readonly dec: number;
  private readonly startM: Float64Array;
  private readonly lengthM: Float64Array;
  /** Heading of each segment; a zero-length one keeps the heading before it. */
  private readonly segHeading: Float64Array;
  private readonly phaseT: Float64Array;
  private readonly phaseS: Float64Array;
  private readonly phaseV: Float64Array;
  private readonly phaseA: Float64Array;
  private readonly phaseSeg: Int32Array;
  private phases = 0;
  /** Phase the last `at` fell in. */
  private cursor = 0;
  private points = 0;
  private endHeading = 0;

  constructor(capacity: number, agv: AgvKinematics) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`SpeedProfile: capacity must be a whole number ≥ 1, got ${capacity}`);
    for (const name of ['maxSpeedMps', 'accelerationMps2', 'decelerationMps2'] as const) {
      const value = agv[name];
      if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`SpeedProfile: ${name} must be a positive number, got ${value}`);
    }
    this.capacity = capacity;
    this.maxSpeed = agv.maxSpeedMps;
    this.acc = agv.accelerationMps2;
    this.dec = agv.decelerationMps2;
    this.x = new Float64Array(capacity);
    this.y = new Float64Array(capacity);
    this.limitMps = new Float64Array(capacity);
    this.arrivalS = new Float64Array(capacity);
    this.speedMps = new Float64Array(capacity);
    this.startM = new Float64Array(capacity);
    this.lengthM = new Float64Array(capacity);
    this.segHeading = new Float64Array(capacity);
    const phaseCap = PHASES_PER_SEGMENT * capacity;
    this.phaseT = new Float64Array(phaseCap);
    this.phaseS = new Float64Array(phaseCap);
    this.phaseV = new Float64Array(phaseCap);
    this.phaseA = new Float64Array(phaseCap);
    this.phaseSeg = new Int32Array(phaseCap);
  }

  /** Seconds from the start until the AGV stands at the last point. */
  get durationS(): number {
    return this.points > 0 ? this.arrivalS[this.points - 1]! : 0;
  }

  /**
   * Plans the drive over the first `n` points from speed `v0Mps` at point 0; `heading0` is the heading while no
   * segment with length has been driven (a polyline of one point, or zero-length segments first).
   */
  plan(n: number, v0Mps: number, heading0: number): void {
    if (!Number.isInteger(n) || n < 1 || n > this.capacity) throw new RangeError(`SpeedProfile.plan: ${n} points, capacity ${this.capacity}`);
    const { x, y, limitMps, lengthM, startM, segHeading, speedMps: v, acc, dec } = this;
    let at = 0;
    let heading = heading0;
    for (let k = 0; k < n - 1; k++) {
      const limit = limitMps[k]!;
      if (!(limit > 0)) throw new RangeError(`SpeedProfile.plan: segment ${k} has speed limit ${limit}; it must be positive`);
      const dx = x[k + 1]! - x[k]!;
      const dy = y[k + 1]! - y[k]!;
      const len = Math.hypot(dx, dy);
      if (!Number.isFinite(len)) throw new RangeError(`SpeedProfile.plan: point ${k} or ${k + 1} is not a finite position`);
      if (len > 0) heading = Math.atan2(dy, dx);
      lengthM[k] = len;
      startM[k] = at;
      segHeading[k] = heading;
      at += len;
    }
    startM[n - 1] = at;
    this.endHeading = heading;
    this.points = n;

    v[n - 1] = 0;
    for (let k = n - 2; k >= 1; k--) {
      v[k] = Math.min(this.cap(k - 1), this.cap(k), Math.sqrt(v[k + 1]! ** 2 + 2 * dec * lengthM[k]!));
    }
    const v0 = v0Mps > 0 ? v0Mps : 0;
    v[0] = n > 1 ? Math.min(v0, Math.sqrt(v[1]! ** 2 + 2 * dec * lengthM[0]!)) : 0;
    for (let k = 0; k < n - 1; k++) v[k + 1] = Math.min(v[k + 1]!, Math.sqrt(v[k]! ** 2 + 2 * acc * lengthM[k]!));

    this.phases = 0;
    this.cursor = 0;
    let t = 0;
    for (let k = 0; k < n - 1; k++) {
      this.arrivalS[k] = t;
      t = this.segment(k, t);
    }
    this.arrivalS[n - 1] = t;
  }

  /** Puts the pose at `tS` seconds from the start into `atX`, `atY`, `atHeading`; returns the distance driven (m). */
  at(tS: number): number {
    if (this.points === 0) throw new Error('SpeedProfile.at: plan a polyline first');
    const last = this.points - 1;
    if (this.phases === 0 || !(tS < this.durationS)) {
      this.atX = this.x[last]!;
      this.atY = this.y[last]!;
      this.atHeading = this.endHeading;
      return this.startM[last]!;
    }
    // Samples come in time order, so walk on from the last phase found; search only when asked to go back.
    let lo = this.cursor;
    if (this.phaseT[lo]! <= tS) {
      while (lo + 1 < this.phases && this.phaseT[lo + 1]! <= tS) lo++;
    } else {
      let hi = lo - 1;
      lo = 0;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.phaseT[mid]! <= tS) lo = mid;
        else hi = mid - 1;
      }
    }
    this.cursor = lo;
    const dt = Math.max(0, tS - this.phaseT[lo]!);
    const k = this.phaseSeg[lo]!;
    const start = this.startM[k]!;
    const len = this.lengthM[k]!;
    const s = Math.min(start + len, Math.max(start, this.phaseS[lo]! + this.phaseV[lo]! * dt + 0.5 * this.phaseA[lo]! * dt * dt));
    const f = (s - start) / len;
    this.atX = this.x[k]! + f * (this.x[k + 1]! - this.x[k]!);
    this.atY = this.y[k]! + f * (this.y[k + 1]! - this.y[k]!);
    this.atHeading = this.segHeading[k]!;
    return s;
  }

  /** Speed cap of segment k: its limit or the AGV's max speed, the lower. */
  private cap(k: number): number {
    return Math.min(this.limitMps[k]!, this.maxSpeed);
  }

  /** Adds segment k's phases from time `t`; returns the time it ends. */
  private segment(k: number, t: number): number {
    const { acc, dec } = this;
    const c = this.cap(k);
    const vb = this.speedMps[k + 1]!;
    let va = this.speedMps[k]!;
    let s = this.startM[k]!;
    let len = this.lengthM[k]!;
    if (va > c) {
      const brakeM = (va * va - c * c) / (2 * dec);
      t = this.push(k, t, s, va, -dec, (va - c) / dec);
      s += brakeM;
      len = Math.max(0, len - brakeM);
      va = c;
    }
    const peak = Math.max(va, vb, Math.min(c, Math.sqrt((2 * acc * dec * len + dec * va * va + acc * vb * vb) / (acc + dec))));
    const accM = (peak * peak - va * va) / (2 * acc);
    const decM = (peak * peak - vb * vb) / (2 * dec);
    const cruiseM = Math.max(0, len - accM - decM);
    t = this.push(k, t, s, va, acc, (peak - va) / acc);
    s += accM;
    t = this.push(k, t, s, peak, 0, peak > 0 ? cruiseM / peak : 0);
    s += cruiseM;
    return this.push(k, t, s, peak, -dec, (peak - vb) / dec);
  }

  private push(k: number, t: number, s: number, v: number, a: number, durationS: number): number {
    if (!(durationS > 0)) return t;
    const p = this.phases++;
    this.phaseT[p] = t;
    this.phaseS[p] = s;
    this.phaseV[p] = v;
    this.phaseA[p] = a;
    this.phaseSeg[p] = k;
    return t + durationS;
  }
}
