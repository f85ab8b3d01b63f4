import type { Interval } from './interval.js';
import { studentTQuantile } from './student-t.js';

/** A group's size, mean and sample variance (divided by n − 1). */
export interface MeanGroup {
  n: number;
  mean: number;
  variance: number;
}

/** Summary of raw values (variance 0 below two values, where no interval is drawn). */
export function meanGroupOf(values: readonly number[]): MeanGroup {
  const n = values.length;
  let sum = 0;
  for (const value of values) sum += value;
  return summary(
    n,
    sum,
    values.reduce((acc, value) => acc + value * value, 0),
  );
}

/**
 * Summary from what SQL aggregates give: count, Σx and Σx². The shifted formula
 * (Σx² − (Σx)²/n) ÷ (n − 1) loses digits only when the mean dwarfs the spread, which counts and
 * money in minor units do not; it is clamped at 0 against the rounding of equal values.
 */
export function meanGroupFromSums(n: number, sum: number, sumOfSquares: number): MeanGroup {
  return summary(n, sum, sumOfSquares);
}

/**
 * A ratio mean over clusters (docs/reference/kpi-definitions.md, "Comparing two groups"): values
 * come in n clusters (accounts), cluster i with m_i values summing to y_i, and the mean is
 * R = Σy ÷ Σm, the plain mean of every value. Values of one cluster are alike, so its variance is
 * the cluster-robust (linearization, or delta-method) one of a ratio estimator:
 * Var(R) = Σ(y_i − R·m_i)² ÷ (n (n − 1) m̄²), m̄ = Σm ÷ n, with Σ(y_i − R·m_i)² expanded into
 * Σy² − 2R·Σym + R²·Σm². Given as a MeanGroup of n (the clusters are the sample) whose
 * variance ÷ n is Var(R), so Welch's interval and the size rule apply to clusters.
 */
export function clusterMeanGroup(sums: {
  n: number;
  values: number;
  sum: number;
  sumSquares: number;
  sizeSquares: number;
  crossed: number;
}): MeanGroup {
  const { n, values, sum, sumSquares, sizeSquares, crossed } = sums;
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  if (n === 0 || values === 0) return { n, mean: 0, variance: 0 };
  const mean = sum / values;
  const meanSize = values / n;
  const residuals = Math.max(0, sumSquares - 2 * mean * crossed + mean * mean * sizeSquares);
  return { n, mean, variance: n < 2 ? 0 : residuals / ((n - 1) * meanSize * meanSize) };
}

function summary(n: number, sum: number, sumOfSquares: number): MeanGroup {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  if (n === 0) return { n, mean: 0, variance: 0 };
  const mean = sum / n;
  const variance = n < 2 ? 0 : Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1));
  return { n, mean, variance };
}

/**
 * mean₁ − mean₂ with Welch's interval: d ± t(0.975, ν)·√(s₁²/n₁ + s₂²/n₂), where ν is the
 * Welch–Satterthwaite degrees of freedom (s₁²/n₁ + s₂²/n₂)² ÷ ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1)).
 * Welch rather than Student's pooled test because members and holdout need not share a variance.
 * Null when either group has fewer than 2 values (no variance). When both variances are 0 the
 * interval is the point itself (every value in each group is equal).
 */
export function meanDifference(exposed: MeanGroup, control: MeanGroup): (Interval & { df: number | null }) | null {
  if (exposed.n < 2 || control.n < 2) return null;
  const estimate = exposed.mean - control.mean;
  const a = exposed.variance / exposed.n;
  const b = control.variance / control.n;
  if (a + b === 0) return { estimate, low: estimate, high: estimate, df: null };
  const df = (a + b) ** 2 / (a ** 2 / (exposed.n - 1) + b ** 2 / (control.n - 1));
  const half = studentTQuantile(0.975, df) * Math.sqrt(a + b);
  return { estimate, low: estimate - half, high: estimate + half, df };
}
