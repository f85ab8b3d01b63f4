import type { ProjectConfig, RevenueConfig, RevenueFact } from '@hearth/schema';
import { differingField, RevenueError, revenueFactRow, type Customer } from '../domain/revenue/revenue-fact.js';
import type { SubscriptionEnds } from '../kpi/accounts.js';
import { revenueKpis, type RevenueKpis } from '../kpi/revenue.js';
import type { KpiSegment } from '../kpi/segment.js';
import type { CustomerIds, RevenueStore } from '../storage/revenue/revenue-store.js';
import type { Store } from '../storage/store.js';

/**
 * Which customers a revenue KPI covers: listed ids of one kind or of several (filtered in SQL:
 * one account, a segment's users and accounts), or any predicate on the customer, applied to the
 * period's rows.
 */
export type CustomerFilter = CustomerIds | readonly CustomerIds[] | ((customer: Customer) => boolean);

export function revenueConfigOf(project: ProjectConfig): RevenueConfig {
  if (!project.revenue) {
    throw new RevenueError(
      'revenue_not_configured',
      `Project ${project.id} records no revenue: set revenue.currency in its settings first.`,
      'revenue',
    );
  }
  return project.revenue;
}

/**
 * Records a fact once per host id: the same id with the same content again is `duplicate`, with
 * different content a conflict naming the first differing field (a fact is never rewritten).
 */
export async function recordRevenueFact(
  store: RevenueStore,
  project: ProjectConfig,
  fact: RevenueFact,
  at: number,
): Promise<{ id: string; status: 'created' | 'duplicate' }> {
  const row = revenueFactRow(project.id, fact, revenueConfigOf(project).currency);
  const result = await store.record(row, at);
  if (result.status === 'duplicate') {
    const field = differingField(result.stored, row);
    if (field !== null) {
      throw new RevenueError(
        'idempotency_conflict',
        `${field}: fact ${fact.id} was recorded before with a different ${field}; a fact is never changed, send a new one with its own id.`,
        field,
      );
    }
  }
  return { id: fact.id, status: result.status };
}

/**
 * The revenue KPIs of [from, to) for the customers `filter` keeps (all by default): the one entry
 * point for every caller, the dashboard and the member / holdout / segment comparisons alike.
 */
export async function revenueKpisFor(
  store: RevenueStore,
  project: ProjectConfig,
  period: { from: number; to: number },
  filter?: CustomerFilter,
): Promise<RevenueKpis> {
  const config = revenueConfigOf(project);
  if (typeof filter === 'function') {
    const rows = await store.customerPeriods(project.id, period.from, period.to);
    return revenueKpis(
      rows.filter((row) => filter(row.customer)),
      config,
      period,
    );
  }
  // A row is one customer, so the rows of disjoint lists (accounts, users) add up.
  const lists = filter === undefined ? [undefined] : 'kind' in filter ? [filter] : filter;
  const rows = await Promise.all(lists.map((customers) => store.customerPeriods(project.id, period.from, period.to, customers)));
  return revenueKpis(rows.flat(), config, period);
}

/**
 * The customers of a segment for the revenue KPIs (docs/reference/kpi-definitions.md, "Segments"):
 * the users in it (revenue recorded per user) and the accounts it holds by their own traits and
 * age or through their members, at the range's end.
 */
export async function segmentCustomerIds(
  store: Pick<Store, 'kpi'>,
  projectId: string,
  segment: KpiSegment,
  to: Date,
): Promise<CustomerIds[]> {
  const { userIds, accountIds } = await store.kpi.segmentCustomers(projectId, segment, to);
  return [
    { kind: 'account', ids: accountIds },
    { kind: 'user', ids: userIds },
  ];
}

/**
 * The account churn's second reason (kpi/accounts.ts): an account's subscription *ended* in
 * [from, to) when a cancellation of it is dated in the period and nothing of the account still
 * bills at `to` (ARR 0): an account that cancelled one plan but renewed or started another by the
 * period's end is not lost. Read through the revenue KPIs' own query, so both stores agree. Null
 * while no fact before `to` names an account (revenue per user only, or none yet).
 */
export function subscriptionEnds(store: RevenueStore): SubscriptionEnds {
  return {
    async endedIn(projectId, from, to) {
      const rows = await store.customerPeriods(projectId, from, to);
      const accounts = rows.filter((row) => row.customer.kind === 'account');
      if (accounts.length === 0) return null;
      return new Set(accounts.filter((row) => row.cancellations > 0 && row.endArr === 0n).map((row) => row.customer.id));
    },
  };
}
