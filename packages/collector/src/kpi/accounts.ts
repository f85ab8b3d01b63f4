import type { NpsSummary } from '@hearth/schema';
import { npsGroup } from '../domain/survey/groups.js';
import { churnKpis, type ChurnKpis } from './churn.js';
import { percent } from './median.js';
import { npsSummary } from './nps.js';
import { PERIOD_MS, periodsOf, type Period, type PeriodName, type Range } from './retention-periods.js';

/**
 * Account-level KPIs (docs/reference/kpi-definitions.md, "Accounts"). An account is *active* in a
 * span when at least one event attributed to it (`events.account_id`: see docs/accounts.md) falls
 * in that span. The store hands over, per account and UTC day, the first and the last such
 * event: a KPI period is ≥ 24 h, so one UTC day's events fall in at most two periods, those of its
 * first and its last event, and the pair answers "was the account active in this period / at this
 * instant" exactly (the store clips rows to the range, so a clipped last period is exact too).
 */
export interface AccountDay {
  accountId: string;
  firstAt: number;
  lastAt: number;
}

/** The accounts with an event in [start, end). */
function activeIn(days: readonly AccountDay[], start: number, end: number): Set<string> {
  const inside = (t: number) => t >= start && t < end;
  return new Set(days.flatMap((d) => (inside(d.firstAt) || inside(d.lastAt) ? [d.accountId] : [])));
}

/** Accounts active at instant T: an event in (T − N, T), i.e. their last activity is less than N old. */
function activeAt(days: readonly AccountDay[], at: number, inactivityMs: number): Set<string> {
  const inside = (t: number) => t > at - inactivityMs && t < at;
  return new Set(days.flatMap((d) => (inside(d.firstAt) || inside(d.lastAt) ? [d.accountId] : [])));
}

export type ActiveAccountsPoint = Period & { activeAccounts: number };

/** Active accounts per day, 7-day week and 30-day month of the range; periods without any are 0. */
export function activeAccountsSeries(
  days: readonly AccountDay[],
  range: Range,
): Record<'daily' | 'weekly' | 'monthly', ActiveAccountsPoint[]> {
  const series = (period: PeriodName) =>
    periodsOf(range, PERIOD_MS[period]).map((p) => ({ ...p, activeAccounts: activeIn(days, Date.parse(p.start), Date.parse(p.end)).size }));
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
 * Account churn and retention, both reasons labelled. `days` must cover [from − N, to); `ended`
 * is the set of accounts whose subscription ended in [from, to), or null when unknown.
 */
export function accountChurn(
  days: readonly AccountDay[],
  range: Range,
  inactivityMs: number,
  ended: ReadonlySet<string> | null,
): AccountChurn {
  const [from, to] = [range.from.getTime(), range.to.getTime()];
  const start = activeAt(days, from, inactivityMs);
  const end = activeAt(days, to, inactivityMs);
  const count = (kept: (account: string) => boolean) =>
    churnKpis({ customersAtStart: start.size, retained: [...start].filter(kept).length });
  return {
    customersAtStart: start.size,
    inactive: count((a) => end.has(a)),
    subscriptionEnded: ended ? count((a) => !ended.has(a)) : null,
    either: ended ? count((a) => end.has(a) && !ended.has(a)) : null,
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
 * cohort active in that period. An account belongs to one cohort, however many cohorts its
 * members' own first activity falls in.
 */
export function accountCohorts(
  created: readonly { accountId: string; createdAt: number }[],
  days: readonly AccountDay[],
  range: Range,
  period: 'week' | 'month',
): AccountCohortRow[] {
  const periods = periodsOf(range, PERIOD_MS[period]);
  const active = periods.map((p) => activeIn(days, Date.parse(p.start), Date.parse(p.end)));
  return periods.map((p, cohort) => {
    const members = created.filter((a) => a.createdAt >= Date.parse(p.start) && a.createdAt < Date.parse(p.end)).map((a) => a.accountId);
    const counts = periods.slice(cohort).map((_, offset) => members.filter((a) => active[cohort + offset]!.has(a)).length);
    return { ...p, size: members.length, active: counts, retention: counts.map((n) => percent(n, members.length)) };
  });
}
