import { describe, expect, it } from 'vitest';
import { rewardsTestApp } from '../../test-support/rewards-test-app.js';
import { NOW, SECRET, testApp, testConfig } from '../../test-support/http.js';
import { createHearthClient, HearthApiError } from '@hearth/node';

function client(secretKey = SECRET) {
  const { app, rewards } = rewardsTestApp();
  const fetch = async (input: string | URL | Request, init?: RequestInit) => app.fetch(new Request(input, init));
  const hearth = createHearthClient({ baseUrl: 'http://hearth.test', secretKey, ky: { fetch, retry: 0 } });
  return { hearth, rewards };
}

describe('createHearthClient', () => {
  it('tracks verified events that pay server rules, and reads balance and ledger', async () => {
    const { hearth } = client();
    const sent = await hearth.track('u1', 'report_exported', { format: 'pdf' }, { id: 'export-0001' });
    expect(sent.awards).toEqual([{ userId: 'u1', ruleId: 'export', points: 50, status: 'created' }]);
    await hearth.award({ userId: 'u1', amount: 25, reason: 'Beta feedback', idempotencyKey: 'beta-u1' });
    expect(await hearth.balance('u1')).toEqual({ userId: 'u1', balance: 75, lifetime: 75 });
    expect((await hearth.ledger('u1', { limit: 1 })).map((e) => e.id)).toEqual(['beta-u1']);
  });

  it("throws HearthApiError with the collector's code", async () => {
    const { hearth } = client();
    const overdraw = hearth.adjust({ userId: 'u1', amount: -5, reason: 'Fix', idempotencyKey: 'fix-1' });
    await expect(overdraw).rejects.toBeInstanceOf(HearthApiError);
    await expect(hearth.adjust({ userId: 'u1', amount: -5, reason: 'Fix', idempotencyKey: 'fix-2' })).rejects.toMatchObject({
      status: 409,
      code: 'insufficient_points',
    });
    await expect(hearth.award({ userId: 'u1', amount: -5, reason: 'x', idempotencyKey: 'k' })).rejects.toBeInstanceOf(RangeError);
    await expect(client('sk_not_the_right_key_000').hearth.balance('u1')).rejects.toMatchObject({
      status: 401,
      code: 'unknown_secret_key',
    });
  });

  it('settles redemptions and attaches referrals', async () => {
    const { hearth, rewards } = client();
    await hearth.award({ userId: 'u1', amount: 100, reason: 'seed', idempotencyKey: 'seed' });
    await rewards.redeem({ projectId: 'acme', id: 'r1', userId: 'u1', item: { id: 'tee', cost: 80 }, at: NOW });
    expect(await hearth.fulfilled('r1')).toMatchObject({ status: 'fulfilled' });
    const code = await rewards.referralCode('acme', 'u1');
    expect(await hearth.attachReferral('u2', code)).toMatchObject({ referrerUserId: 'u1', referredUserId: 'u2' });
    expect(await hearth.kpis()).toMatchObject({ pointsIssued: 100, pointsRedeemed: 80 });
  });

  it('records revenue facts once per id and reads the revenue KPIs', async () => {
    const { app } = testApp({ config: testConfig({ revenue: { currency: 'JPY' } }) });
    const fetch = async (input: string | URL | Request, init?: RequestInit) => app.fetch(new Request(input, init));
    const hearth = createHearthClient({ baseUrl: 'http://hearth.test', secretKey: SECRET, ky: { fetch, retry: 0 } });
    const started = {
      id: 'sub-1-start',
      type: 'subscription_started',
      accountId: 'acme-co',
      subscriptionId: 'sub-1',
      amount: 1999,
      currency: 'JPY',
      interval: 'month',
      occurredAt: '2026-11-01T00:00:00Z',
    } as const;
    expect(await hearth.recordRevenue(started)).toEqual({ id: 'sub-1-start', status: 'created' });
    expect(await hearth.recordRevenue(started)).toEqual({ id: 'sub-1-start', status: 'duplicate' });
    await expect(hearth.recordRevenue({ ...started, amount: 2999 })).rejects.toMatchObject({
      status: 409,
      code: 'idempotency_conflict',
      issues: [{ path: 'amount' }],
    });
    expect(await hearth.revenueKpis({ from: '2026-11-10T00:00:00Z', to: '2026-11-20T00:00:00Z' })).toMatchObject({
      currency: 'JPY',
      mrr: 1999,
      arpa: 1999,
      payingCustomers: 1,
    });
  });
});
