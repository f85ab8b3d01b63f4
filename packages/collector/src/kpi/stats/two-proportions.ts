/** z for a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

export interface ProportionDifference {
  /** p1 − p2; null when either group is empty. */
  difference: number | null;
  low: number | null;
  high: number | null;
}

/**
 * The difference of two proportions (x1/n1 − x2/n2) with its 95 % Wald interval,
 * sqrt(p1(1−p1)/n1 + p2(1−p2)/n2) × 1.96 either side. Shown only when each group has at least
 * `minimum` members: below that the interval is too wide (and the normal approximation too poor)
 * to mean anything.
 */
export function proportionDifference(x1: number, n1: number, x2: number, n2: number, minimum = 1): ProportionDifference {
  if (n1 < Math.max(1, minimum) || n2 < Math.max(1, minimum)) return { difference: null, low: null, high: null };
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const difference = p1 - p2;
  return { difference, low: difference - Z95 * se, high: difference + Z95 * se };
}
