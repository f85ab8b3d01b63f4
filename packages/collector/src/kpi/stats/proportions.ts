import { Z_95, type Interval } from './interval.js';

/** A group's count of subjects with the outcome (`successes`) out of `n`. */
export interface ProportionGroup {
  n: number;
  successes: number;
}

/**
 * Wilson's score interval for one proportion x/n (95 %). Unlike the Wald interval p ± z·√(p(1−p)/n)
 * it never leaves [0, 1] and is not zero-width at 0/n or n/n.
 */
export function wilsonInterval({ n, successes }: ProportionGroup, z = Z_95): { low: number; high: number } {
  checkGroup({ n, successes });
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * p₁ − p₂ with Newcombe's hybrid score interval (Newcombe 1998, method 10), built from the two
 * Wilson intervals (l₁, u₁) and (l₂, u₂):
 *   low  = d − √((p₁ − l₁)² + (u₂ − p₂)²),  high = d + √((u₁ − p₁)² + (p₂ − l₂)²).
 * Chosen over the Wald interval d ± z·√(p₁q₁/n₁ + p₂q₂/n₂) because holdouts are small and rates
 * such as churn sit near 0: there Wald's coverage falls far below 95 % (and it collapses to a
 * single point when both groups are 0/n), while Newcombe's stays close to nominal. Fractions,
 * not percent; null when either group is empty.
 */
export function proportionDifference(exposed: ProportionGroup, control: ProportionGroup, z = Z_95): Interval | null {
  if (exposed.n === 0 || control.n === 0) return null;
  const p1 = exposed.successes / exposed.n;
  const p2 = control.successes / control.n;
  const w1 = wilsonInterval(exposed, z);
  const w2 = wilsonInterval(control, z);
  const estimate = p1 - p2;
  return {
    estimate,
    low: estimate - Math.hypot(p1 - w1.low, w2.high - p2),
    high: estimate + Math.hypot(w1.high - p1, p2 - w2.low),
  };
}

function checkGroup({ n, successes }: ProportionGroup): void {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError('n must be a positive integer');
  if (!Number.isInteger(successes) || successes < 0 || successes > n) throw new RangeError('successes must be an integer in [0, n]');
}
