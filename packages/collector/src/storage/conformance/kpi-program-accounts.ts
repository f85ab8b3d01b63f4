import { describe, expect } from 'vitest';
import { revenueFactRow } from '../../domain/revenue/revenue-fact.js';
import { newEvent } from '../../test-support/events.js';
import { npsAnswers } from '../../test-support/nps-answers.js';
import { fact } from '../../test-support/revenue.js';
import type { Store } from '../store.js';
import { projectHolding } from '../../test-support/holdout.js';
import { storeTest, type OpenStore } from './harness.js';

const D = 86_400_000;
const FROM = Date.parse('2026-03-02T00:00:00.000Z');
const TO = FROM + 14 * D;
const N = 10 * D;

/**
 * Hand-computed fixture, range [FROM, FROM + 14 d), inactivity N = 10 days, the holdout drawing
 * accounts (the test picks a project whose draw splits them so): acme (ada, bob) and soylent (cat)
 * held out; globex (dan, eve) and initech (fay) exposed; hooli has no member (outside the
 * experiment); gus is in no account. ada earned points
 * (the only member, tier 0). Events, each attributed to the user's account:
 * - acme: ada −5 d, bob +2 d, ada +12 d → active at FROM and at TO (an event in (TO − N, TO)).
 * - soylent: cat −3 d, cat +1 d → active at FROM, silent at TO: lost.
 * - globex: dan −2 d, eve +6 d, eve +6 d 1 h, dan +9 d → active at FROM and at TO.
 * - initech: fay +5 d → active in the range, not at FROM.
 * - gus: +3 d, no account.
 * NPS answers: ada 10, bob 0 (acme: m 2, net 0); cat 9 (soylent: m 1, net 1); dan 8, eve 10
 * (globex: m 2, net 1); fay 6 (initech: m 1, net −1); gus 10 (no account: in neither group).
 * Revenue (ARR = 12 × the monthly amount): acme 12,000 since −20 d; soylent 24,000 since −30 d,
 * cancelled +5 d; globex 36,000 from +2 d; initech 12,000 since −10 d; hooli 12,000 since −10 d;
 * user gus 12,000 since −10 d.
 */
async function seed(store: Store, projectId: string) {
  const members: [string, string][] = [
    ['acme', 'ada'],
    ['acme', 'bob'],
    ['soylent', 'cat'],
    ['globex', 'dan'],
    ['globex', 'eve'],
    ['initech', 'fay'],
  ];
  for (const [accountId, userId] of members)
    await store.accounts.addMember(projectId, accountId, userId, { joinedAt: FROM - 40 * D, activeAt: FROM - 40 * D });
  const event = (userId: string, accountId: string | null, at: number) =>
    newEvent({ projectId, userId, anonymousId: `a-${userId}`, accountId, timestamp: at, receivedAt: at, verified: true });
  await store.writeEvents([
    event('ada', 'acme', FROM - 5 * D),
    event('bob', 'acme', FROM + 2 * D),
    event('ada', 'acme', FROM + 12 * D),
    event('cat', 'soylent', FROM - 3 * D),
    event('cat', 'soylent', FROM + D),
    event('dan', 'globex', FROM - 2 * D),
    event('eve', 'globex', FROM + 6 * D),
    event('eve', 'globex', FROM + 6 * D + 3_600_000),
    event('dan', 'globex', FROM + 9 * D),
    event('fay', 'initech', FROM + 5 * D),
    event('gus', null, FROM + 3 * D),
  ]);
  await store.rewards.append({ projectId, id: 'join-ada', userId: 'ada', amount: 10, reason: 'Welcome', ruleId: null, at: FROM - D });
  const answer = npsAnswers(store, projectId);
  const scores: [string, number, number][] = [
    ['ada', 10, 1],
    ['bob', 0, 2],
    ['cat', 9, 3],
    ['dan', 8, 4],
    ['eve', 10, 5],
    ['fay', 6, 2],
    ['gus', 10, 3],
  ];
  for (const [userId, score, day] of scores) await answer(userId, score, FROM + day * D);
  const start = (customer: { accountId: string } | { userId: string }, monthly: number, days: number) =>
    fact({
      type: 'subscription_started',
      ...customer,
      subscriptionId: `s-${Object.values(customer)[0]}`,
      amount: monthly,
      currency: 'EUR',
      interval: 'month',
      occurredAt: new Date(FROM + days * D).toISOString(),
    });
  const facts = [
    start({ accountId: 'acme' }, 1_000, -20),
    start({ accountId: 'soylent' }, 2_000, -30),
    fact({
      type: 'subscription_cancelled',
      accountId: 'soylent',
      subscriptionId: 's-soylent',
      occurredAt: new Date(FROM + 5 * D).toISOString(),
    }),
    start({ accountId: 'globex' }, 3_000, 2),
    start({ accountId: 'initech' }, 1_000, -10),
    start({ accountId: 'hooli' }, 1_000, -10),
    start({ userId: 'gus' }, 1_000, -10),
  ];
  for (const f of facts) await store.revenue.record(revenueFactRow(projectId, f, 'EUR'), FROM);
}

