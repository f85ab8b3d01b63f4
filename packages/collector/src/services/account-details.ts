import type { AccountDetail, NpsSummary, ProjectConfig } from '@hearth/schema';
import type { RevenueFactRow } from '../domain/revenue/revenue-fact.js';
import { npsSummary } from '../kpi/nps.js';
import type { Store } from '../storage/store.js';
import { revenueKpisFor } from './revenue.js';

/** Members whose answers and balances the account page adds up; larger accounts show their first ones. */
export const ACCOUNT_PAGE_MEMBERS = 200;
/** Revenue facts the account page lists, newest first. */
export const ACCOUNT_PAGE_FACTS = 50;

/** One revenue fact as the account page lists it (amounts in minor units of `currency`). */
export interface AccountRevenueFact {
  id: string;
  type: RevenueFactRow['type'];
  subscriptionId: string | null;
  amount: number;
  interval: string | null;
  occurredAt: string;
}

export interface AccountRevenue {
  /** The project's one currency (docs/revenue.md). */
  currency: string;
  /** Monthly recurring revenue now: the ARR of the account's subscriptions' latest facts ÷ 12, rounded once; null without any fact. */
  mrr: number | null;
  facts: AccountRevenueFact[];
}

export interface AccountPageDetail extends AccountDetail {
  /** NPS over every NPS answer its members gave (all surveys, all time), null figures when none. */
  nps: NpsSummary;
  /** The members' points: the sum of their balances and of their lifetime earnings. */
  points: { balance: number; lifetime: number };
  /** True when the account has more members than the page adds up. */
  truncated: boolean;
  /** Null when the project records no revenue. */
  revenue: AccountRevenue | null;
}

const interval = (row: RevenueFactRow) => (row.billing === null ? null : `${row.intervalCount ?? 1} ${row.billing}`);

/** MRR as the revenue KPIs compute it (one customer, the instant `now`) and the facts behind it. */
async function accountRevenue(store: Store, project: ProjectConfig, accountId: string, now: number): Promise<AccountRevenue | null> {
  if (!project.revenue) return null;
  const customer = { kind: 'account' as const, id: accountId };
  const [kpis, rows] = await Promise.all([
    revenueKpisFor(store.revenue, project, { from: now, to: now + 1 }, { kind: 'account', ids: [accountId] }),
    store.revenue.factsOf(project.id, customer, ACCOUNT_PAGE_FACTS),
  ]);
  const facts = rows.map((row) => ({
    id: row.factId,
    type: row.type,
    subscriptionId: row.subscriptionId,
    amount: row.amount,
    interval: interval(row),
    occurredAt: new Date(row.occurredAt).toISOString(),
  }));
  return { currency: project.revenue.currency, mrr: kpis.mrr, facts };
}

/** The console's account page: the stored account with its members' NPS and points, and its revenue. */
export function createAccountDetails(store: Store, clock: () => number) {
  return {
    async get(project: ProjectConfig, accountId: string): Promise<AccountPageDetail | null> {
      const account = await store.accounts.get(project.id, accountId);
      if (!account) return null;
      const members = account.memberList.slice(0, ACCOUNT_PAGE_MEMBERS);
      const perMember = await Promise.all(
        members.map(async ({ userId }) => ({
          responses: await store.users.responses(project.id, userId),
          balance: await store.rewards.balance(project.id, userId),
        })),
      );
      const scores = perMember.flatMap(({ responses }) =>
        responses.flatMap((response) => (!response.anonymous && response.answer.type === 'nps' ? [response.answer.score] : [])),
      );
      const points = perMember.reduce(
        (sum, { balance }) => ({ balance: sum.balance + balance.balance, lifetime: sum.lifetime + balance.lifetime }),
        { balance: 0, lifetime: 0 },
      );
      return {
        ...account,
        nps: npsSummary(scores),
        points,
        truncated: account.memberList.length > members.length,
        revenue: await accountRevenue(store, project, accountId, clock()),
      };
    },
  };
}

export type AccountDetails = ReturnType<typeof createAccountDetails>;
