import type { GroupMetrics } from '@hearth/schema';
import type { NpsCounts } from '../storage/kpi/retention-store.js';
import type { RetentionCounts } from './churn.js';
import type { RevenueGroup } from './group-revenue.js';
import { compareMeans, compareProportions, type GroupNames } from './stats/comparison.js';
import { clusterMeanGroup, meanGroupFromSums } from './stats/means.js';

/**
 * One group's counts, as the KPI store answers them over the same [from, to): retention
 * (customers at `from`, retained at `to`), engagement (active subjects, users or accounts, their
 * events and Σ events² for the spread) and its NPS answers (null without an NPS survey).
 */
export interface GroupCounts {
  retention: RetentionCounts;
  engagement: { active: number; events: number; eventsSquared: number };
  nps: NpsCounts | null;
  /** Its paying customers' revenue (kpi/group-revenue.ts); null when the project records none. */
  revenue: RevenueGroup | null;
}

/**
 * The program-impact metrics of group A against group B (docs/reference/kpi-definitions.md,
 * "Loyalty program impact"), each with its 95 % interval (kpi/stats):
 * - retention and churn: rates over the group's customers at `from` (Newcombe), churn = lost;
 * - usage frequency: events per active subject per week, the mean over the group's active subjects
 *   (Welch; each one's events ÷ `weeks`, so Σx = events ÷ weeks and Σx² = Σ events² ÷ weeks²);
 * - NPS: the mean of +100 (promoter 9–10), 0 (passive) and −100 (detractor 0–6) over the
 *   group's responses, which is exactly % promoters − % detractors (Welch; over accounts with
 *   the clustered variance when the answers come clustered by account);
 * - revenue: ARPA as the mean MRR of the paying customers (Welch), and each group's CLV side by
 *   side (a ratio of means with a churn rate under it: no interval is drawn).
 */
export function groupMetrics(a: GroupCounts, b: GroupCounts, weeks: number, names: GroupNames): GroupMetrics {
  const retained = (r: RetentionCounts) => ({ n: r.customersAtStart, successes: r.retained });
  const lost = (r: RetentionCounts) => ({ n: r.customersAtStart, successes: r.customersAtStart - r.retained });
  const usage = (e: GroupCounts['engagement']) =>
    weeks > 0 ? meanGroupFromSums(e.active, e.events / weeks, e.eventsSquared / (weeks * weeks)) : meanGroupFromSums(0, 0, 0);
  return {
    retention: compareProportions(retained(a.retention), retained(b.retention), names),
    churn: compareProportions(lost(a.retention), lost(b.retention), names),
    usageFrequency: compareMeans(usage(a.engagement), usage(b.engagement), names),
    nps: a.nps && b.nps ? compareMeans(npsGroupOf(a.nps), npsGroupOf(b.nps), names) : null,
    revenue:
      a.revenue && b.revenue
        ? {
            arpa: compareMeans(a.revenue.arpa, b.revenue.arpa, names),
            clv: {
              exposed: a.revenue.clv,
              control: b.revenue.clv,
              exposedNote: a.revenue.clvNote,
              controlNote: b.revenue.clvNote,
              exposedPayingAtStart: a.revenue.payingAtStart,
              controlPayingAtStart: b.revenue.payingAtStart,
            },
          }
        : null,
  };
}

/**
 * NPS answers as a mean group of +100 / 0 / −100: Σx = 100 (P − D), Σx² = 10,000 (P + D). Clustered
 * by account, the same mean over the accounts (stats/means.ts, `clusterMeanGroup`), each account's
 * net y = P − D scaled by 100: Σy² by 10,000, Σym by 100.
 */
export function npsGroupOf({ responses, promoters, detractors, clusters }: NpsCounts) {
  if (!clusters) return meanGroupFromSums(responses, 100 * (promoters - detractors), 10_000 * (promoters + detractors));
  return clusterMeanGroup({
    n: clusters.accounts,
    values: responses,
    sum: 100 * (promoters - detractors),
    sumSquares: 10_000 * clusters.netSquared,
    sizeSquares: clusters.responsesSquared,
    crossed: 100 * clusters.netByResponses,
  });
}