/** Program groups when the holdout draws accounts: every store must give the hand-computed figures. */
export function kpiProgramAccountsConformance(open: OpenStore): void {
  const withStore = storeTest(open);

  describe('program groups under the account unit', () => {
    withStore('exposed and held-out accounts by the account KPI rules, NPS clustered by account, revenue sums', async (store, base) => {
      const { projectId, percent } = projectHolding(base, ['acme', 'soylent'], ['globex', 'initech']);
      await seed(store, projectId);
      const groups = await store.kpi.programGroupCounts(projectId, {
        from: new Date(FROM),
        to: new Date(TO),
        inactivityMs: N,
        holdout: { percent, unit: 'account' },
        // One tier from 10 points: ada's.
        tierMinPoints: [10],
        npsSurveyId: 'nps',
        revenue: true,
      });
      // Held out: at FROM acme and soylent, acme retained. Active acme (2 events in range) and
      // soylent (1): 2 accounts, 3 events, Σ events² = 4 + 1 = 5.
      // NPS: acme (m 2, net 0) and soylent (m 1, net 1): 2 accounts, 3 answers, promoters ada cat,
      // detractor bob; Σm² = 4 + 1 = 5, Σnet² = 0 + 1 = 1, Σnet·m = 0 + 1 = 1.
      // Revenue: acme pays 12,000 at TO; soylent paid 24,000 at FROM and nothing at TO (lost).
      expect(groups.holdout).toEqual({
        retention: { customersAtStart: 2, retained: 1 },
        engagement: { active: 2, events: 3, eventsSquared: 5 },
        nps: {
          responses: 3,
          promoters: 2,
          detractors: 1,
          clusters: { accounts: 2, responsesSquared: 5, netSquared: 1, netByResponses: 1 },
        },
        revenue: { payingAtEnd: 1, endArr: 12_000n, endArrSquared: 144_000_000, payingAtStart: 2, lost: 1 },
      });
      // Exposed: at FROM globex only (initech's first event is +5 d), retained. Active globex (3)
      // and initech (1): 4 events, Σ² = 9 + 1 = 10. NPS: globex (m 2, net 1), initech (m 1, net −1):
      // 3 answers, promoter eve, detractor fay; Σm² = 4 + 1 = 5, Σnet² = 1 + 1 = 2, Σnet·m = 2 − 1 = 1.
      // Revenue: globex 36,000 and initech 12,000 at TO (Σ² = 1,296,000,000 + 144,000,000); initech paid at FROM.
      expect(groups.exposed).toEqual({
        retention: { customersAtStart: 1, retained: 1 },
        engagement: { active: 2, events: 4, eventsSquared: 10 },
        nps: {
          responses: 3,
          promoters: 1,
          detractors: 1,
          clusters: { accounts: 2, responsesSquared: 5, netSquared: 2, netByResponses: 1 },
        },
        revenue: { payingAtEnd: 2, endArr: 48_000n, endArrSquared: 1_440_000_000, payingAtStart: 1, lost: 0 },
      });
      // Members stay users (ada), and an account customer is a member through any of its users: acme.
      // Non-members' customers: soylent (lost), globex, initech, hooli and user gus; paying at TO
      // globex, initech, hooli, gus: Σ 72,000, Σ² 1,296,000,000 + 3 × 144,000,000.
      expect(groups.member.revenue).toEqual({ payingAtEnd: 1, endArr: 12_000n, endArrSquared: 144_000_000, payingAtStart: 1, lost: 0 });
      expect(groups.tiers[1]!.revenue).toEqual(groups.member.revenue);
      expect(groups.nonMember.revenue).toEqual({
        payingAtEnd: 4,
        endArr: 72_000n,
        endArrSquared: 1_728_000_000,
        payingAtStart: 4,
        lost: 1,
      });
      // Member NPS per answer, unclustered: ada's 10.
      expect(groups.member.nps).toEqual({ responses: 1, promoters: 1, detractors: 0 });
      // The holdout segments: the held-out accounts' members, and the other accounts' members.
      const segment = (group: 'holdout' | 'exposed') =>
        store.kpi.segmentCustomers(projectId, { kind: 'holdout', group, percent, unit: 'account' }, new Date(TO));
      expect(await segment('holdout')).toEqual({ userIds: ['ada', 'bob', 'cat'], accountIds: ['acme', 'soylent'] });
      expect(await segment('exposed')).toEqual({ userIds: ['dan', 'eve', 'fay'], accountIds: ['globex', 'initech'] });
    });

    withStore('under the user unit only user customers are in the experiment', async (store, base) => {
      const { projectId, percent } = projectHolding(base, ['gus'], []);
      await seed(store, projectId);
      const groups = await store.kpi.programGroupCounts(projectId, {
        from: new Date(FROM),
        to: new Date(TO),
        inactivityMs: N,
        holdout: { percent, unit: 'user' },
        tierMinPoints: [],
        revenue: true,
      });
      // gus is the only user customer: held out, 12,000 at FROM and TO; no exposed user customer.
      expect(groups.holdout?.revenue).toEqual({ payingAtEnd: 1, endArr: 12_000n, endArrSquared: 144_000_000, payingAtStart: 1, lost: 0 });
      expect(groups.exposed?.revenue).toEqual({ payingAtEnd: 0, endArr: 0n, endArrSquared: 0, payingAtStart: 0, lost: 0 });
    });
  });
}
