import { describe, expect, it } from 'vitest';
import { bothStores } from '../test-support/both-stores.js';
import { newEvent, uniqueProjectId } from '../test-support/events.js';
import type { Store } from '../storage/store.js';
import { revenueFactRow } from '../domain/revenue/revenue-fact.js';
import { fact, type FactSpec } from '../test-support/revenue.js';
import { createAccountKpis } from './account-kpis.js';
import { subscriptionEnds } from './revenue.js';

const DAY = 86_400_000;
const D0 = Date.parse('2026-03-02T00:00:00.000Z');
const range = { from: new Date(D0), to: new Date(D0 + 14 * DAY) };

/**
 * Hand-computed fixture (N = 10 days, range [D0, D0 + 14 d)):
 * - acme (created D0 − 20 d; ada): events D0 − 5 d and D0 + 13 d → active at from and at to: retained.
 * - initech (created D0 − 30 d; ivy): event D0 − 2 d only → active at from, 16 d quiet at to: lost.
 * - globex (created D0 + 1 d; eve, first seen D0 − 40 d, and bob, new): events D0 + 1 d 1 h (eve)
 *   and D0 + 8 d (bob) → new during the range, so in no churn cohort; its members sit in two user
 *   cohorts but the account is in one account cohort (week 0).
 * Revenue facts (€ per month): acme's plan started D0 − 20 d and was cancelled D0 + 6 d, nothing
 * after → its subscription ended; initech's started D0 − 30 d, renewed D0 + 2 d → still billing;
 * globex cancelled D0 + 3 d but started a new plan D0 + 4 d → billing at `to`, not ended; hooli
 * cancelled D0 − 1 d, before the range → not ended in it; user u9 (no account) cancelled D0 + 5 d →
 * not an account. Ended in the range: {acme}.
 * Churn: at start {acme, initech} = 2. Inactive: acme retained, initech lost → churn 50 %,
 * retention 50 %. Subscription ended: acme lost, initech kept → 50 % / 50 %. Either reason: both
 * lost, each once → churn 100 %, retention 0 %.
 * Active: week 0 = {globex} = 1, week 1 = {globex, acme} = 2; the 14-day month = 2.
 * Cohorts (week): week 0 = {globex}: active [1, 1] → [100, 100]; week 1 empty → [null].
 * NPS: acme ada 10 and 3 (1 promoter, 1 detractor: NPS 0); globex eve 9 (NPS 100); accounts
 * answered 2, with a detractor 1 → 50 %.
 */
async function seed(store: Store, projectId: string) {
  const event = (userId: string, accountId: string, at: number) =>
    newEvent({ projectId, userId, anonymousId: `a-${userId}`, accountId, timestamp: at, verified: true });
  await store.accounts.addMember(projectId, 'acme', 'ada', { joinedAt: D0 - 20 * DAY, activeAt: D0 - 20 * DAY });
  await store.accounts.addMember(projectId, 'initech', 'ivy', { joinedAt: D0 - 30 * DAY, activeAt: D0 - 30 * DAY });
  await store.accounts.addMember(projectId, 'globex', 'eve', { joinedAt: D0 + DAY, activeAt: D0 + DAY });
  await store.accounts.addMember(projectId, 'globex', 'bob', { joinedAt: D0 + DAY, activeAt: D0 + DAY });
  await store.writeEvents([
    event('eve', 'globex', D0 - 40 * DAY),
    event('ada', 'acme', D0 - 5 * DAY),
    event('ada', 'acme', D0 + 13 * DAY),
    event('ivy', 'initech', D0 - 2 * DAY),
    event('eve', 'globex', D0 + DAY + 3_600_000),
    event('bob', 'globex', D0 + 8 * DAY),
  ]);
  const answer = (userId: string, surveyId: string, score: number, at: number) =>
    store.responses.insert(projectId, {
      surveyId,
      cycle: 1,
      answer: { type: 'nps', score },
      traits: {},
      locale: 'en',
      answeredAt: new Date(at),
      updatedAt: new Date(at),
      userId,
      anonymous: false,
      comment: null,
    });
  await answer('ada', 'nps', 10, D0 + DAY);
  await answer('ada', 'nps-q2', 3, D0 + 2 * DAY);
  await answer('eve', 'nps', 9, D0 + 3 * DAY);
  // Outside the range: not counted.
  await answer('ivy', 'nps', 0, D0 - DAY);

  const monthly = { amount: 4_900, currency: 'EUR', interval: 'month' as const };
  const iso = (at: number) => new Date(at).toISOString();
  const facts: FactSpec[] = [
    { type: 'subscription_started', accountId: 'acme', subscriptionId: 's-acme', ...monthly, occurredAt: iso(D0 - 20 * DAY) },
    { type: 'subscription_cancelled', accountId: 'acme', subscriptionId: 's-acme', occurredAt: iso(D0 + 6 * DAY) },
    { type: 'subscription_started', accountId: 'initech', subscriptionId: 's-ini', ...monthly, occurredAt: iso(D0 - 30 * DAY) },
    { type: 'subscription_renewed', accountId: 'initech', subscriptionId: 's-ini', ...monthly, occurredAt: iso(D0 + 2 * DAY) },
    { type: 'subscription_started', accountId: 'globex', subscriptionId: 's-glo', ...monthly, occurredAt: iso(D0 - 10 * DAY) },
    { type: 'subscription_cancelled', accountId: 'globex', subscriptionId: 's-glo', occurredAt: iso(D0 + 3 * DAY) },
    { type: 'subscription_started', accountId: 'globex', subscriptionId: 's-glo2', ...monthly, occurredAt: iso(D0 + 4 * DAY) },
    { type: 'subscription_started', accountId: 'hooli', subscriptionId: 's-hoo', ...monthly, occurredAt: iso(D0 - 9 * DAY) },
    { type: 'subscription_cancelled', accountId: 'hooli', subscriptionId: 's-hoo', occurredAt: iso(D0 - DAY) },
    { type: 'subscription_started', userId: 'u9', subscriptionId: 's-u9', ...monthly, occurredAt: iso(D0 - 9 * DAY) },
    { type: 'subscription_cancelled', userId: 'u9', subscriptionId: 's-u9', occurredAt: iso(D0 + 5 * DAY) },
  ];
  for (const spec of facts) await store.revenue.record(revenueFactRow(projectId, fact(spec), 'EUR'), D0);
}

