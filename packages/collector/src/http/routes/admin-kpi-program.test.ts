import { revenueFactSchema, type ProgramImpactAnswer, type PromptInput } from '@hearth/schema';
import { parseConfig } from '../../config.js';
import { describe, expect, it } from 'vitest';
import { inRewardsHoldout } from '../../domain/rewards/holdout.js';
import { recordRevenueFact } from '../../services/revenue.js';
import { NOW } from '../../test-support/http.js';
import { admin, promptApp, track } from '../../test-support/prompts.js';
import { newEvent } from '../../test-support/events.js';
import { npsAnswers } from '../../test-support/nps-answers.js';

const D = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const window = `from=${iso(NOW - 14 * D)}&to=${iso(NOW)}`;
const PROGRAM = {
  rules: [],
  tiers: [
    { id: 'bronze', name: 'Bronze', minPoints: 0 },
    { id: 'silver', name: 'Silver', minPoints: 100 },
  ],
  holdout: { percent: 50 },
  pointValue: 0.01,
};

/**
 * Hand-computed, range [NOW − 14 d, NOW), inactivityDays 7 (customers at the start had an event in
 * (NOW − 21 d, NOW − 14 d)), 2 weeks:
 * - ada: identify −16 d, event −1 d; earned 100 at −10 d, redeemed 30 at −5 d → member, silver, retained.
 * - bob: identify −15 d, silent; earned 50 at −15 d → member, bronze, customer, lost.
 * - cy: identify −10 d, event −2 d → non-member, not a customer at the start, 2 events.
 * - dee: identify −20 d, event −3 d → non-member, customer, retained, 1 event in range.
 * - eli: identify −15 d, silent → non-member, customer, lost.
 */
async function fixture(project: Record<string, unknown> = {}, prompts: Parameters<typeof promptApp>[0] = []) {
  const { app, store, config } = await promptApp(prompts, { inactivityDays: 7, rewards: PROGRAM, ...project });
  const identify = (userId: string, at: number) =>
    track(app, userId, '', { type: 'identify', name: undefined, properties: undefined, traits: {}, timestamp: iso(at) });
  const event = (userId: string, at: number) => track(app, userId, 'Page Viewed', { timestamp: iso(at) });
  await identify('ada', NOW - 16 * D);
  await event('ada', NOW - D);
  await identify('bob', NOW - 15 * D);
  await identify('cy', NOW - 10 * D);
  await event('cy', NOW - 2 * D);
  await identify('dee', NOW - 20 * D);
  await event('dee', NOW - 3 * D);
  await identify('eli', NOW - 15 * D);
  const earn = (userId: string, amount: number, at: number) =>
    store.rewards.append({ projectId: 'acme', id: `grant-${userId}`, userId, amount, reason: 'Grant', ruleId: null, at });
  await earn('ada', 100, NOW - 10 * D);
  await earn('bob', 50, NOW - 15 * D);
  await store.rewards.redeem({ projectId: 'acme', id: 'r1', userId: 'ada', item: { id: 'mug', cost: 30 }, at: NOW - 5 * D });
  return { app, store, project: parseConfig(config).projects[0]! };
}

