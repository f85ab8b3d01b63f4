import { accountChurn, accountCohorts, accountNps, activeAccountsSeries, type SubscriptionEnds } from '../kpi/accounts.js';
import { PERIOD_MS, type Range } from '../kpi/retention-periods.js';
import type { AccountStore } from '../storage/accounts/account-store.js';

/**
 * The account KPIs: the store's rows (SQL written once, storage/accounts/account-sql.ts) folded by
 * kpi/accounts.ts. `subscriptions` reads the revenue facts (services/revenue.ts); while none names
 * an account the subscription-end churn is reported as unknown (null), never as 0.
 */
export function createAccountKpis(accounts: AccountStore, subscriptions: SubscriptionEnds) {
  const days = (projectId: string, from: number, to: number) => accounts.activityDays(projectId, from, to);
  return {
    async active(projectId: string, range: Range) {
      return activeAccountsSeries(await days(projectId, range.from.getTime(), range.to.getTime()), range);
    },
    async churn(projectId: string, range: Range, inactivityDays: number) {
      const inactivityMs = inactivityDays * PERIOD_MS.day;
      const [from, to] = [range.from.getTime(), range.to.getTime()];
      const [rows, ended] = await Promise.all([days(projectId, from - inactivityMs, to), subscriptions.endedIn(projectId, from, to)]);
      return { inactivityDays, ...accountChurn(rows, range, inactivityMs, ended) };
    },
    async nps(projectId: string, range: Range) {
      return accountNps(await accounts.npsAnswers(projectId, range.from.getTime(), range.to.getTime()));
    },
    async cohorts(projectId: string, range: Range, period: 'week' | 'month') {
      const [from, to] = [range.from.getTime(), range.to.getTime()];
      const [created, rows] = await Promise.all([accounts.createdAt(projectId, to), days(projectId, from, to)]);
      return { period, cohorts: accountCohorts(created, rows, range, period) };
    },
  };
}

export type AccountKpis = ReturnType<typeof createAccountKpis>;
