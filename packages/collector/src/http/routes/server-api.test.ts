import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { verifyWebhook } from '@hearth/node';
import { NOW, ORIGIN, PUBLIC_KEY, SECRET, errorOf, userToken } from '../../test-support/http.js';
import { webhookReceiver } from '../../test-support/webhook-receiver.js';
import { PROGRAM, rewardsTestApp } from '../../test-support/rewards-test-app.js';

type App = ReturnType<typeof rewardsTestApp>['app'];
const server = (app: App, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const points = (userId: string, amount: number, idempotencyKey: string) => ({ userId, amount, reason: 'Support goodwill', idempotencyKey });

describe('server API authentication', () => {
  it('refuses a public key, a missing key, an unknown key and any browser Origin on every write endpoint', async () => {
    const { app, rewards } = rewardsTestApp();
    for (const path of ['/v1/server/points', '/v1/server/events', '/v1/server/redemptions/r1/fulfilled', '/v1/server/referrals']) {
      const body = points('u1', 500, `k-${path}`);
      expect((await server(app, path, body, { Authorization: `Bearer ${PUBLIC_KEY}` })).status, path).toBe(403);
      expect((await server(app, path, body, { Authorization: '' })).status, path).toBe(401);
      expect((await server(app, path, body, { Authorization: 'Bearer sk_not_a_real_secret_key' })).status, path).toBe(401);
      const fromBrowser = await server(app, path, body, { Origin: ORIGIN });
      expect(fromBrowser.status, path).toBe(403);
      expect((await errorOf(fromBrowser)).code).toBe('browser_refused');
    }
    expect(await rewards.balance('acme', 'u1')).toEqual({ balance: 0, lifetime: 0 });
  });
});

describe('server API', () => {
  it('awards and adjusts with idempotency keys: retry → same result, other parameters → 409', async () => {
    const { app } = rewardsTestApp();
    const first = await server(app, '/v1/server/points', points('u1', 100, 'grant-1'));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ status: 'created', balance: 100 });
    const retry = await server(app, '/v1/server/points', points('u1', 100, 'grant-1'));
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ status: 'duplicate', balance: 100 });
    const reused = await server(app, '/v1/server/points', points('u1', 5, 'grant-1'));
    expect(reused.status).toBe(409);
    expect((await errorOf(reused)).code).toBe('idempotency_conflict');
    const overdraw = await server(app, '/v1/server/points', points('u1', -101, 'fix-1'));
    expect(overdraw.status).toBe(409);
    expect((await errorOf(overdraw)).code).toBe('insufficient_points');
    const invalid = await server(app, '/v1/server/points', { ...points('u1', 0, 'x'), reason: '' });
    expect(invalid.status).toBe(400);
    expect((await errorOf(invalid)).issues?.map((i) => i.path).sort()).toEqual(['amount', 'reason']);
    expect(await (await server(app, '/v1/server/users/u1/balance')).json()).toEqual({ userId: 'u1', balance: 100, lifetime: 100 });
    const ledger = (await (await server(app, '/v1/server/users/u1/ledger?limit=10')).json()) as { entries: unknown[] };
    expect(ledger.entries).toEqual([
      { id: 'grant-1', userId: 'u1', amount: 100, reason: 'Support goodwill', ruleId: null, at: new Date(NOW).toISOString() },
    ]);
  });

  it('stores sent events as verified and pays server rules once per event id', async () => {
    const { app, events, rewards } = rewardsTestApp();
    const send = () =>
      server(app, '/v1/server/events', {
        events: [{ id: 'export-981', userId: 'u1', name: 'report_exported', properties: { format: 'pdf' } }],
      });
    const body = await (await send()).json();
    expect(body).toMatchObject({ accepted: 1, awards: [{ userId: 'u1', ruleId: 'export', points: 50, status: 'created' }] });
    expect(((await (await send()).json()) as { awards: { status: string }[] }).awards[0]?.status).toBe('duplicate');
    expect((await events.listEvents('acme', { userId: 'u1' }))[0]).toMatchObject({ name: 'report_exported', verified: true });
    expect((await rewards.balance('acme', 'u1')).balance).toBe(50);
  });

  it("pays a referral once, to both users, when the referred user's qualifying event arrives", async () => {
    const { app, rewards } = rewardsTestApp();
    const code = await rewards.referralCode('acme', 'ada');
    expect((await server(app, '/v1/server/referrals', { userId: 'bob', code: code.toLowerCase() })).status).toBe(201);
    const self = await server(app, '/v1/server/referrals', { userId: 'ada', code });
    expect([self.status, (await errorOf(self)).code]).toEqual([422, 'self_referral']);
    const qualify = (id: string) => server(app, '/v1/server/events', { events: [{ id, userId: 'bob', name: 'project_created' }] });
    await qualify('bob-project-1');
    await qualify('bob-project-2');
    expect(await rewards.balance('acme', 'ada')).toMatchObject({ balance: 30 });
    expect(await rewards.balance('acme', 'bob')).toMatchObject({ balance: 10 });
    expect((await rewards.referralOf('acme', 'bob'))?.convertedAt).not.toBeNull();
  });

  it('signs the fulfilment webhook and refunds a failed fulfilment with a new entry', async () => {
    const receiver = await webhookReceiver();
    onTestFinished(() => void receiver.close());
    const { app, engine, rewards } = rewardsTestApp(
      { ...PROGRAM, fulfilmentWebhookUrl: receiver.url },
      { allowPrivateWebhookTargets: true },
    );
    await server(app, '/v1/server/points', points('u1', 100, 'seed'));
    await engine.redeem('acme', 'u1', 'tee', 'redeem-1');
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1));
    const [hook] = receiver.received;
    expect(hook!.headers['hearth-delivery']).toBe('redeem-1');
    const header = hook!.headers['hearth-signature'] as string;
    // Signed at the wall clock's time (what the receiver checks against), whatever the app's clock says.
    expect(verifyWebhook({ secrets: [SECRET], body: hook!.body, header }).ok).toBe(true);
    expect(verifyWebhook({ secrets: [SECRET], body: hook!.body.replace('tee', 'car'), header }).ok).toBe(false);
    expect(JSON.parse(hook!.body)).toMatchObject({
      type: 'redemption.created',
      redemption: { id: 'redeem-1', itemId: 'tee', status: 'pending' },
    });
    const failed = await server(app, '/v1/server/redemptions/redeem-1/failed', { reason: 'Size out of stock' });
    expect(await failed.json()).toMatchObject({ status: 'failed', failureReason: 'Size out of stock' });
    expect((await rewards.balance('acme', 'u1')).balance).toBe(100);
    const late = await server(app, '/v1/server/redemptions/redeem-1/fulfilled', {});
    expect([late.status, (await errorOf(late)).code]).toEqual([409, 'already_settled']);
  });

  it('never follows a redirect from the fulfilment endpoint: the signed body goes nowhere else', async () => {
    const elsewhere = await webhookReceiver();
    const redirecting = await webhookReceiver({ status: 307, headers: { Location: elsewhere.url } });
    onTestFinished(() => void [elsewhere, redirecting].forEach((receiver) => receiver.close()));
    const { app, engine } = rewardsTestApp({ ...PROGRAM, fulfilmentWebhookUrl: redirecting.url }, { allowPrivateWebhookTargets: true });
    await server(app, '/v1/server/points', points('u1', 100, 'seed'));
    await engine.redeem('acme', 'u1', 'tee', 'redeem-1');
    await vi.waitFor(() => expect(redirecting.received).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    // A redirect is final (not retried), and its target never sees the signed body.
    expect(redirecting.received).toHaveLength(1);
    expect(elsewhere.received).toHaveLength(0);
  });

  it('answers KPIs for a period', async () => {
    const { app } = rewardsTestApp();
    await server(app, '/v1/server/points', points('u1', 120, 'seed'));
    const kpis = await (
      await server(app, `/v1/server/rewards/kpis?from=${new Date(NOW - 1_000).toISOString()}&to=${new Date(NOW + 1_000).toISOString()}`)
    ).json();
    expect(kpis).toMatchObject({
      pointsIssued: 120,
      pointsRedeemed: 0,
      activeMembers: 1,
      tierDistribution: [
        { tierId: null, members: 0 },
        { tierId: 'bronze', members: 0 },
        { tierId: 'silver', members: 1 },
      ],
    });
    expect((await server(app, '/v1/server/rewards/kpis?from=yesterday')).status).toBe(400);
  });

  it('serves the same KPIs on the admin path, which refuses a public key', async () => {
    const { app } = rewardsTestApp();
    await server(app, '/v1/server/points', points('u1', 120, 'seed'));
    const period = `from=${new Date(NOW - 1_000).toISOString()}&to=${new Date(NOW + 1_000).toISOString()}`;
    const admin = await server(app, `/v1/admin/kpi/rewards?${period}`);
    expect(admin.status).toBe(200);
    expect(await admin.json()).toEqual(await (await server(app, `/v1/server/rewards/kpis?${period}`)).json());
    expect((await server(app, `/v1/admin/kpi/rewards?${period}`, undefined, { Authorization: `Bearer ${PUBLIC_KEY}` })).status).toBe(403);
  });
});

