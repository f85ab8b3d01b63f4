import { accountChurn, accountCohorts, accountNps, activeAccountsSeries, type SubscriptionEnds } from '../kpi/accounts.js';
import { PERIOD_MS, type Range } from '../kpi/retention-periods.js';
import type { AccountStore } from '../storage/accounts/account-store.js';

/**
 * The account KPIs: the store's counts (SQL written once over the account activity rollup,
 * storage/accounts/account-kpi-sql.ts) turned into KPIs by kpi/accounts.ts. `subscriptions` reads the revenue facts (services/revenue.ts); while none names
 * an account the subscription-end churn is reported as unknown (null), never as 0.
 */
export function createAccountKpis(accounts: AccountStore, subscriptions: SubscriptionEnds) {
  return {
    async active(projectId: string, range: Range) {
      return activeAccountsSeries(await accounts.activeAccountCounts(projectId, range), range);
    },
    async churn(projectId: string, range: Range, inactivityDays: number) {
      const [customers, ended] = await Promise.all([
        accounts.churnAccounts(projectId, range, inactivityDays * PERIOD_MS.day),
        subscriptions.endedIn(projectId, range.from.getTime(), range.to.getTime()),
      ]);
      return { inactivityDays, ...accountChurn(customers, ended) };
    },
    async nps(projectId: string, range: Range) {
      return accountNps(await accounts.npsAnswers(projectId, range.from.getTime(), range.to.getTime()));
    },
    async cohorts(projectId: string, range: Range, period: 'week' | 'month') {
      const [created, counts] = await Promise.all([
        accounts.createdAt(projectId, range.to.getTime()),
        accounts.accountCohortCounts(projectId, range, PERIOD_MS[period]),
      ]);
      return { period, cohorts: accountCohorts(created, counts, range, period) };
    },
  };
}

export type AccountKpis = ReturnType<typeof createAccountKpis>;
