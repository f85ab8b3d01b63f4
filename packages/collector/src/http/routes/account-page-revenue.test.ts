import { describe, expect, it } from 'vitest';
import { bothStores } from '../../test-support/both-stores.js';
import { uniqueProjectId } from '../../test-support/events.js';
import { NOW, SECRET, testApp, testConfig } from '../../test-support/http.js';

const DAY = 86_400_000;
const headers = { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' };
const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString();
const monthly = (amount: number) => ({ amount, currency: 'EUR', interval: 'month' });

describe.each(bothStores('hearth_account_page'))('the account page’s revenue ($name)', ({ open }) => {
  const app = async (revenue?: unknown) =>
    testApp({ store: await open(), config: testConfig({ id: uniqueProjectId(), ...(revenue ? { revenue } : {}) }) }).app;
  const call = (collector: Awaited<ReturnType<typeof app>>, method: string, path: string, body?: unknown) =>
    collector.request(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  it('shows MRR now (the latest price of each subscription ÷ month) and the facts, newest first', async () => {
    const collector = await app({ currency: 'EUR' });
    expect((await call(collector, 'PUT', '/v1/server/accounts/acme', { traits: { plan: 'pro' } })).status).toBe(200);
    const facts = [
      { id: 'start', type: 'subscription_started', subscriptionId: 's1', ...monthly(4_900), occurredAt: at(40) },
      { id: 'upgrade', type: 'subscription_changed', subscriptionId: 's1', ...monthly(9_900), occurredAt: at(10) },
      // A yearly add-on: €120 a year is €10.00 a month.
      {
        id: 'addon',
        type: 'subscription_started',
        subscriptionId: 's2',
        amount: 12_000,
        currency: 'EUR',
        interval: 'year',
        occurredAt: at(7),
      },
      { id: 'setup-fee', type: 'payment', amount: 2_000, currency: 'EUR', occurredAt: at(5) },
    ];
    for (const fact of facts)
      expect((await call(collector, 'POST', '/v1/server/revenue', { ...fact, accountId: 'acme' })).status).toBe(201);
    // Another account's facts stay out.
    await call(collector, 'POST', '/v1/server/revenue', { ...facts[0], id: 'other', accountId: 'globex' });

    const page = (await (await call(collector, 'GET', '/v1/admin/accounts/acme')).json()) as { revenue: unknown };
    expect(page.revenue).toEqual({
      currency: 'EUR',
      mrr: 10_900,
      facts: [
        { id: 'setup-fee', type: 'payment', subscriptionId: null, amount: 2_000, interval: null, occurredAt: at(5) },
        { id: 'addon', type: 'subscription_started', subscriptionId: 's2', amount: 12_000, interval: '1 year', occurredAt: at(7) },
        { id: 'upgrade', type: 'subscription_changed', subscriptionId: 's1', amount: 9_900, interval: '1 month', occurredAt: at(10) },
        { id: 'start', type: 'subscription_started', subscriptionId: 's1', amount: 4_900, interval: '1 month', occurredAt: at(40) },
      ],
    });
  });

  it('says nothing of revenue for a project that records none, and null MRR for an account without facts', async () => {
    const none = await app();
    await call(none, 'PUT', '/v1/server/accounts/acme', { traits: {} });
    expect(((await (await call(none, 'GET', '/v1/admin/accounts/acme')).json()) as { revenue: unknown }).revenue).toBeNull();
    const some = await app({ currency: 'EUR' });
    await call(some, 'PUT', '/v1/server/accounts/acme', { traits: {} });
    expect(((await (await call(some, 'GET', '/v1/admin/accounts/acme')).json()) as { revenue: unknown }).revenue).toEqual({
      currency: 'EUR',
      mrr: null,
      facts: [],
    });
  });
});
