/**
 * Collision checks for one tick over every vehicle's oriented footprint. Broadphase: each footprint's swept
 * box over the horizon (the bounding box of the footprint now, grown by half the near-miss clearance as the
 * near-miss test grows it, and of the footprint not grown along its path, as the swept test judges it) is
 * keyed by the row of its low y edge (rows as tall as the tallest box, so two boxes that overlap lie in the
 * same or adjacent rows) and the column of its low x edge (columns narrow, so a key range bounds an x range).
 * One counting sort by key orders the vehicles by row, then by low x edge, and copies the swept boxes into
 * that order, so the box tests walk memory forwards (copying the footprints too, for the narrowphase, measured
 * no faster at 10,000 vehicles, twice). A box then meets only three runs of sorted entries: later entries of
 * its own row whose low x edge is at most its high x edge, entries of the row above starting in its own column
 * or later (only if its top reaches that row), and entries of the row below starting after its own column.
 * Each overlapping pair is met exactly once, with no cell deduplication (the dense grid this replaces made
 * 39,000 cell insertions at 10,000 vehicles and deduplicated each overlap by its cell). Narrowphase:
 * {@link classifyPair}, exact separating-axis tests on footprint records (`RECORD` in boxSet.ts) written while
 * the swept boxes are made.
 *
 * Counts in the bench scenes at 10,000 vehicles, uniform / lane traffic (8,132 / 10,555 events): box tests
 * 68,049 / 68,030 with boxes grown all along their path and every row above scanned, 51,237 / 59,068 now (the
 * footprint grown only where it stands; the row above skipped 4,900 times in 10,000 in the uniform scene, by
 * boxes whose top stays in their own row); box overlaps judged by classifyPair 18,071 / 35,711 before, 16,875
 * / 31,629 now. The box test looks at y first: in x-first order, 36,270 of the uniform scene's 68,049 tests
 * passed on x only to fail on y, and 13,708 failed on x. Median ms per check on the bench machine (2 shared
 * cores, busy; fresh processes alternating, 300 ticks each, every heading changing each tick): 3.33 / 3.36
 * before, 3.08 / 3.09 after; in a busier hour 3.69 / 3.62 before, 3.61 / 3.38 after. Of the 3.3 before (CPU
 * profile, uniform): cos and sin 0.21, the rest of the swept boxes and records 0.45, the sort 0.26, the row
 * scan 1.13, the pair tests 1.08.
 *
 * Measured and dropped (same machine, 10,000 vehicles): a relative-motion filter in front of classifyPair
 * (on x, y, x + y and x − y the centre offset sweeps a segment over the horizon, which must come within the
 * two grown footprints' half extents) passes 11,130 / 20,656 of the 18,071 / 35,711 overlaps, but costs 28 to
 * 35 ns a pair, about what it saves (3.6 ms a check with it in the scan; inside classifyPair in place of its
 * bounding circle, no change); the records and those extents copied into sorted order (the sort 0.27 → 0.79
 * ms, the scan no faster); columns a quarter of the mean box width with 4 buckets a vehicle, and `| 0` for
 * `Math.floor` in the keys: no change beyond the noise. A bounding-circle closest-approach reject rejects 23%
 * of the uniform overlaps but costs about what it saves. Reusing last tick's order or candidate pairs was not
 * tried: the sort is 0.27 ms in all, and reused pairs would make a tick cheaper only while vehicles stay put.
 *
 * Cos and sin of each heading are kept with the heading they were computed for and recomputed only when it
 * changes: the same numbers, so the same events, and 0.29 ms fewer at 10,000 vehicles whose headings hold
 * from one tick to the next (parked, or on a straight lane); when every heading changes the check costs that
 * much more.
 *
 * @example
 *   const checker = new CollisionChecker(1000, { horizonS: 3, nearMissClearanceM: 1 });
 *   const events = checker.check(boxes); // events.count, events.a[k], events.b[k], events.kind[k], events.ttc[k]
 */
import { RECORD, writeRecord, type BoxSet } from './boxSet';
import { classifyPair, lastTtc, NONE, PREDICTED, type CollisionParams } from './classifyPair';
import { collisionEvents, pushEvent, type CollisionEvents } from './collisionEvents';

/** Sort buckets per vehicle: bounds the counting sort's memory and its per-tick prefix sum over buckets. */
const BUCKETS_PER_VEHICLE = 2;

/**
 * Spare room on each side of a swept box (m), so that rounding never leaves out a pair {@link classifyPair}
 * judges to meet: a micrometre is thousands of times the rounding error of the few operations on coordinates
 * of hundreds of kilometres (3e-11 m at 2e5 m), and far too little to add candidates.
 */
const SLACK_M = 1e-6;

