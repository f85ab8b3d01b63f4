import type { NpsSummary } from '@hearth/schema';
import { npsGroup } from '../domain/survey/groups.js';
import { churnKpis, type ChurnKpis } from './churn.js';
import { percent } from './median.js';
import { npsSummary } from './nps.js';
import { PERIOD_MS, periodsOf, type Period, type PeriodName, type Range } from './retention-periods.js';

/**
 * Account-level KPIs (docs/reference/kpi-definitions.md, "Accounts"). An account is *active* in a
 * span when at least one event attributed to it (`events.account_id`: see docs/accounts.md) falls
 * in that span; an account is *active at instant T* when it has such an event in (T − N, T). The
 * store counts both from its account activity rollup (storage/accounts/account-kpi-sql.ts); this
 * module turns the counts into the KPIs.
 */

/** Distinct active accounts in one day, week or 30-day month of a range (`index` counted from `from`). */
export interface ActiveAccountCount {
  period: 'day' | 'week' | 'month';
  index: number;
  accounts: number;
}

/** An account active at a churn period's start, and whether it still is at its end. */
export interface ChurnAccount {
  accountId: string;
  activeAtEnd: boolean;
}

/** Accounts created in period `cohort` and active in period `cohort + offset` (offset ≥ 0). */
export interface AccountCohortCount {
  cohort: number;
  offset: number;
  accounts: number;
}

export type ActiveAccountsPoint = Period & { activeAccounts: number };

/** Active accounts per day, 7-day week and 30-day month of the range; periods without any are 0. */
export function activeAccountsSeries(
  counts: readonly ActiveAccountCount[],
  range: Range,
): Record<'daily' | 'weekly' | 'monthly', ActiveAccountsPoint[]> {
  const series = (period: PeriodName) => {
    const byIndex = new Map(counts.filter((c) => c.period === period).map((c) => [c.index, c.accounts]));
    return periodsOf(range, PERIOD_MS[period]).map((p, index) => ({ ...p, activeAccounts: byIndex.get(index) ?? 0 }));
  };
  return { daily: series('day'), weekly: series('week'), monthly: series('month') };
}

/**
 * Subscription ends, from revenue facts: the accounts whose subscription ended inside the period
 * asked for (see services/revenue.ts for the rule). Null when no revenue fact names an account
 * yet: the KPI then says the reason is unknown (`subscriptionEnded: null`), never 0.
 */
export interface SubscriptionEnds {
  endedIn(projectId: string, from: number, to: number): Promise<ReadonlySet<string> | null>;
}

export interface AccountChurn {
  /** Accounts active at `from` (an attributed event in (from − N days, from)). */
  customersAtStart: number;
  /** Lost by inactivity: no member active for N days at `to`. */
  inactive: ChurnKpis;
  /** Lost because their subscription ended in [from, to); null without revenue facts. */
  subscriptionEnded: ChurnKpis | null;
  /** Lost either way (an account counts once); null without revenue facts. */
  either: ChurnKpis | null;
}

/**
 * Account churn and retention, both reasons labelled. `customers` are the accounts active at
 * `from`, each with whether it is active at `to`; `ended` is the set of accounts whose
 * subscription ended in [from, to), or null when unknown.
 */
export function accountChurn(customers: readonly ChurnAccount[], ended: ReadonlySet<string> | null): AccountChurn {
  const count = (kept: (account: ChurnAccount) => boolean) =>
    churnKpis({ customersAtStart: customers.length, retained: customers.filter(kept).length });
  return {
    customersAtStart: customers.length,
    inactive: count((a) => a.activeAtEnd),
    subscriptionEnded: ended ? count((a) => !ended.has(a.accountId)) : null,
    either: ended ? count((a) => a.activeAtEnd && !ended.has(a.accountId)) : null,
  };
}

/** One NPS answer of an account's member (a member of several accounts counts for each). */
export interface AccountNpsAnswer {
  accountId: string;
  score: number;
}

export interface AccountNps {
  /** Per account that has answers: NPS over its members' answers in the range. */
  accounts: (NpsSummary & { accountId: string })[];
  /** Accounts with at least one NPS answer in the range. */
  answered: number;
  /** Of those, accounts with at least one detractor (0–6). */
  withDetractor: number;
  /** withDetractor ÷ answered × 100; null when no account answered. */
  withDetractorPct: number | null;
}

export function accountNps(answers: readonly AccountNpsAnswer[]): AccountNps {
  const byAccount = new Map<string, number[]>();
  for (const { accountId, score } of answers) byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), score]);
  const accounts = [...byAccount].sort(([a], [b]) => (a < b ? -1 : 1)).map(([accountId, scores]) => ({ accountId, ...npsSummary(scores) }));
  const withDetractor = [...byAccount.values()].filter((scores) => scores.some((s) => npsGroup(s) === 'detractor')).length;
  return { accounts, answered: byAccount.size, withDetractor, withDetractorPct: percent(withDetractor, byAccount.size) };
}

export interface AccountCohortRow extends Period {
  size: number;
  /** Cohort accounts active per offset (0 = the cohort's own period). */
  active: number[];
  /** active ÷ size × 100 per offset; null for an empty cohort. */
  retention: (number | null)[];
}

/**
 * Account cohorts: accounts grouped by the period (week or 30-day month from `from`) Hearth first
 * heard of them (`createdAt`: the first membership or traits); each later cell is the % of the
 * cohort active in that period (`counts`, per cohort and offset). An account belongs to one
 * cohort, however many cohorts its members' own first activity falls in.
 */
export function accountCohorts(
  created: readonly { accountId: string; createdAt: number }[],
  counts: readonly AccountCohortCount[],
  range: Range,
  period: 'week' | 'month',
): AccountCohortRow[] {
  const periods = periodsOf(range, PERIOD_MS[period]);
  const active = new Map(counts.map((c) => [`${c.cohort}:${c.offset}`, c.accounts]));
  return periods.map((p, cohort) => {
    const size = created.filter((a) => a.createdAt >= Date.parse(p.start) && a.createdAt < Date.parse(p.end)).length;
    const cells = periods.slice(cohort).map((_, offset) => active.get(`${cohort}:${offset}`) ?? 0);
    return { ...p, size, active: cells, retention: cells.map((n) => percent(n, size)) };
  });
}
