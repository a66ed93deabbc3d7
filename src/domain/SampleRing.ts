/**
 * Percentiles, one definition for the whole twin: nearest rank (the ⌈q·n⌉-th smallest), as the simulation's
 * time-in-system KPIs, the live feed's message latency and the screen latency all report them.
 */

/** The `q` quantile (0 < q ≤ 1) of the first `n` values of `sorted` (ascending), nearest rank; 0 when n is 0. */
function nearestRank(sorted: Float64Array, n: number, q: number): number {
  if (n === 0) return 0;
  return sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))]!;
}

/** The `q` quantile (0 < q ≤ 1) of the first `n` values (in any order), nearest rank; 0 when there are none. */
export function percentile(values: Float64Array, n: number, q: number): number {
  return nearestRank(values.slice(0, n).sort(), n, q);
}

/**
 * The latest `size` samples of a measurement and a percentile of them, allocation-free after construction, so
 * that it can be fed every frame: `push` writes into a ring, `percentile` sorts a copy in a scratch array (512
 * doubles sort in well under 0.1 ms; callers ask twice a second, not per frame).
 *
 * @example
 *   const ring = new SampleRing(512);
 *   ring.push(12.5);
 *   ring.percentile(0.95); // → 12.5
 */
export class SampleRing {
  private readonly samples: Float64Array;
  private readonly scratch: Float64Array;
  private count = 0;

  constructor(readonly size: number) {
    if (!(Number.isInteger(size) && size > 0)) throw new RangeError(`SampleRing size ${size}: expected a positive integer`);
    this.samples = new Float64Array(size);
    this.scratch = new Float64Array(size);
  }

  /** Samples held now (at most `size`). */
  get length(): number {
    return Math.min(this.count, this.size);
  }

  push(x: number): void {
    this.samples[this.count++ % this.size] = x;
  }

  /**
   * The `q` quantile (0 < q ≤ 1) of the samples held, nearest-rank (the same definition as the live feed's
   * message latency: the ⌈q·n⌉-th smallest); 0 when there are none.
   */
  percentile(q: number): number {
    const n = this.length;
    if (n === 0) return 0;
    // Unused slots hold +Infinity so one in-place sort of the whole scratch array leaves the n samples first.
    for (let i = 0; i < this.size; i++) this.scratch[i] = i < n ? this.samples[i]! : Number.POSITIVE_INFINITY;
    this.scratch.sort();
    return nearestRank(this.scratch, n, q);
  }
}
