/**
 * Collision checks for one tick over every vehicle's oriented footprint. Broadphase: each footprint's swept
 * box over the horizon (its bounding box now and where its velocity takes it, grown by half the near-miss
 * clearance) goes into every cell of a dense uniform grid over this tick's extent that it covers (counting
 * sort, so a cell's entries lie side by side with copies of their boxes); two vehicles are candidates when
 * their swept boxes overlap in a shared cell, judged only in the cell holding the low corner of the two boxes'
 * intersection, so never twice. Narrowphase: {@link classifyPair}, exact separating-axis tests. Buffers grow
 * only when a tick needs more room than any before.
 *
 * @example
 *   const checker = new CollisionChecker(1000, { horizonS: 3, nearMissClearanceM: 1 });
 *   const events = checker.check(boxes); // events.count, events.a[k], events.b[k], events.kind[k], events.ttc[k]
 */
import { prepareBoxes, type BoxSet } from './boxSet';
import { classifyPair, lastTtc, NONE, PREDICTED, type CollisionParams } from './classifyPair';
import { collisionEvents, pushEvent, type CollisionEvents } from './collisionEvents';

/** Grid cells allowed per vehicle: bounds the grid's memory when vehicles are spread over a huge area. */
const CELLS_PER_VEHICLE = 4;

export class CollisionChecker {
  readonly events: CollisionEvents;
  private readonly minX: Float64Array;
  private readonly minY: Float64Array;
  private readonly maxX: Float64Array;
  private readonly maxY: Float64Array;
  private readonly start: Int32Array;
  /** Per insertion: its cell, then (after sorting by cell) its vehicle and a copy of its swept box. */
  private cellOf = new Int32Array(0);
  private item = new Int32Array(0);
  private box = new Float64Array(0);
  private grid = { x0: 0, y0: 0, inv: 1, cols: 1, rows: 1 };

  constructor(
    readonly capacity: number,
    readonly params: CollisionParams,
    maxEvents = capacity * 4,
  ) {
    this.minX = new Float64Array(capacity);
    this.minY = new Float64Array(capacity);
    this.maxX = new Float64Array(capacity);
    this.maxY = new Float64Array(capacity);
    this.start = new Int32Array(capacity * CELLS_PER_VEHICLE + 2);
    this.ensure(capacity * 4);
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
    prepareBoxes(boxes);
    this.sweptBoxes(boxes);
    this.fillGrid(n);
    const { item, box, start } = this;
    const { x0, y0, inv, cols, rows } = this.grid;
    const cells = cols * rows;
    for (let c = 0; c < cells; c++) {
      const end = start[c + 1]!;
      const first = start[c]!;
      if (end - first < 2) continue;
      const cx = c % cols;
      const cy = (c - cx) / cols;
      for (let p = first; p < end; p++) {
        const pa = p * 4;
        const aMinX = box[pa]!;
        const aMinY = box[pa + 1]!;
        const aMaxX = box[pa + 2]!;
        const aMaxY = box[pa + 3]!;
        for (let q = p + 1; q < end; q++) {
          const qb = q * 4;
          const lx = aMinX > box[qb]! ? aMinX : box[qb]!;
          const ly = aMinY > box[qb + 1]! ? aMinY : box[qb + 1]!;
          if (lx > (aMaxX < box[qb + 2]! ? aMaxX : box[qb + 2]!) || ly > (aMaxY < box[qb + 3]! ? aMaxY : box[qb + 3]!)) continue;
          if (Math.floor((lx - x0) * inv) !== cx || Math.floor((ly - y0) * inv) !== cy) continue;
          const a = item[p]!;
          const b = item[q]!;
          const i = a < b ? a : b;
          const j = a < b ? b : a;
          const kind = classifyPair(boxes, i, j, this.params);
          if (kind !== NONE) pushEvent(out, i, j, kind, kind === PREDICTED ? lastTtc[0]! : 0);
        }
      }
    }
    return out;
  }

