/**
 * Congestion on the AGV lanes: AGV-seconds of occupancy per lane edge over a sliding window of source time. Each
 * sample puts every AGV on its nearest edge (a segment test against each edge's centreline, within
 * `maxDistanceM`; off the lanes it counts nowhere) and adds the source time since the previous sample to that edge
 * in the current bin of a ring of fixed-length bins. A window sums its latest bins. Pure and allocation-free after
 * construction; a jump back in time (a replay sought backwards) or forward past the whole ring starts afresh.
 */

export interface LaneSegment {
  readonly ax: number;
  readonly ay: number;
  readonly bx: number;
  readonly by: number;
}

export interface CongestionOptions {
  /** Length of one bin (s of source time). */
  readonly binS: number;
  /** Bins kept: the longest window is `binS × bins`. */
  readonly bins: number;
  /** An AGV further than this from every edge counts on none (m). */
  readonly maxDistanceM: number;
}

export class CongestionAccumulator {
  readonly edgeCount: number;
  /** Edge geometry: ax, ay, dx, dy, 1/|d|² per edge. */
  private readonly geom: Float64Array;
  /** AGV-seconds per [bin × edgeCount + edge]. */
  private readonly ring: Float64Array;
  /** Source seconds sampled in each bin. */
  private readonly covered: Float64Array;
  /** Absolute index (floor(t / binS)) of the bin each ring slot holds; -1 when empty. */
  private readonly binOf: Float64Array;
  private lastS = Number.NaN;
  private readonly maxD2: number;

  constructor(
    edges: readonly LaneSegment[],
    private readonly o: CongestionOptions,
  ) {
    if (!(o.binS > 0) || !(o.bins >= 1) || !(o.maxDistanceM > 0)) throw new RangeError('congestion: binS, bins and maxDistanceM must be positive');
    this.edgeCount = edges.length;
    this.geom = new Float64Array(edges.length * 5);
    edges.forEach((e, k) => {
      const dx = e.bx - e.ax;
      const dy = e.by - e.ay;
      const len2 = dx * dx + dy * dy;
      this.geom.set([e.ax, e.ay, dx, dy, len2 > 0 ? 1 / len2 : 0], k * 5);
    });
    this.ring = new Float64Array(o.bins * edges.length);
    this.covered = new Float64Array(o.bins);
    this.binOf = new Float64Array(o.bins).fill(-1);
    this.maxD2 = o.maxDistanceM * o.maxDistanceM;
  }

  /** Forgets everything sampled. */
  reset(): void {
    this.ring.fill(0);
    this.covered.fill(0);
    this.binOf.fill(-1);
    this.lastS = Number.NaN;
  }

  /** The edge nearest (east, north) within the distance limit, or -1. */
  nearestEdge(x: number, y: number): number {
    const g = this.geom;
    let best = -1;
    let bestD2 = this.maxD2;
    for (let k = 0; k < this.edgeCount; k++) {
      const o = k * 5;
      const ax = g[o]!;
      const ay = g[o + 1]!;
      const dx = g[o + 2]!;
      const dy = g[o + 3]!;
      let t = ((x - ax) * dx + (y - ay) * dy) * g[o + 4]!;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = ax + t * dx - x;
      const ey = ay + t * dy - y;
      const d2 = ex * ex + ey * ey;
      if (d2 <= bestD2) {
        bestD2 = d2;
        best = k;
      }
    }
    return best;
  }

  /**
   * The fleet at source time `clockS`: the first `count` AGVs of `x`, `y`. The time since the previous sample is
   * counted on each AGV's edge now. Returns false (and starts afresh from here) when time went backwards or skipped
   * past the whole ring.
   */
  sample(x: ArrayLike<number>, y: ArrayLike<number>, count: number, clockS: number): boolean {
    const prev = this.lastS;
    const dt = clockS - prev;
    const span = this.o.binS * this.o.bins;
    if (Number.isNaN(prev) || dt < 0 || dt > span) {
      if (!Number.isNaN(prev)) this.reset();
      this.lastS = clockS;
      this.slotFor(clockS);
      return Number.isNaN(prev);
    }
    this.lastS = clockS;
    if (dt === 0) return true;
    const slot = this.slotFor(clockS);
    this.covered[slot]! += dt;
    const base = slot * this.edgeCount;
    for (let i = 0; i < count; i++) {
      const k = this.nearestEdge(x[i]!, y[i]!);
      if (k >= 0) this.ring[base + k]! += dt;
    }
    return true;
  }

  /**
   * Mean AGVs on each edge over the latest `windowS` (rounded up to whole bins, at most the ring) ending at the
   * last sample, written into `out` (length ≥ edges); returns the source seconds the window actually covers (0
   * before any time has passed, when `out` is all 0).
   */
  occupancy(windowS: number, out: Float32Array): number {
    out.fill(0, 0, this.edgeCount);
    if (Number.isNaN(this.lastS)) return 0;
    const bins = Math.min(this.o.bins, Math.max(1, Math.ceil(windowS / this.o.binS)));
    const now = Math.floor(this.lastS / this.o.binS);
    let covered = 0;
    for (let b = 0; b < bins; b++) {
      const abs = now - b;
      const slot = ((abs % this.o.bins) + this.o.bins) % this.o.bins;
      if (this.binOf[slot] !== abs) continue;
      covered += this.covered[slot]!;
      const base = slot * this.edgeCount;
      for (let k = 0; k < this.edgeCount; k++) out[k]! += this.ring[base + k]!;
    }
    if (covered > 0) for (let k = 0; k < this.edgeCount; k++) out[k]! /= covered;
    return covered;
  }

  /** The ring slot of the bin holding `clockS`, cleared first if it held an older bin. */
  private slotFor(clockS: number): number {
    const abs = Math.floor(clockS / this.o.binS);
    const slot = ((abs % this.o.bins) + this.o.bins) % this.o.bins;
    if (this.binOf[slot] !== abs) {
      this.binOf[slot] = abs;
      this.covered[slot] = 0;
      this.ring.fill(0, slot * this.edgeCount, (slot + 1) * this.edgeCount);
    }
    return slot;
  }
}
