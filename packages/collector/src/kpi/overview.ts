import type { OverviewCard } from '@hearth/schema';
import { fraction, rounded, times, type Fraction } from './exact.js';
import type { Customer } from '../domain/revenue/revenue-fact.js';
import { MONTH_MS, type CustomerPeriod } from './revenue.js';

/**
 * The overview's arithmetic (docs/reference/kpi-definitions.md, "Overview cards"): the periods a
 * card's series covers, the change between two periods, and the program ROI. Pure: the service
 * reads the rows, these functions fold them.
 */

export interface Period {
  from: number;
  to: number;
}

/** A period's figure, or null with the reason a person reads on the card. */
export interface Figure {
  value: number | null;
  note: string | null;
}

export const figure = (value: number | null, note: string): Figure => (value === null ? { value, note } : { value, note: null });

/** `count` back-to-back periods as long as `range`, oldest first, the last one `range` itself. */
export function overviewPeriods(range: Period, count: number): Period[] {
  const length = range.to - range.from;
  return Array.from({ length: count }, (_, i) => {
    const back = count - 1 - i;
    return { from: range.from - back * length, to: range.to - back * length };
  });
}

/**
 * Current against previous: points for scores and rates (NPS 30 → 35 is +5), relative for money
 * (MRR 1,000 → 1,100 is +10 %), since a difference of amounts says little without the base.
 * Null when either figure is, and for money when the previous amount is 0 (no base to divide by).
 */
export function changeOf(unit: OverviewCard['unit'], current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  if (unit !== 'money') return Math.round((current - previous) * 100) / 100;
  if (previous === 0) return null;
  return rounded(fraction(BigInt(current - previous) * 100n, BigInt(Math.abs(previous))), 2);
}

export interface RoiInput {
  /** Every customer's revenue over the period (the revenue KPI rows). */
  customers: readonly (CustomerPeriod & { customer: Customer })[];
  /** Whether a customer is in the program's randomized holdout; null when it is not a unit the holdout samples. */
  inHoldout: (customer: Customer) => boolean | null;
  /** Points the program issued in the period, and one point's worth in minor units of the currency. */
  pointsIssued: number;
  pointValueMinor: Fraction;
  period: Period;
}

/** ARR at the start, and what the same customers bring at the end, of those paying at the start. */
function keptArr(customers: readonly CustomerPeriod[]): { start: bigint; end: bigint; count: number } {
  let start = 0n;
  let end = 0n;
  let count = 0;
  for (const c of customers)
    if (c.startArr > 0n) {
      start += c.startArr;
      end += c.endArr;
      count += 1;
    }
  return { start, end, count };
}

/**
 * Program ROI, percent with two decimals: (revenue the program kept − what its points cost) ÷ what
 * they cost × 100, both per 30 days. Revenue kept = the exposed customers' MRR at the start × (their
 * net revenue retention − the holdout's): the MRR the exposed group still brings at the end beyond
 * what it would at the holdout's rate. Cost = points issued in the period × the point's value,
 * scaled to 30 days. Computed exactly and rounded once.
 */
export function programRoi({ customers, inHoldout, pointsIssued, pointValueMinor, period }: RoiInput): Figure {
  const exposed = keptArr(customers.filter((c) => inHoldout(c.customer) === false));
  const control = keptArr(customers.filter((c) => inHoldout(c.customer) === true));
  if (exposed.count === 0) return figure(null, 'No exposed customer was paying at the start of the period.');
  if (control.count === 0) return figure(null, 'No holdout customer was paying at the start of the period.');
  const periodMs = BigInt(period.to - period.from);
  // Kept MRR = S_E × (E_E ÷ S_E − E_H ÷ S_H) ÷ 12 = (E_E − S_E × E_H ÷ S_H) ÷ 12.
  const kept: Fraction = { n: exposed.end * control.start - exposed.start * control.end, d: control.start * 12n };
  // Monthly cost = points × value × month ÷ period.
  const cost = times(times({ n: BigInt(pointsIssued), d: 1n }, pointValueMinor), { n: BigInt(MONTH_MS), d: periodMs });
  if (cost.n === 0n) return figure(null, 'The program issued no points in this period, so it cost nothing to weigh against.');
  // (kept − cost) ÷ cost × 100
  const roi = fraction((kept.n * cost.d - cost.n * kept.d) * 100n, kept.d * cost.n);
  return { value: rounded(roi, 2), note: null };
}
