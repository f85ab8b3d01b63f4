import { meanGroupFromSums, type MeanGroup } from './stats/means.js';
import { revenueKpis, type ClvNote, type CustomerPeriod, type RevenueSettings } from './revenue.js';

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

export function revenueGroupOf(
  customers: readonly CustomerPeriod[],
  settings: RevenueSettings,
  period: { from: number; to: number },
): RevenueGroup {
  let n = 0;
  let sum = 0;
  let squares = 0;
  for (const c of customers)
    if (c.endArr > 0n) {
      const mrr = Number(c.endArr) / 12;
      n += 1;
      sum += mrr;
      squares += mrr * mrr;
    }
  const kpis = revenueKpis(customers, settings, period);
  return { arpa: meanGroupFromSums(n, sum, squares), clv: kpis.clv, clvNote: kpis.clvNote, payingAtStart: kpis.payingCustomersAtStart };
}