  /** Swept, inflated bounding boxes, and a grid over their extent with cells of about their mean size. */
  private sweptBoxes(b: BoxSet): void {
    const grow = this.params.nearMissClearanceM / 2;
    const h = this.params.horizonS;
    let extent = 0;
    let gx0 = Infinity;
    let gy0 = Infinity;
    let gx1 = -Infinity;
    let gy1 = -Infinity;
    for (let i = 0; i < b.count; i++) {
      const c = Math.abs(b.cos[i]!);
      const s = Math.abs(b.sin[i]!);
      // Bounding box of the footprint grown by `grow` on every side (as the near-miss test grows it).
      const ex = c * (b.halfLength[i]! + grow) + s * (b.halfWidth[i]! + grow);
      const ey = s * (b.halfLength[i]! + grow) + c * (b.halfWidth[i]! + grow);
      const x0 = b.x[i]!;
      const y0 = b.y[i]!;
      const x1 = x0 + b.vx[i]! * h;
      const y1 = y0 + b.vy[i]! * h;
      const minX = (x0 < x1 ? x0 : x1) - ex;
      const maxX = (x0 < x1 ? x1 : x0) + ex;
      const minY = (y0 < y1 ? y0 : y1) - ey;
      const maxY = (y0 < y1 ? y1 : y0) + ey;
      this.minX[i] = minX;
      this.maxX[i] = maxX;
      this.minY[i] = minY;
      this.maxY[i] = maxY;
      if (minX < gx0) gx0 = minX;
      if (minY < gy0) gy0 = minY;
      if (maxX > gx1) gx1 = maxX;
      if (maxY > gy1) gy1 = maxY;
      extent += maxX - minX + maxY - minY;
    }
    // Cells index by multiplying with the inverse size (no division per lookup); every lookup uses `inv`.
    let inv = 1 / Math.max(extent / (2 * b.count), 1e-3);
    const limit = this.start.length - 2;
    const dims = (k: number) => (Math.floor((gx1 - gx0) * k) + 1) * (Math.floor((gy1 - gy0) * k) + 1);
    while (dims(inv) > limit) inv /= 1.5;
    const g = this.grid;
    g.x0 = gx0;
    g.y0 = gy0;
    g.inv = inv;
    g.cols = Math.floor((gx1 - gx0) * inv) + 1;
    g.rows = Math.floor((gy1 - gy0) * inv) + 1;
  }

  /** Counting sort of (vehicle, cell) insertions by cell, with each insertion's swept box beside it. */
  private fillGrid(n: number): void {
    const { minX, minY, maxX, maxY, start } = this;
    const { x0, y0, inv, cols, rows } = this.grid;
    let total = 0;
    for (let i = 0; i < n; i++) {
      total +=
        (Math.floor((maxX[i]! - x0) * inv) - Math.floor((minX[i]! - x0) * inv) + 1) *
        (Math.floor((maxY[i]! - y0) * inv) - Math.floor((minY[i]! - y0) * inv) + 1);
    }
    this.ensure(total);
    const { cellOf, item, box } = this;
    const cells = cols * rows;
    start.fill(0, 0, cells + 1);
    // First pass: count per cell (start[c + 1]), remembering each insertion's cell in visiting order.
    let k = 0;
    for (let i = 0; i < n; i++) {
      const ix0 = Math.floor((minX[i]! - x0) * inv);
      const ix1 = Math.floor((maxX[i]! - x0) * inv);
      const iy0 = Math.floor((minY[i]! - y0) * inv);
      const iy1 = Math.floor((maxY[i]! - y0) * inv);
      for (let iy = iy0; iy <= iy1; iy++) {
        for (let ix = ix0; ix <= ix1; ix++) {
          const c = ix + iy * cols;
          cellOf[k++] = c;
          start[c + 1]!++;
        }
      }
    }
    for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
    // Second pass, same visiting order: place each insertion at its cell's next free slot.
    k = 0;
    for (let i = 0; i < n; i++) {
      const nx = Math.floor((maxX[i]! - x0) * inv) - Math.floor((minX[i]! - x0) * inv) + 1;
      const ny = Math.floor((maxY[i]! - y0) * inv) - Math.floor((minY[i]! - y0) * inv) + 1;
      for (let m = nx * ny; m > 0; m--) {
        const slot = start[cellOf[k++]!]!++;
        item[slot] = i;
        box[slot * 4] = minX[i]!;
        box[slot * 4 + 1] = minY[i]!;
        box[slot * 4 + 2] = maxX[i]!;
        box[slot * 4 + 3] = maxY[i]!;
      }
    }
    for (let c = cells; c > 0; c--) start[c] = start[c - 1]!;
    start[0] = 0;
  }

  private ensure(insertions: number): void {
    if (this.item.length >= insertions) return;
    const size = Math.max(insertions, this.item.length * 2);
    this.cellOf = new Int32Array(size);
    this.item = new Int32Array(size);
    this.box = new Float64Array(size * 4);
  }
}
