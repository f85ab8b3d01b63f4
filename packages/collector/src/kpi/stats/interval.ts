/** The two-sided 95 % normal quantile, Φ⁻¹(0.975), to the precision a double holds. */
export const Z_95 = 1.959963984540054;

/** A difference (exposed − control) with its 95 % confidence interval. */
export interface Interval {
  estimate: number;
  low: number;
  high: number;
}
