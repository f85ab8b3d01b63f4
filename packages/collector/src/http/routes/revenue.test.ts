import type { RevenueFactInput } from '@hearth/schema';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { recordRevenueFact, revenueKpisFor } from '../../services/revenue.js';
import { bothStores } from '../../test-support/both-stores.js';
import { uniqueProjectId } from '../../test-support/events.js';
import { NOW, SECRET, errorOf, testApp, testConfig } from '../../test-support/http.js';
import { at, fact, PERIOD, PORTFOLIO, PORTFOLIO_KPIS, PORTFOLIO_SETTINGS } from '../../test-support/revenue.js';

const STRIPE_SECRET = 'whsec_revenue_test_0123456789';
const REVENUE = { currency: 'EUR', ...PORTFOLIO_SETTINGS, stripeWebhookSecrets: [STRIPE_SECRET] };
const server = { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' };
const october = `from=${new Date(PERIOD.from).toISOString()}&to=${new Date(PERIOD.to).toISOString()}`;

type App = ReturnType<typeof testApp>['app'];
/** The status and the ErrorBody's error, in one object. */
const refusal = async (res: Response) => ({ status: res.status, ...(await errorOf(res)) });
const send = (app: App, body: unknown) =>
  app.request('/v1/server/revenue', { method: 'POST', headers: server, body: JSON.stringify(body) });
const kpis = async (app: App, query = october) =>
  (await (await app.request(`/v1/admin/kpi/revenue?${query}`, { headers: { Authorization: `Bearer ${SECRET}` } })).json()) as Record<
    string,
    unknown
  >;

/** A Stripe event signed the way Stripe signs it (the `stripe` package's own test header), at `NOW`. */
function stripe(app: App, event: { id: string; type: string; created: number; object: unknown }, secret = STRIPE_SECRET, signedAt = NOW) {
  const payload = JSON.stringify({
    id: event.id,
    object: 'event',
    type: event.type,
    created: event.created,
    data: { object: event.object },
  });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(signedAt / 1000) });
  return app.request('/v1/integrations/stripe', { method: 'POST', headers: { 'Stripe-Signature': signature }, body: payload });
}
const seconds = (iso: string) => Date.parse(iso) / 1000;
const subscription = (status: string, quantity: number) => ({
  id: 'sub_1',
  status,
  customer: 'cus_9',
  currency: 'eur',
  metadata: { hearth_account_id: 'globex' },
  items: { data: [{ quantity, price: { unit_amount: 1999, currency: 'eur', recurring: { interval: 'month', interval_count: 1 } } }] },
});

