import type { RevenueSums } from '../storage/kpi/retention-store.js';
import { rounded } from './exact.js';
import { lifetimeValueOf, type ClvNote } from './revenue.js';
import { meanGroupFromSums, type MeanGroup } from './stats/means.js';

/**
 * One program group's revenue over a period (docs/reference/kpi-definitions.md, "Loyalty program
 * impact"): ARPA as a mean over the group's paying customers at the period's end, each one's MRR
 * (ARR ÷ 12, minor units), so two groups' ARPA compare by Welch's interval; and the group's CLV as
 * the revenue KPIs compute it (ARPA × gross margin ÷ monthly churn), a ratio with no interval.
 */
export interface RevenueGroup {
  arpa: MeanGroup;
  clv: number | null;
  clvNote: ClvNote;
  /** Customers paying at the period's start, whose churn the CLV's lifetime rests on. */
  payingAtStart: number;
}

/** From the group's sums (storage/kpi/program-groups-sql.ts): n, Σ MRR = ΣARR ÷ 12 and Σ MRR² = Σ ARR² ÷ 144. */
export function revenueGroupOf(sums: RevenueSums, grossMarginPercent: number, period: { from: number; to: number }): RevenueGroup {
  const { clv } = lifetimeValueOf(sums, grossMarginPercent, period);
  return {
    arpa: meanGroupFromSums(sums.payingAtEnd, Number(sums.endArr) / 12, sums.endArrSquared / 144),
    clv: rounded(clv.value),
    clvNote: clv.note,
    payingAtStart: sums.payingAtStart,
  };
}