describe('GET /v1/admin/kpi/program-impact', () => {
  it('answers the program figures, members against non-members with intervals, per tier, and exposed against the holdout', async () => {
    const { app } = await fixture();
    const res = await admin(app, 'GET', `/v1/admin/kpi/program-impact?${window}`);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as ProgramImpactAnswer;
    expect(answer.program).toEqual({
      activeCustomers: 3, // ada, cy, dee
      activeMembers: 1, // ada
      membershipRate: (1 / 3) * 100,
      redemptionRate: 20, // 30 redeemed ÷ 150 issued in the 30 days before NOW
      pointsIssued30d: 150,
      pointsRedeemed30d: 30,
      outstandingPoints: 120, // ada 70 + bob 50
      pointValue: 0.01,
      pointsLiability: 1.2,
    });
    const { retention, churn, usageFrequency, nps } = answer.membersVsNonMembers;
    // Members: ada retained, bob lost (1/2); non-members: dee retained, eli lost (1/2).
    expect(retention).toMatchObject({ exposed: { n: 2, value: 50 }, control: { n: 2, value: 50 }, difference: 0, verdict: 'too-small' });
    expect(retention.warning).toContain('members: 2, non-members: 2');
    expect(churn).toMatchObject({ exposed: { n: 2, value: 50 }, control: { n: 2, value: 50 } });
    // Events per active user per week: ada 1 ÷ 2 = 0.5; cy 2 ÷ 2 = 1, dee 1 ÷ 2 = 0.5 → mean 0.75.
    expect(usageFrequency).toMatchObject({ exposed: { n: 1, value: 0.5 }, control: { n: 2, value: 0.75 }, difference: null });
    expect(nps).toBeNull();
    expect(answer.byTier.map((t) => [t.tierId, t.members])).toEqual([
      [null, 0],
      ['bronze', 1],
      ['silver', 1],
    ]);
    expect(answer.byTier[2]?.metrics.retention).toMatchObject({ exposed: { n: 1, value: 100 }, control: { n: 2, value: 50 } });

    // The holdout by assignment (whatever the users earned): customers at the start ada, bob, dee, eli; retained ada, dee.
    const held = (id: string) => inRewardsHoldout(PROGRAM, 'acme', id);
    const customers = ['ada', 'bob', 'dee', 'eli'];
    const retained = ['ada', 'dee'];
    expect(answer.holdout?.percent).toBe(50);
    expect(answer.holdout?.exposedVsHoldout.retention).toMatchObject({
      exposed: { n: customers.filter((id) => !held(id)).length },
      control: { n: customers.filter(held).length },
    });
    const heldRetained = retained.filter(held).length;
    const heldCustomers = customers.filter(held).length;
    expect(answer.holdout?.exposedVsHoldout.retention.control.value).toBe(heldCustomers ? (100 * heldRetained) / heldCustomers : null);
  });

  it('holds out accounts with unit account, and compares NPS and revenue (ARPA, CLV) per group', async () => {
    const program = { ...PROGRAM, holdout: { percent: 50, unit: 'account' as const } };
    const survey: PromptInput = { id: 'nps', kind: 'survey', status: 'live', content: { type: 'nps', product: 'Acme' } };
    const { app, store, project } = await fixture({ rewards: program, revenue: { currency: 'EUR' } }, [survey]);
    const ids = Array.from({ length: 40 }, (_, i) => `acct-${i}`);
    const heldAccount = ids.find((id) => inRewardsHoldout(program, 'acme', id))!;
    const exposedAccount = ids.find((id) => !inRewardsHoldout(program, 'acme', id))!;
    // ada (member) and dee work in the held-out account, cy in the exposed one; bob and eli in none.
    const join = (accountId: string, userId: string) => store.accounts.addMember('acme', accountId, userId, { joinedAt: 0, activeAt: 0 });
    await join(heldAccount, 'ada');
    await join(heldAccount, 'dee');
    await join(exposedAccount, 'cy');
    // Events attributed to the accounts: the held-out one −17 d (active at the start) and −1 d (active
    // at the end, 1 event in range); the exposed one −2 d only (1 event in range, not at the start).
    const event = (userId: string, accountId: string, at: number) =>
      newEvent({ projectId: 'acme', userId, anonymousId: `a-${userId}`, accountId, timestamp: at, receivedAt: at, verified: true });
    await store.writeEvents([
      event('ada', heldAccount, NOW - 17 * D),
      event('ada', heldAccount, NOW - D + 3_600_000),
      event('cy', exposedAccount, NOW - 2 * D + 3_600_000),
    ]);
    // NPS in the range: ada 10, dee 3, cy 9; bob's answer is before it; an anonymous answer under eli's id is not eli's.
    const answer = npsAnswers(store, 'acme');
    await answer('ada', 10, NOW - 2 * D);
    await answer('dee', 3, NOW - 2 * D);
    await answer('cy', 9, NOW - 2 * D);
    await answer('bob', 0, NOW - 20 * D);
    await answer('eli', 0, NOW - 2 * D, true);
    // Revenue: the held-out account pays 120 a month, the exposed one 60, user dee 30 (all from before the range).
    const start = (id: string, customer: Record<string, string>, amount: number) =>
      recordRevenueFact(
        store.revenue,
        project,
        revenueFactSchema.parse({
          id,
          type: 'subscription_started',
          ...customer,
          subscriptionId: id,
          amount,
          currency: 'EUR',
          interval: 'month',
          occurredAt: iso(NOW - 30 * D),
        }),
        NOW,
      );
    await start('s-held', { accountId: heldAccount }, 12_000);
    await start('s-exposed', { accountId: exposedAccount }, 6_000);
    await start('s-dee', { userId: 'dee' }, 3_000);

    const impact = (await (await admin(app, 'GET', `/v1/admin/kpi/program-impact?${window}`)).json()) as ProgramImpactAnswer;
    expect(impact.npsSurveyId).toBe('nps');
    // Members ada (10 → +100); non-members dee (3 → −100) and cy (9 → +100): NPS 100 against 0.
    expect(impact.membersVsNonMembers.nps).toMatchObject({ exposed: { n: 1, value: 100 }, control: { n: 2, value: 0 } });
    // Members' customers: the held-out account (ada is a member); the others: the exposed account and user dee.
    expect(impact.membersVsNonMembers.revenue?.arpa).toMatchObject({ exposed: { n: 1, value: 12_000 }, control: { n: 2, value: 4_500 } });
    expect(impact.membersVsNonMembers.revenue?.clv).toMatchObject({
      exposedNote: 'no_churn',
      exposedPayingAtStart: 1,
      controlPayingAtStart: 2,
    });
    expect(impact.holdout).toMatchObject({ percent: 50, unit: 'account' });
    const { retention, usageFrequency, nps, revenue } = impact.holdout!.exposedVsHoldout;
    // The groups are accounts. Retention: the held-out account was active at the start and is at the
    // end; the exposed one was not active at the start. Usage: 1 event each in 2 weeks → 0.5 a week.
    expect(retention).toMatchObject({ exposed: { n: 0 }, control: { n: 1, value: 100 } });
    expect(usageFrequency).toMatchObject({ exposed: { n: 1, value: 0.5 }, control: { n: 1, value: 0.5 } });
    // NPS over the accounts' answers: held out ada 10, dee 3 (NPS 0); exposed cy 9 (NPS 100); sizes are accounts.
    expect(nps).toMatchObject({ exposed: { n: 1, value: 100 }, control: { n: 1, value: 0 } });
    expect(nps?.warning).toContain('the exposed accounts: 1, the holdout: 1');
    // Revenue by account: held 120.00 a month against exposed 60.00; user dee's own subscription is
    // no unit of an account experiment.
    expect(revenue?.arpa).toMatchObject({ exposed: { n: 1, value: 6_000 }, control: { n: 1, value: 12_000 } });
  });

  it('answers 404 for a project without a rewards program, and 400 naming a bad parameter', async () => {
    const { app } = await promptApp([]);
    const res = await admin(app, 'GET', `/v1/admin/kpi/program-impact?${window}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'no_rewards_program' } });
    const { app: withProgram } = await promptApp([], { rewards: PROGRAM });
    const bad = await admin(withProgram, 'GET', `/v1/admin/kpi/program-impact?${window}&inactivityDays=0`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { issues: [{ path: 'inactivityDays' }] } });
  });
});