export class CollisionChecker {
  readonly events: CollisionEvents;
  /** Swept boxes in the caller's order, and each vehicle's sort key (row × cols + column of its low x edge). */
  private readonly minX: Float64Array;
  private readonly minY: Float64Array;
  private readonly maxX: Float64Array;
  private readonly maxY: Float64Array;
  private readonly key: Int32Array;
  /** Sorted order: each slot's index in the caller's set, its swept box, and its low and high x columns. */
  private readonly index: Int32Array;
  private readonly sMinX: Float64Array;
  private readonly sMinY: Float64Array;
  private readonly sMaxX: Float64Array;
  private readonly sMaxY: Float64Array;
  private readonly sCol0: Int32Array;
  private readonly sCol1: Int32Array;
  /** Cos and sin of each heading, in the caller's order, and the heading they were computed for. */
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly trigOf: Float64Array;
  /** Each vehicle's footprint record ({@link RECORD}), in the caller's order: what the narrowphase reads. */
  private readonly records: Float64Array;
  /** First slot of each bucket (key), after the sort. */
  private readonly start: Int32Array;
  private rows = 1;
  private cols = 1;
  private x0 = 0;
  private invW = 1;
  private y0 = 0;
  private invH = 1;

  constructor(
    readonly capacity: number,
    readonly params: CollisionParams,
    maxEvents = capacity * 4,
  ) {
    this.minX = new Float64Array(capacity);
    this.minY = new Float64Array(capacity);
    this.maxX = new Float64Array(capacity);
    this.maxY = new Float64Array(capacity);
    this.key = new Int32Array(capacity);
    this.index = new Int32Array(capacity);
    this.sMinX = new Float64Array(capacity);
    this.sMinY = new Float64Array(capacity);
    this.sMaxX = new Float64Array(capacity);
    this.sMaxY = new Float64Array(capacity);
    this.sCol0 = new Int32Array(capacity);
    this.sCol1 = new Int32Array(capacity);
    this.cos = new Float64Array(capacity);
    this.sin = new Float64Array(capacity);
    this.trigOf = new Float64Array(capacity).fill(Number.NaN);
    this.records = new Float64Array(capacity * RECORD);
    this.start = new Int32Array(capacity * BUCKETS_PER_VEHICLE + 4);
    this.events = collisionEvents(maxEvents);
  }

  /** Finds every contact, near miss and predicted contact among `boxes` (count ≤ capacity). */
  check(boxes: BoxSet): CollisionEvents {
    const n = boxes.count;
    if (n > this.capacity) throw new RangeError(`${n} vehicles exceed the checker's capacity of ${this.capacity}`);
    const out = this.events;
    out.count = 0;
    out.dropped = 0;
    if (n < 2) return out;
    this.sweptBoxes(boxes);
    this.sort(boxes);
    const { rows, cols, start, sCol0, sCol1, sMaxY, y0, invH } = this;
    for (let r = 0; r < rows; r++) {
      const row = r * cols;
      const rowEnd = start[row + cols]!;
      for (let p = start[row]!; p < rowEnd; p++) {
        const c0 = sCol0[p]!;
        const c1 = sCol1[p]! + 1;
        this.meet(p, p + 1, start[row + c1]!);
        // A box whose top lies below the row above (in the keying's own arithmetic) meets nothing there.
        if (r + 1 < rows && (sMaxY[p]! - y0) * invH >= r + 1) {
          this.meet(p, start[row + cols + c0]!, start[row + cols + c1]!);
        }
        if (r > 0) this.meet(p, start[row - cols + c0 + 1]!, start[row - cols + c1]!);
      }
    }
    return out;
  }

  /** Judges slot p against slots [from, to) whose swept boxes overlap its own. */
  private meet(p: number, from: number, to: number): void {
    const { sMinX, sMinY, sMaxX, sMaxY, index, records, params } = this;
    const ip = index[p]!;
    const aMinX = sMinX[p]!;
    const aMinY = sMinY[p]!;
    const aMaxX = sMaxX[p]!;
    const aMaxY = sMaxY[p]!;
    for (let q = from; q < to; q++) {
      if (sMinY[q]! > aMaxY || sMaxY[q]! < aMinY || sMinX[q]! > aMaxX || sMaxX[q]! < aMinX) continue;
      const iq = index[q]!;
      const i = ip < iq ? ip : iq;
      const j = ip < iq ? iq : ip;
      const kind = classifyPair(records, i * RECORD, j * RECORD, params);
      if (kind !== NONE) pushEvent(this.events, i, j, kind, kind === PREDICTED ? lastTtc[0]! : 0);
    }
  }

