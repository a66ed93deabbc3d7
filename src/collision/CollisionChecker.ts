/**
 * Collision checks for one tick over every vehicle's oriented footprint. Broadphase: each footprint's swept
 * box over the horizon (its bounding box now and where its velocity takes it, grown by half the near-miss
 * clearance) goes into every cell of a uniform grid it covers (cells hashed into a table, counting sort); two
 * vehicles are candidates when their swept boxes share a cell, and a pair is judged only in the cell holding
 * the low corner of the two boxes' intersection, so never twice. Narrowphase: {@link classifyPair}, exact
 * separating-axis tests. Buffers grow only when a tick needs more room than any before.
 *
 * @example
 *   const checker = new CollisionChecker(1000, { horizonS: 3, nearMissClearanceM: 1 });
 *   const events = checker.check(boxes); // events.count, events.a[k], events.b[k], events.kind[k], events.ttc[k]
 */
import { prepareBoxes, type BoxSet } from './boxSet';
import { classifyPair, lastTtc, NONE, PREDICTED, type CollisionParams } from './classifyPair';
import { collisionEvents, pushEvent, type CollisionEvents } from './collisionEvents';

const hashCell = (ix: number, iy: number, mask: number) => (Math.imul(ix, 73856093) ^ Math.imul(iy, 19349663)) & mask;

export class CollisionChecker {
  readonly events: CollisionEvents;
  private readonly minX: Float64Array;
  private readonly minY: Float64Array;
  private readonly maxX: Float64Array;
  private readonly maxY: Float64Array;
  private readonly start: Int32Array;
  private readonly mask: number;
  private items: Int32Array;
  private itemCellX: Int32Array;
  private itemCellY: Int32Array;
  private itemBucket: Int32Array;

  constructor(
    readonly capacity: number,
    readonly params: CollisionParams,
    maxEvents = capacity * 4,
  ) {
    let size = 1;
    while (size < capacity * 4) size <<= 1;
    this.mask = size - 1;
    this.minX = new Float64Array(capacity);
    this.minY = new Float64Array(capacity);
    this.maxX = new Float64Array(capacity);
    this.maxY = new Float64Array(capacity);
    this.start = new Int32Array(size + 1);
    this.items = new Int32Array(capacity * 4);
    this.itemCellX = new Int32Array(capacity * 4);
    this.itemCellY = new Int32Array(capacity * 4);
    this.itemBucket = new Int32Array(capacity * 4);
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
    const cell = this.sweptBoxes(boxes);
    this.fillGrid(n, cell);
    const { items, itemCellX, itemCellY, start, minX, minY, maxX, maxY, mask } = this;

    for (let h = 0; h <= mask; h++) {
      const end = start[h + 1]!;
      for (let p = start[h]!; p < end; p++) {
        const a = items[p]!;
        const cx = itemCellX[p]!;
        const cy = itemCellY[p]!;
        for (let q = p + 1; q < end; q++) {
          if (itemCellX[q] !== cx || itemCellY[q] !== cy) continue;
          const b = items[q]!;
          const lx = minX[a]! > minX[b]! ? minX[a]! : minX[b]!;
          const ly = minY[a]! > minY[b]! ? minY[a]! : minY[b]!;
          if (lx > (maxX[a]! < maxX[b]! ? maxX[a]! : maxX[b]!) || ly > (maxY[a]! < maxY[b]! ? maxY[a]! : maxY[b]!)) continue;
          if (Math.floor(lx / cell) !== cx || Math.floor(ly / cell) !== cy) continue;
          const i = a < b ? a : b;
          const j = a < b ? b : a;
          const kind = classifyPair(boxes, i, j, this.params);
          if (kind !== NONE) pushEvent(out, i, j, kind, kind === PREDICTED ? lastTtc.value : 0);
        }
      }
    }
    return out;
  }

  /** Swept, inflated bounding boxes; returns the grid's cell size: their mean extent. */
  private sweptBoxes(b: BoxSet): number {
    const grow = this.params.nearMissClearanceM / 2;
    const h = this.params.horizonS;
    let extent = 0;
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
      this.minX[i] = (x0 < x1 ? x0 : x1) - ex;
      this.maxX[i] = (x0 < x1 ? x1 : x0) + ex;
      this.minY[i] = (y0 < y1 ? y0 : y1) - ey;
      this.maxY[i] = (y0 < y1 ? y1 : y0) + ey;
      extent += this.maxX[i]! - this.minX[i]! + this.maxY[i]! - this.minY[i]!;
    }
    return Math.max(extent / (2 * b.count), 1e-3);
  }

  /** Counting sort of (vehicle, cell) insertions into hash buckets. */
  private fillGrid(n: number, cell: number): void {
    const { minX, minY, maxX, maxY, start, mask } = this;
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += (Math.floor(maxX[i]! / cell) - Math.floor(minX[i]! / cell) + 1) * (Math.floor(maxY[i]! / cell) - Math.floor(minY[i]! / cell) + 1);
    }
    if (total > this.items.length) this.grow(total * 2);
    const { items, itemCellX, itemCellY, itemBucket } = this;
    start.fill(0);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const ix1 = Math.floor(maxX[i]! / cell);
      const iy1 = Math.floor(maxY[i]! / cell);
      for (let ix = Math.floor(minX[i]! / cell); ix <= ix1; ix++) {
        for (let iy = Math.floor(minY[i]! / cell); iy <= iy1; iy++) {
          const h = hashCell(ix, iy, mask);
          itemBucket[k] = h;
          itemCellX[k] = ix;
          itemCellY[k] = iy;
          items[k++] = i;
          start[h + 1]!++;
        }
      }
    }
    for (let h = 0; h <= mask; h++) start[h + 1]! += start[h]!;
    // Scatter into bucket order through a second half of the buffers, then copy back.
    const order = this.scratch(total);
    for (let p = 0; p < total; p++) order[start[itemBucket[p]!]!++] = p;
    for (let h = mask; h > 0; h--) start[h] = start[h - 1]!;
    start[0] = 0;
    const sorted = this.sortedScratch(total);
    for (let p = 0; p < total; p++) {
      const from = order[p]!;
      sorted.items[p] = items[from]!;
      sorted.cx[p] = itemCellX[from]!;
      sorted.cy[p] = itemCellY[from]!;
    }
    items.set(sorted.items.subarray(0, total));
    itemCellX.set(sorted.cx.subarray(0, total));
    itemCellY.set(sorted.cy.subarray(0, total));
  }

  private orderBuf = new Int32Array(0);
  private sortedBuf = { items: new Int32Array(0), cx: new Int32Array(0), cy: new Int32Array(0) };

  private scratch(size: number): Int32Array {
    if (this.orderBuf.length < size) this.orderBuf = new Int32Array(size * 2);
    return this.orderBuf;
  }

  private sortedScratch(size: number) {
    if (this.sortedBuf.items.length < size) {
      this.sortedBuf = { items: new Int32Array(size * 2), cx: new Int32Array(size * 2), cy: new Int32Array(size * 2) };
    }
    return this.sortedBuf;
  }

  private grow(size: number): void {
    this.items = new Int32Array(size);
    this.itemCellX = new Int32Array(size);
    this.itemCellY = new Int32Array(size);
    this.itemBucket = new Int32Array(size);
  }
}
