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

/** A sample's mean and, from two values on, its 95 % confidence interval. */
export interface Estimate {
  readonly n: number;
  readonly mean: number;
  /** Half-width of the 95 % interval; absent for a single value (no spread to estimate). */
  readonly half?: number;
  readonly low?: number;
  readonly high?: number;
}

/**
 * @example
 *   estimate([10, 12, 14]); // { n: 3, mean: 12, half: 4.969, low: 7.031, high: 16.969 } (s = 2, t = 4.303)
 */
export function estimate(values: readonly number[]): Estimate {
  const n = values.length;
  if (n === 0) throw new RangeError('no values to estimate from');
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { n, mean };
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  const half = (tQuantile975(n - 1) * Math.sqrt(variance)) / Math.sqrt(n);
  return { n, mean, half, low: mean - half, high: mean + half };
}