  /** Swept, inflated bounding boxes, the rows and columns their low corners are keyed by, and the records. */
  private sweptBoxes(b: BoxSet): void {
    const grow = this.params.nearMissClearanceM / 2;
    const h = this.params.horizonS;
    const { minX, minY, maxX, maxY, key, records, cos, sin, trigOf } = this;
    let extentX = 0;
    let tallest = 0;
    let gx0 = Infinity;
    let gy0 = Infinity;
    let gx1 = -Infinity;
    let gy1 = -Infinity;
    const n = b.count;
    for (let i = 0; i < n; i++) {
      const heading = b.heading[i]!;
      if (heading !== trigOf[i]) {
        trigOf[i] = heading;
        cos[i] = Math.cos(heading);
        sin[i] = Math.sin(heading);
      }
      const hc = cos[i]!;
      const hs = sin[i]!;
      writeRecord(b, i, hc, hs, records, i);
      const c = Math.abs(hc);
      const s = Math.abs(hs);
      // Bounding boxes of the footprint now, grown by `grow` on every side (as the near-miss test grows it: it
      // holds the grown box's corners, so two grown boxes meeting corner to corner share a swept box too), and
      // of the footprint not grown along its path (the swept test does not grow it), each with SLACK_M to spare.
      const l = b.halfLength[i]!;
      const w = b.halfWidth[i]!;
      const ex = c * l + s * w + SLACK_M;
      const ey = s * l + c * w + SLACK_M;
      const gex = ex + grow * (c + s);
      const gey = ey + grow * (c + s);
      const x0 = b.x[i]!;
      const y0 = b.y[i]!;
      const x1 = x0 + b.vx[i]! * h;
      const y1 = y0 + b.vy[i]! * h;
      const lx = x0 < x1 || x0 - gex < x1 - ex ? x0 - gex : x1 - ex;
      const hx = x0 > x1 || x0 + gex > x1 + ex ? x0 + gex : x1 + ex;
      const ly = y0 < y1 || y0 - gey < y1 - ey ? y0 - gey : y1 - ey;
      const hy = y0 > y1 || y0 + gey > y1 + ey ? y0 + gey : y1 + ey;
      minX[i] = lx;
      maxX[i] = hx;
      minY[i] = ly;
      maxY[i] = hy;
      if (lx < gx0) gx0 = lx;
      if (ly < gy0) gy0 = ly;
      if (hx > gx1) gx1 = hx;
      if (hy > gy1) gy1 = hy;
      extentX += hx - lx;
      if (hy - ly > tallest) tallest = hy - ly;
    }
    // Rows at least as tall as the tallest box; columns half the mean box width; fewer of either when the
    // buckets would outnumber BUCKETS_PER_VEHICLE per vehicle (vehicles spread over a huge area).
    const buckets = this.start.length - 2;
    let invH = 1 / Math.max(tallest, 1e-3);
    while (Math.floor((gy1 - gy0) * invH) + 1 > buckets) invH /= 1.5;
    const rows = Math.floor((gy1 - gy0) * invH) + 1;
    let invW = 1 / Math.max(extentX / (2 * n), 1e-3);
    while ((Math.floor((gx1 - gx0) * invW) + 1) * rows > buckets) invW /= 1.5;
    const cols = Math.floor((gx1 - gx0) * invW) + 1;
    for (let i = 0; i < n; i++) {
      key[i] = Math.floor((minY[i]! - gy0) * invH) * cols + Math.floor((minX[i]! - gx0) * invW);
    }
    this.rows = rows;
    this.cols = cols;
    this.x0 = gx0;
    this.invW = invW;
    this.y0 = gy0;
    this.invH = invH;
  }

  /** Counting sort by key; copies each vehicle's swept box and columns to its sorted slot. */
  private sort(b: BoxSet): void {
    const { minX, minY, maxX, maxY, key, start, index, sMinX, sMinY, sMaxX, sMaxY, sCol0, sCol1, cols } = this;
    const n = b.count;
    const buckets = this.rows * cols;
    start.fill(0, 0, buckets + 2);
    for (let i = 0; i < n; i++) start[key[i]! + 2]!++;
    for (let k = 2; k < buckets + 2; k++) start[k]! += start[k - 1]!;
    // start[k + 1] is now bucket k's first slot; placing advances it, leaving start[k] as bucket k's first.
    for (let i = 0; i < n; i++) index[start[key[i]! + 1]!++] = i;
    const { x0, invW } = this;
    for (let s = 0; s < n; s++) {
      const i = index[s]!;
      sMinX[s] = minX[i]!;
      sMinY[s] = minY[i]!;
      sMaxX[s] = maxX[i]!;
      sMaxY[s] = maxY[i]!;
      sCol0[s] = Math.floor((minX[i]! - x0) * invW);
      sCol1[s] = Math.floor((maxX[i]! - x0) * invW);
    }
  }
}