describe.each(bothStores('hearth_account_kpis'))('account KPIs on $name', ({ open }) => {
  it('match the hand-computed fixture', async () => {
    const store = await open();
    const projectId = uniqueProjectId();
    await seed(store, projectId);
    const kpis = createAccountKpis(store.accounts, subscriptionEnds(store.revenue));

    const churn = await kpis.churn(projectId, range, 10);
    expect(churn).toMatchObject({ inactivityDays: 10, customersAtStart: 2 });
    expect(churn.inactive).toEqual({ customersAtStart: 2, retained: 1, lost: 1, churnRate: 50, retentionRate: 50 });
    expect(churn.subscriptionEnded).toEqual({ customersAtStart: 2, retained: 1, lost: 1, churnRate: 50, retentionRate: 50 });
    expect(churn.either).toEqual({ customersAtStart: 2, retained: 0, lost: 2, churnRate: 100, retentionRate: 0 });
    expect(await subscriptionEnds(store.revenue).endedIn(projectId, range.from.getTime(), range.to.getTime())).toEqual(new Set(['acme']));

    const active = await kpis.active(projectId, range);
    expect(active.weekly.map((p) => p.activeAccounts)).toEqual([1, 2]);
    expect(active.monthly.map((p) => [p.activeAccounts, p.complete])).toEqual([[2, false]]);
    expect(active.daily).toHaveLength(14);
    expect(active.daily.filter((p) => p.activeAccounts > 0).map((p) => p.start)).toEqual(
      [1, 8, 13].map((d) => new Date(D0 + d * DAY).toISOString()),
    );

    const cohorts = await kpis.cohorts(projectId, range, 'week');
    expect(cohorts.cohorts.map((c) => [c.size, c.active, c.retention])).toEqual([
      [1, [1, 1], [100, 100]],
      [0, [0], [null]],
    ]);

    const nps = await kpis.nps(projectId, range);
    expect(nps).toMatchObject({ answered: 2, withDetractor: 1, withDetractorPct: 50 });
    expect(nps.accounts.map((a) => [a.accountId, a.count, a.score])).toEqual([
      ['acme', 2, 0],
      ['globex', 1, 100],
    ]);
  });

  it('an empty period gives rates of null, never 0, and a single account its own figures', async () => {
    const store = await open();
    const projectId = uniqueProjectId();
    const kpis = createAccountKpis(store.accounts, subscriptionEnds(store.revenue));
    const churn = await kpis.churn(projectId, range, 10);
    expect(churn.inactive).toEqual({ customersAtStart: 0, retained: 0, lost: 0, churnRate: null, retentionRate: null });
    // No revenue fact names an account: the subscription reason is unknown, not "nobody lost".
    expect(churn).toMatchObject({ subscriptionEnded: null, either: null });
    expect(await kpis.nps(projectId, range)).toEqual({ accounts: [], answered: 0, withDetractor: 0, withDetractorPct: null });
    expect((await kpis.active(projectId, range)).weekly.map((p) => p.activeAccounts)).toEqual([0, 0]);

    await store.accounts.addMember(projectId, 'solo', 'sam', { joinedAt: D0 - DAY, activeAt: D0 - DAY });
    await store.writeEvents([newEvent({ projectId, userId: 'sam', anonymousId: 'a-sam', accountId: 'solo', timestamp: D0 - DAY })]);
    expect((await kpis.churn(projectId, range, 10)).inactive).toEqual({
      customersAtStart: 1,
      retained: 0,
      lost: 1,
      churnRate: 100,
      retentionRate: 0,
    });
  });
});
