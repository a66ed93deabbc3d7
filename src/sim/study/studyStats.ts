/**
 * Mean and 95 % confidence interval of a small sample (replications of a run with different seeds): the
 * Student t interval mean ± t(0.975, n − 1) · s / √n, with s the sample standard deviation. The replications
 * are independent (a seed each) and few, so t, not the normal 1.96.
 */

/**
 * Two-sided 95 % critical values t(0.975, df) of Student's t distribution, from the NIST/SEMATECH e-Handbook of
 * Statistical Methods, §1.3.6.7.2 "Critical values of the Student's t distribution"
 * (https://www.itl.nist.gov/div898/handbook/eda/section3/eda3672.htm). Mathematics, not a model assumption.
 */
const T_975: readonly (readonly [df: number, t: number])[] = [
  [1, 12.706],
  [2, 4.303],
  [3, 3.182],
  [4, 2.776],
  [5, 2.571],
  [6, 2.447],
  [7, 2.365],
  [8, 2.306],
  [9, 2.262],
  [10, 2.228],
  [11, 2.201],
  [12, 2.179],
  [13, 2.16],
  [14, 2.145],
  [15, 2.131],
  [16, 2.12],
  [17, 2.11],
  [18, 2.101],
  [19, 2.093],
  [20, 2.086],
  [21, 2.08],
  [22, 2.074],
  [23, 2.069],
  [24, 2.064],
  [25, 2.06],
  [26, 2.056],
  [27, 2.052],
  [28, 2.048],
  [29, 2.045],
  [30, 2.042],
  [40, 2.021],
  [50, 2.009],
  [60, 2],
  [80, 1.99],
  [100, 1.984],
  [120, 1.98],
];
const T_975_INFINITE = 1.96;

/**
 * t(0.975, df); between rows of the table, the row of the next lower df (a slightly wider, so conservative,
 * interval); beyond 120 the normal quantile 1.96.
 */
export function tQuantile975(df: number): number {
  if (!(Number.isInteger(df) && df >= 1)) throw new RangeError(`degrees of freedom must be a whole number ≥ 1 (got ${df})`);
  let t = T_975_INFINITE;
  for (const [d, v] of T_975) if (d <= df) t = v;
  return df > 120 ? T_975_INFINITE : t;
}

/** The values a quantity can take: counts and durations from 0, shares from 0 to 1. */
export interface QuantityRange {
  readonly min?: number;
  readonly max?: number;
}
export const COUNT: QuantityRange = { min: 0 };
export const DURATION: QuantityRange = { min: 0 };
export const SHARE: QuantityRange = { min: 0, max: 1 };

/** A sample's mean and, from two values on, its 95 % confidence interval. */
export interface Estimate {
  readonly n: number;
  readonly mean: number;
  /** Half-width of the 95 % interval (t · s / √n); absent for a single value (no spread to estimate). */
  readonly half?: number;
  /** The interval's bounds, within the quantity's range: where mean ± half leaves it, the bound is the range's end. */
  readonly low?: number;
  readonly high?: number;
  /** Where the range cut the interval: the bound mean ± half gave (a p95 time of −5,106 s, a utilisation of 1.14). */
  readonly cut?: { readonly low?: number; readonly high?: number };
  /** Every value the same: the interval has no width, and that says nothing about how much days differ. */
  readonly identical?: true;
}

/**
 * The interval of a small sample is symmetric about the mean, so with few values and a wide spread it can leave
 * what the quantity allows (two seeds' p95 times of 3,948 and 5,495 s give 4,722 ± 9,828 s). The bound is then
 * the range's end, and `cut` keeps what t gave, so the cut is said, not hidden.
 *
 * @example
 *   estimate([10, 12, 14]); // { n: 3, mean: 12, half: 4.969, low: 7.031, high: 16.969 } (s = 2, t = 4.303)
 *   estimate([0.82, 0.87], SHARE); // { n: 2, mean: 0.845, half: 0.318, low: 0.527, high: 1, cut: { high: 1.163 } }
 *   estimate([892, 892]); // { n: 2, mean: 892, half: 0, low: 892, high: 892, identical: true }
 */
export function estimate(values: readonly number[], range: QuantityRange = {}): Estimate {
  const n = values.length;
  if (n === 0) throw new RangeError('no values to estimate from');
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { n, mean };
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  const half = (tQuantile975(n - 1) * Math.sqrt(variance)) / Math.sqrt(n);
  const rawLow = mean - half;
  const rawHigh = mean + half;
  const cutLow = range.min !== undefined && rawLow < range.min;
  const cutHigh = range.max !== undefined && rawHigh > range.max;
  const cut = cutLow || cutHigh ? { ...(cutLow ? { low: rawLow } : {}), ...(cutHigh ? { high: rawHigh } : {}) } : undefined;
  return {
    n,
    mean,
    half,
    low: cutLow ? range.min! : rawLow,
    high: cutHigh ? range.max! : rawHigh,
    ...(cut ? { cut } : {}),
    ...(values.every((v) => v === values[0]) ? { identical: true as const } : {}),
  };
}
