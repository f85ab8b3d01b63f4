import type { RevenueFact } from '../../packages/schema/src/index.js';
import { revenueFactRow } from '../../packages/collector/src/domain/revenue/revenue-fact.js';
import type { Store } from '../../packages/collector/src/index.js';
import { inPool } from './pool.js';
import { DAY_MS, type BenchUser } from './population.js';
import { PROJECT_ID, REVENUE_CURRENCY } from './project.js';
import type { Random } from './random.js';

/** What each plan bills per month (minor units); a yearly subscription pays ten months. */
const PRICE = { pro: 4_900, enterprise: 29_900 } as const;
type PaidPlan = keyof typeof PRICE;

export interface AccountsAndRevenue {
  accounts: number;
  memberships: number;
  revenueFacts: number;
}

/** The members of each account, in the population's order. */
function accountsOf(users: readonly BenchUser[]): Map<string, BenchUser[]> {
  const accounts = new Map<string, BenchUser[]>();
  for (const user of users) {
    const members = accounts.get(user.accountId);
    if (members) members.push(user);
    else accounts.set(user.accountId, [user]);
  }
  return accounts;
}

/**
 * One account's revenue history: 50 % of accounts pay (pro or enterprise, a fifth of them
 * yearly), from the first member's signup (accounts already there when the window opens started
 * paying up to a year earlier), renewing each interval; 15 % change their amount once (an
 * upgrade); the subscription is cancelled when the last member churns; 10 % pay a one-off
 * onboarding fee. Facts before `end` only.
 */
function accountFacts(random: Random, accountId: string, members: readonly BenchUser[], start: number, end: number, days: number) {
  const facts: RevenueFact[] = [];
  const plan = random.weighted<PaidPlan | 'free'>([
    ['free', 50],
    ['pro', 35],
    ['enterprise', 15],
  ]);
  if (plan === 'free') return { plan, facts };
  const firstDay = Math.min(...members.map((m) => m.startDay));
  const lastDay = Math.max(...members.map((m) => m.endDay));
  const yearly = random.chance(0.2);
  const months = yearly ? 12 : 1;
  const began = start + firstDay * DAY_MS - (firstDay === 0 ? random.int(365) * DAY_MS : 0) + random.int(DAY_MS);
  const cancelledAt = lastDay < days ? start + lastDay * DAY_MS + random.int(DAY_MS) : Infinity;
  const upgradeAt = random.chance(0.15) ? began + random.int(Math.max(1, Math.min(end, cancelledAt) - began)) : Infinity;
  const subscriptionId = `sub-${accountId}`;
  const customer = {
    accountId,
    subscriptionId,
    currency: REVENUE_CURRENCY,
    interval: yearly ? 'year' : 'month',
    intervalCount: 1,
  } as const;
  let amount = PRICE[plan] * (yearly ? 10 : 1);
  const iso = (ms: number) => new Date(ms).toISOString();
  facts.push({ ...customer, id: `${subscriptionId}-start`, type: 'subscription_started', amount, occurredAt: iso(began) });
  let changed = false;
  for (let n = 1; ; n++) {
    const renewal = began + n * months * 30 * DAY_MS;
    if (!changed && upgradeAt < Math.min(renewal, end, cancelledAt)) {
      changed = true;
      amount = Math.round(amount * 1.5);
      facts.push({ ...customer, id: `${subscriptionId}-change`, type: 'subscription_changed', amount, occurredAt: iso(upgradeAt) });
    }
    if (renewal >= end || renewal >= cancelledAt) break;
    facts.push({ ...customer, id: `${subscriptionId}-renew-${n}`, type: 'subscription_renewed', amount, occurredAt: iso(renewal) });
  }
  if (cancelledAt < end)
    facts.push({ id: `${subscriptionId}-cancel`, accountId, subscriptionId, type: 'subscription_cancelled', occurredAt: iso(cancelledAt) });
  if (random.chance(0.1))
    facts.push({
      id: `${accountId}-onboarding`,
      accountId,
      type: 'payment',
      amount: 50_000,
      currency: REVENUE_CURRENCY,
      occurredAt: iso(began + DAY_MS),
    });
  return { plan, facts };
}

/**
 * Accounts and revenue through the collector's own stores: each user joins their company's
 * account at signup (the events already carry that account, as the write path would have given
 * them), the account gets its plan as a trait, and its subscription facts are recorded as the
 * server API records them. A random stream of its own, so the events stay what they were.
 */
export async function writeAccountsAndRevenue(
  store: Store,
  users: readonly BenchUser[],
  random: Random,
  options: { end: number; days: number },
  inFlight: number,
): Promise<AccountsAndRevenue> {
  const start = options.end - options.days * DAY_MS;
  const accounts = [...accountsOf(users)].sort(([a], [b]) => (a < b ? -1 : 1));
  const histories = accounts.map(([accountId, members]) => accountFacts(random, accountId, members, start, options.end, options.days));
  const facts = histories.flatMap((history) => history.facts);
  await inPool(accounts, inFlight, async ([accountId, members], index) => {
    const firstSeen = start + Math.min(...members.map((m) => m.startDay)) * DAY_MS;
    await store.accounts.setTraits(PROJECT_ID, accountId, { plan: histories[index]!.plan, seats: members.length }, firstSeen);
    for (const member of members) {
      const joinedAt = start + member.startDay * DAY_MS;
      await store.accounts.addMember(PROJECT_ID, accountId, member.userId, { joinedAt, activeAt: joinedAt });
    }
  });
  await inPool(facts, inFlight, async (fact) => {
    const result = await store.revenue.record(revenueFactRow(PROJECT_ID, fact, REVENUE_CURRENCY), Date.parse(fact.occurredAt));
    if (result.status !== 'created') throw new Error(`revenue fact ${fact.id} already stored`);
  });
  return { accounts: accounts.length, memberships: users.length, revenueFacts: facts.length };
}
