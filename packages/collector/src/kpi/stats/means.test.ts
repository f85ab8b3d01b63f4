import { describe, expect, it } from 'vitest';
import { clusterMeanGroup, meanDifference, meanGroupFromSums, meanGroupOf } from './means.js';
import { studentTCdf, studentTQuantile } from './student-t.js';

describe('studentTQuantile', () => {
  it('matches the printed t table at 0.975', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.3027, 4);
    expect(studentTQuantile(0.975, 5)).toBeCloseTo(2.5706, 4);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.0423, 4);
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.96, 3);
    expect(studentTQuantile(0.5, 7)).toBeCloseTo(0, 10);
  });

  it('handles fractional degrees of freedom (between the tabled 9 and 10)', () => {
    const t = studentTQuantile(0.975, 9.5);
    expect(t).toBeCloseTo(2.24414, 5);
    expect(studentTCdf(t, 9.5)).toBeCloseTo(0.975, 12);
  });

  it('refuses a lower-half probability or a non-positive df', () => {
    expect(() => studentTQuantile(0.4, 5)).toThrow('p must be in [0.5, 1)');
    expect(() => studentTQuantile(0.975, 0)).toThrow('df must be positive');
  });
});

describe('meanGroupOf / meanGroupFromSums', () => {
  it('gives the mean and the n − 1 variance, the same from values or from SQL sums', () => {
    // [2, 4, 6, 8, 10, 12]: mean 7, Σ(x − 7)² = 25 + 9 + 1 + 1 + 9 + 25 = 70, variance 70/5 = 14.
    expect(meanGroupOf([2, 4, 6, 8, 10, 12])).toEqual({ n: 6, mean: 7, variance: 14 });
    expect(meanGroupFromSums(6, 42, 364)).toEqual({ n: 6, mean: 7, variance: 14 });
    expect(meanGroupOf([5])).toEqual({ n: 1, mean: 5, variance: 0 });
    expect(meanGroupOf([])).toEqual({ n: 0, mean: 0, variance: 0 });
  });
});

describe('meanDifference (Welch)', () => {
  it('[1..5] − [2, 4, …, 12] → −4, (−7.9835, −0.0165) on 6.97 df', () => {
    // s₁²/n₁ = 2.5/5 = 0.5, s₂²/n₂ = 14/6 = 2.3333, sum 2.8333, SE = 1.68325;
    // ν = 2.8333² / (0.5²/4 + 2.3333²/5) = 8.02778 / 1.15139 = 6.97226; t(0.975, 6.97226) = 2.36653;
    // half-width = 2.36659 × 1.68325 = 3.98347.
    const interval = meanDifference(meanGroupOf([1, 2, 3, 4, 5]), meanGroupOf([2, 4, 6, 8, 10, 12]));
    expect(interval?.estimate).toBe(-4);
    expect(interval?.df).toBeCloseTo(6.972256, 6);
    expect(interval?.low).toBeCloseTo(-7.983469, 5);
    expect(interval?.high).toBeCloseTo(-0.016531, 5);
  });

  it('[3, 3, 4, 5, 5, 6, 9] − [1, 2, 2, 3] → 3, (0.9744, 5.0256) on 8.44 df', () => {
    // means 5 and 2; Σ(x − x̄)² = 26 and 2, variances 26/6 and 2/3; s²/n = 0.619048 and 0.166667,
    // sum 0.785714, SE = 0.886405; ν = 0.785714² / (0.619048²/6 + 0.166667²/3) = 0.617347 / 0.073129
    // = 8.44186; t(0.975, 8.44186) = 2.28516; half-width = 2.28516 × 0.886405 = 2.02558.
    const interval = meanDifference(meanGroupOf([3, 3, 4, 5, 5, 6, 9]), meanGroupOf([1, 2, 2, 3]));
    expect(interval?.estimate).toBe(3);
    expect(interval?.df).toBeCloseTo(8.44186, 5);
    expect(interval?.low).toBeCloseTo(0.97442, 5);
    expect(interval?.high).toBeCloseTo(5.02558, 5);
  });

  it('is the point itself when neither group varies, null below two values', () => {
    expect(meanDifference(meanGroupOf([4, 4]), meanGroupOf([1, 1, 1]))).toEqual({ estimate: 3, low: 3, high: 3, df: null });
    expect(meanDifference(meanGroupOf([4]), meanGroupOf([1, 1, 1]))).toBeNull();
  });
});

describe('clusterMeanGroup', () => {
  it('gives the ratio mean with the cluster-robust variance, from per-cluster sums', () => {
    // Clusters (m values summing to y): A (2, 4), B (1, 1), C (3, 1). R = Σy ÷ Σm = 6 ÷ 6 = 1, m̄ = 2.
    // Residuals y − R·m: 2, 0, −2 → Σ² = 8 = Σy² 18 − 2 × 1 × Σym 12 + 1 × Σm² 14.
    // Variance 8 ÷ ((3 − 1) × 2²) = 1, so Var(R) = 1 ÷ 3.
    expect(clusterMeanGroup({ n: 3, values: 6, sum: 6, sumSquares: 18, sizeSquares: 14, crossed: 12 })).toEqual({
      n: 3,
      mean: 1,
      variance: 1,
    });
    // One value per cluster: the plain sample variance. Values 2, 4, 6: Σ 12, Σ² 56 → mean 4, variance 4.
    expect(clusterMeanGroup({ n: 3, values: 3, sum: 12, sumSquares: 56, sizeSquares: 3, crossed: 12 })).toEqual({
      n: 3,
      mean: 4,
      variance: 4,
    });
    expect(clusterMeanGroup({ n: 0, values: 0, sum: 0, sumSquares: 0, sizeSquares: 0, crossed: 0 })).toEqual({
      n: 0,
      mean: 0,
      variance: 0,
    });
  });
});
