import { describe, expect, it } from 'vitest';
import { rewardsTestApp } from '../../test-support/rewards-test-app.js';
import { NOW, SECRET } from '../../test-support/http.js';
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
});