describe.each(bothStores('hearth_revenue'))('revenue over HTTP ($name)', (kind) => {
  const app = async (revenue: unknown = REVENUE) =>
    testApp({ store: await kind.open(), config: testConfig({ id: uniqueProjectId(), ...(revenue ? { revenue } : {}) }) }).app;

  it('records facts from the server API and answers the hand-computed KPIs', async () => {
    const collector = await app();
    for (const input of PORTFOLIO) expect((await send(collector, input)).status).toBe(201);
    expect(await kpis(collector)).toEqual({
      definition: 'docs/reference/kpi-definitions.md: Revenue and customer lifetime value (CLV)',
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-10-31T00:00:00.000Z',
      segment: null,
      currency: 'EUR',
      ...PORTFOLIO_KPIS,
    });
  });

  it('takes a repeated id with the same content as a no-op and refuses different content naming the field', async () => {
    const collector = await app();
    const payment = { id: 'inv-7', type: 'payment', accountId: 'acme', amount: 1999, currency: 'EUR', occurredAt: at(1) };
    expect(await (await send(collector, payment)).json()).toEqual({ id: 'inv-7', status: 'created' });
    const again = await send(collector, payment);
    expect([again.status, await again.json()]).toEqual([200, { id: 'inv-7', status: 'duplicate' }]);
    const changed = await refusal(await send(collector, { ...payment, amount: 2000 }));
    expect(changed).toMatchObject({ status: 409, code: 'idempotency_conflict', issues: [{ path: 'amount' }] });
    const moved = await refusal(await send(collector, { ...payment, occurredAt: at(2) }));
    expect(moved).toMatchObject({ status: 409, issues: [{ path: 'occurredAt' }] });
  });

  it('refuses another currency, spans that do not divide a year, and a fact naming no customer', async () => {
    const collector = await app();
    const base = {
      id: 's-1',
      type: 'subscription_started',
      accountId: 'acme',
      subscriptionId: 's',
      amount: 1000,
      currency: 'EUR',
      interval: 'month',
      occurredAt: at(0),
    };
    expect(await refusal(await send(collector, { ...base, currency: 'USD' }))).toMatchObject({
      status: 422,
      code: 'currency_mismatch',
      issues: [{ path: 'currency', message: expect.stringContaining('EUR only') }],
    });
    expect(await refusal(await send(collector, { ...base, intervalCount: 5 }))).toMatchObject({
      status: 400,
      issues: [{ path: 'intervalCount' }],
    });
    expect(await refusal(await send(collector, { ...base, amount: 19.99 }))).toMatchObject({ status: 400, issues: [{ path: 'amount' }] });
    const { accountId: _, ...anonymous } = base;
    expect(await refusal(await send(collector, anonymous))).toMatchObject({ status: 400, issues: [{ path: 'accountId' }] });
    const unconfigured = await app(null);
    expect(await refusal(await send(unconfigured, base))).toMatchObject({ status: 404, code: 'revenue_not_configured' });
  });

  it('maps signed Stripe events to facts, once per event id, and refuses bad signatures', async () => {
    const collector = await app();
    const created = {
      id: 'evt_created',
      type: 'customer.subscription.created',
      created: seconds(at(-5)),
      object: subscription('active', 1),
    };
    expect(await (await stripe(collector, created)).json()).toEqual({ id: 'evt_created', status: 'created' });
    expect(await (await stripe(collector, created)).json()).toEqual({ id: 'evt_created', status: 'duplicate' });
    const renewal = {
      id: 'evt_renewal',
      type: 'invoice.paid',
      created: seconds(at(25)),
      object: {
        id: 'in_2',
        customer: 'cus_9',
        currency: 'eur',
        amount_paid: 2379,
        subtotal: 3998,
        billing_reason: 'subscription_cycle',
        parent: { subscription_details: { subscription: 'sub_1', metadata: { hearth_account_id: 'globex' } } },
        lines: { data: [{ price: { recurring: { interval: 'month', interval_count: 1 } } }] },
      },
    };
    expect(await (await stripe(collector, renewal)).json()).toEqual({ id: 'evt_renewal', status: 'created' });
    const upgraded = { id: 'evt_up', type: 'customer.subscription.updated', created: seconds(at(10)), object: subscription('active', 2) };
    expect((await stripe(collector, upgraded)).status).toBe(200);
    const oneOff = {
      id: 'evt_pay',
      type: 'invoice.paid',
      created: seconds(at(3)),
      object: { id: 'in_3', customer: 'cus_9', currency: 'eur', amount_paid: 500 },
    };
    expect((await stripe(collector, oneOff)).status).toBe(200);
    const ignored = await stripe(collector, { id: 'evt_x', type: 'customer.created', created: seconds(at(1)), object: {} });
    expect(await ignored.json()).toMatchObject({ status: 'ignored', reason: expect.stringContaining('customer.created') });

    // globex: €19.99 a month at the start, two seats (€39.98) from Oct 11, renewed at that price on Oct 26.
    expect(await kpis(collector)).toMatchObject({
      mrrAtStart: 1999,
      mrr: 3998,
      expansionMrr: 1999,
      renewals: 1,
      renewalRate: 100,
      oneOffRevenue: 500,
    });
    const cancelled = {
      id: 'evt_end',
      type: 'customer.subscription.deleted',
      created: seconds(at(28)),
      object: subscription('canceled', 2),
    };
    expect((await stripe(collector, cancelled)).status).toBe(200);
    expect(await kpis(collector)).toMatchObject({ mrr: 0, churnedMrr: 1999, customerChurnRate: 100, renewalRate: 50 });

    expect(await refusal(await stripe(collector, { ...created, id: 'evt_forged' }, 'whsec_someone_else_0123'))).toMatchObject({
      status: 400,
      code: 'invalid_signature',
    });
    expect(await refusal(await stripe(collector, { ...created, id: 'evt_old' }, STRIPE_SECRET, NOW - 600_000))).toMatchObject({
      status: 400,
      code: 'invalid_signature',
    });
    const unsigned = await collector.request('/v1/integrations/stripe', { method: 'POST', body: '{}' });
    expect(await refusal(unsigned)).toMatchObject({ status: 400, code: 'missing_signature' });
    const dollars = { ...oneOff, id: 'evt_usd', object: { ...oneOff.object, currency: 'usd' } };
    expect(await refusal(await stripe(collector, dollars))).toMatchObject({ status: 422, code: 'currency_mismatch' });
  });

  it('keeps the Stripe secret when a settings change leaves it out, and shows only its fingerprint', async () => {
    const collector = await app();
    const change = await collector.request('/v1/admin/settings', {
      method: 'PATCH',
      headers: server,
      body: JSON.stringify({ revenue: { currency: 'EUR', grossMarginPercent: 70 } }),
    });
    const view = (await change.json()) as { revenue: Record<string, unknown> };
    expect(view.revenue).toEqual({
      currency: 'EUR',
      grossMarginPercent: 70,
      cac: [],
      stripeWebhookSecretFingerprints: [expect.stringMatching(/^sha256:/)],
    });
    expect(JSON.stringify(view)).not.toContain(STRIPE_SECRET);
    const event = {
      id: 'evt_after',
      type: 'invoice.paid',
      created: seconds(at(3)),
      object: { id: 'in_9', customer: 'cus_1', currency: 'eur', amount_paid: 100 },
    };
    expect((await stripe(collector, event)).status).toBe(200);
  });

  it('computes the KPIs of any customer subset through one function (segments, members, holdout)', async () => {
    const store = await kind.open();
    const project = testConfig({ revenue: REVENUE }).projects[0] as Parameters<typeof recordRevenueFact>[1] & { id: string };
    const config = { ...project, revenue: { ...REVENUE, cac: PORTFOLIO_SETTINGS.cac } } as Parameters<typeof recordRevenueFact>[1];
    const p = { ...config, id: `rev-${kind.name}-${Math.random().toString(36).slice(2, 8)}` };
    for (const input of PORTFOLIO as RevenueFactInput[]) await recordRevenueFact(store.revenue, p, fact(input), NOW);
    const users = await revenueKpisFor(store.revenue, p, PERIOD, (customer) => customer.kind === 'user');
    expect(users).toMatchObject({ mrrAtStart: 3_000, mrr: 4_000, expansionMrr: 1_000, payingCustomers: 1 });
    const listed = await revenueKpisFor(store.revenue, p, PERIOD, { kind: 'account', ids: ['a3', 'a4'] });
    expect(listed).toMatchObject({ mrrAtStart: 5_000, mrr: 10_000, newMrr: 7_000, contractionMrr: 2_000, payingCustomers: 2 });
  });
});