describe('browser endpoints', () => {
  const state = async (app: App, userId: string, token?: string) =>
    app.request(`/v1/rewards?key=${PUBLIC_KEY}&userId=${userId}${token ? `&userToken=${token}` : ''}`, { headers: { Origin: ORIGIN } });

  it('needs a verified identity for the rewards state', async () => {
    const { app } = rewardsTestApp();
    expect((await state(app, 'u1')).status).toBe(401);
    expect((await state(app, 'u1', await userToken('someone-else'))).status).toBe(401);
    const res = await state(app, 'u1', await userToken('u1'));
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    expect(await res.json()).toMatchObject({
      balance: 0,
      tier: { id: 'bronze' },
      nextTier: { id: 'silver', minPoints: 100 },
      referral: { link: expect.stringMatching(/^https:\/\/acme\.test\/join\?ref=[A-Z2-9]{8}$/) },
    });
  });

  it('redeems with a verified identity only, once per request id', async () => {
    const { app, rewards } = rewardsTestApp();
    await rewards.append({ projectId: 'acme', id: 'seed', userId: 'u1', amount: 100, reason: 'seed', ruleId: null, at: NOW });
    const redeem = async (token: string) =>
      app.request(`/v1/rewards/redeem?key=${PUBLIC_KEY}`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: ORIGIN },
        body: JSON.stringify({ userId: 'u1', userToken: token, itemId: 'tee', requestId: 'click-1' }),
      });
    expect((await redeem(await userToken('u1', { secret: 'sk_wrong_secret_0000000' }))).status).toBe(401);
    const first = await redeem(await userToken('u1'));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ status: 'created', balance: 20, redemption: { itemId: 'tee', status: 'pending' } });
    expect((await redeem(await userToken('u1'))).status).toBe(200);
    expect((await rewards.balance('acme', 'u1')).balance).toBe(20);
  });
});
