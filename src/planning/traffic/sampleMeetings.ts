import { META_SAMPLE_S, META_SAMPLES, type PredictedRoutes } from '../../domain/trafficFrame';

/** The AGV's footprint and the clearance two footprints must keep (m). */
export interface Footprint {
  readonly lengthM: number;
  readonly widthM: number;
  readonly clearanceM: number;
}

/** The earliest firm meeting a scan found: rows `p` < `q` of the routes, at sample `k`, around (x, y). */
export interface Meeting {
  p: number;
  q: number;
  k: number;
  x: number;
  y: number;
}

/**
 * Where predicted footprints meet, for the proposal planner's own check of a plan: a conservative stand-in for
 * the collision worker's test (the real check is the worker's next round). Each footprint is an oriented box
 * grown by half the clearance on every side, so two meet when their gap is under the clearance (corners count a
 * little more); two boxes are tested at every sample and halfway between samples, so that AGVs closing at twice
 * the top speed (14 m/s, 3.5 m a test) cannot pass through each other unseen.
 *
 * A meeting counts as the worker counts it: not for a pair that meets at sample 0 already (a near miss now, or
 * two parked side by side), and only while each AGV is firm, inside its released base (from the sample before)
 * or still standing where it stands now (moved at most `standingSpeedMps` × the sample period).
 *
 * @example
 *   const scan = new SampleMeetings({ lengthM: 15.6, widthM: 3, clearanceM: 1 }, 0.1, 200);
 *   scan.prepare(routes, count);
 *   const m = scan.earliest(routes, count, undefined, undefined); // m?.p, m?.q, m?.k
 */
export class SampleMeetings {
  private readonly hl: number;
  private readonly hw: number;
  /** Centres farther apart than this never meet. */
  private readonly reach: number;
  private minX: Float64Array;
  private minY: Float64Array;
  private maxX: Float64Array;
  private maxY: Float64Array;
  private firstMove: Int32Array;
  /** Farthest a row moves between two samples (m). */
  private maxStep: Float64Array;
  private readonly found: Meeting = { p: -1, q: -1, k: -1, x: 0, y: 0 };

  constructor(
    footprint: Footprint,
    private readonly standingSpeedMps: number,
    capacity: number,
  ) {
    this.hl = footprint.lengthM / 2 + footprint.clearanceM / 2;
    this.hw = footprint.widthM / 2 + footprint.clearanceM / 2;
    this.reach = 2 * Math.hypot(this.hl, this.hw);
    this.minX = new Float64Array(capacity);
    this.minY = new Float64Array(capacity);
    this.maxX = new Float64Array(capacity);
    this.maxY = new Float64Array(capacity);
    this.firstMove = new Int32Array(capacity);
    this.maxStep = new Float64Array(capacity);
  }

  /** Bounds and first moves of rows 0 … count − 1 of `routes`; call before {@link earliest} on them. */
  prepare(routes: PredictedRoutes, count: number): void {
    if (count > this.firstMove.length) {
      for (const name of ['minX', 'minY', 'maxX', 'maxY', 'maxStep'] as const) this[name] = new Float64Array(count);
      this.firstMove = new Int32Array(count);
    }
    const used = routes.meta[META_SAMPLES]!;
    const eps = this.standingSpeedMps * routes.meta[META_SAMPLE_S]!;
    const { px, py, samples } = routes;
    for (let r = 0; r < count; r++) {
      const o = r * samples;
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      let first = used;
      let step = 0;
      for (let k = 0; k < used; k++) {
        const x = px[o + k]!;
        const y = py[o + k]!;
        if (k > 0) step = Math.max(step, Math.hypot(x - px[o + k - 1]!, y - py[o + k - 1]!));
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
        if (first === used && Math.hypot(x - px[o]!, y - py[o]!) > eps) first = k;
      }
      this.minX[r] = x0;
      this.minY[r] = y0;
      this.maxX[r] = x1;
      this.maxY[r] = y1;
      this.firstMove[r] = first;
      this.maxStep[r] = step;
      if (used === 0 || Number.isNaN(px[o]!)) this.minX[r] = NaN;
    }
  }

  /**
   * The earliest firm meeting among rows 0 … count − 1 (prepared), skipping pairs marked in `ignore`
   * (`ignore[p * count + q]`, p < q); every pair found meeting is marked in `collect` when given.
   * Returns a meeting object reused by the next call, or undefined.
   */
  earliest(routes: PredictedRoutes, count: number, ignore: Uint8Array | undefined, collect: Uint8Array | undefined): Meeting | undefined {
    const used = routes.meta[META_SAMPLES]!;
    const reach = this.reach;
    let best = used;
    const f = this.found;
    for (let p = 0; p < count; p++) {
      if (Number.isNaN(this.minX[p]!)) continue;
      for (let q = p + 1; q < count; q++) {
        if (ignore?.[p * count + q] || Number.isNaN(this.minX[q]!)) continue;
        if (this.minX[q]! > this.maxX[p]! + reach || this.minX[p]! > this.maxX[q]! + reach) continue;
        if (this.minY[q]! > this.maxY[p]! + reach || this.minY[p]! > this.maxY[q]! + reach) continue;
        if (this.meetsAt(routes, p, q, 0, 1)) continue;
        const last = collect ? used : best;
        const step = this.maxStep[p]! + this.maxStep[q]!;
        for (let k = 1; k < last; k++) {
          // Far apart, they cannot meet before they have closed the gap at their top steps: skip those samples.
          const gap = this.distance(routes, p, q, k) - reach;
          if (gap > step) {
            if (step === 0) break;
            k += Math.floor(gap / step) - 1;
            continue;
          }
          if (!this.meetsAt(routes, p, q, k, 1) && !this.meetsAt(routes, p, q, k, 0.5)) continue;
          if (!this.firm(routes, p, k) || !this.firm(routes, q, k)) continue;
          if (collect) collect[p * count + q] = 1;
          if (k < best) {
            best = k;
            f.p = p;
            f.q = q;
            f.k = k;
            const o = p * routes.samples + k;
            const s = q * routes.samples + k;
            f.x = (routes.px[o]! + routes.px[s]!) / 2;
            f.y = (routes.py[o]! + routes.py[s]!) / 2;
          }
          break;
        }
      }
    }
    return best < used ? f : undefined;
  }

  /** The first sample ≥ 0 at which rows i and j meet, firm or not, or -1. */
  firstContact(routes: PredictedRoutes, i: number, j: number): number {
    const used = routes.meta[META_SAMPLES]!;
    for (let k = 0; k < used; k++) if (this.meetsAt(routes, i, j, k, 1) || (k > 0 && this.meetsAt(routes, i, j, k, 0.5))) return k;
    return -1;
  }

  private distance(routes: PredictedRoutes, i: number, j: number, k: number): number {
    const a = i * routes.samples + k;
    const b = j * routes.samples + k;
    return Math.hypot(routes.px[b]! - routes.px[a]!, routes.py[b]! - routes.py[a]!);
  }

  /** Inside its base at the sample before k, or not yet moved by k + 1. */
  private firm(routes: PredictedRoutes, r: number, k: number): boolean {
    return (k - 1) * routes.meta[META_SAMPLE_S]! <= routes.baseEndS[r]! || this.firstMove[r]! > k + 1;
  }

  /** Do rows i and j's grown boxes overlap at the pose `f` of the way from sample k − 1 to sample k? */
  private meetsAt(routes: PredictedRoutes, i: number, j: number, k: number, f: number): boolean {
    const { px, py, heading, samples } = routes;
    const a = i * samples + k;
    const b = j * samples + k;
    const ax = f === 1 ? px[a]! : px[a - 1]! + (px[a]! - px[a - 1]!) * f;
    const ay = f === 1 ? py[a]! : py[a - 1]! + (py[a]! - py[a - 1]!) * f;
    const bx = f === 1 ? px[b]! : px[b - 1]! + (px[b]! - px[b - 1]!) * f;
    const by = f === 1 ? py[b]! : py[b - 1]! + (py[b]! - py[b - 1]!) * f;
    const dx = bx - ax;
    const dy = by - ay;
    if (!(Math.hypot(dx, dy) < this.reach)) return false;
    return boxesOverlap(dx, dy, heading[a]!, heading[b]!, this.hl, this.hw);
  }
}

/** Separating-axis test of two equal boxes (half extents hl × hw) with headings ha, hb, centres (dx, dy) apart. */
function boxesOverlap(dx: number, dy: number, ha: number, hb: number, hl: number, hw: number): boolean {
  const ca = Math.cos(ha);
  const sa = Math.sin(ha);
  const cb = Math.cos(hb);
  const sb = Math.sin(hb);
  return (
    overlapsOn(ca, sa, dx, dy, ca, sa, cb, sb, hl, hw) &&
    overlapsOn(-sa, ca, dx, dy, ca, sa, cb, sb, hl, hw) &&
    overlapsOn(cb, sb, dx, dy, ca, sa, cb, sb, hl, hw) &&
    overlapsOn(-sb, cb, dx, dy, ca, sa, cb, sb, hl, hw)
  );
}

/** Do the two boxes' projections on the axis (ux, uy) overlap? */
function overlapsOn(ux: number, uy: number, dx: number, dy: number, ca: number, sa: number, cb: number, sb: number, hl: number, hw: number): boolean {
  const ra = hl * Math.abs(ca * ux + sa * uy) + hw * Math.abs(-sa * ux + ca * uy);
  const rb = hl * Math.abs(cb * ux + sb * uy) + hw * Math.abs(-sb * ux + cb * uy);
  return Math.abs(dx * ux + dy * uy) <= ra + rb;
}
