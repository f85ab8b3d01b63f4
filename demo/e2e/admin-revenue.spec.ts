import { test as base, expect } from '@playwright/test';
import { loadDemoProject } from '../server/demo-project.js';
import { SEED_ACCOUNTS, SEED_STRIPE_EVENTS, serverRevenueFacts } from '../server/seed-accounts.js';
import { seedDemoData } from '../server/seed.js';
import { adminConsole } from './admin-console.js';
import { withHearthStack } from './fixtures.js';

const test = base;
const DAY_MS = 86_400_000;

interface Price {
  account: string;
  at: number;
  /** Minor units per month from this instant on. */
  monthly: number;
}

/**
 * Each account's MRR now, worked out here from the seed's own facts rather than asked of Hearth:
 * every subscription bills its latest price (0 once cancelled or while trialing), per month.
 */
function expectedMrr(now: Date): Map<string, number> {
  const prices = new Map<string, Price>();
  const keep = (subscription: string, price: Price) => {
    const before = prices.get(subscription);
    if (!before || before.at <= price.at) prices.set(subscription, price);
  };
  for (const fact of serverRevenueFacts(now)) {
    if (!('subscriptionId' in fact) || !fact.accountId) continue;
    const months = 'interval' in fact ? (fact.interval === 'year' ? 12 : 1) * (fact.intervalCount ?? 1) : 1;
    const monthly = fact.type === 'subscription_cancelled' ? 0 : fact.amount / months;
    keep(fact.subscriptionId, { account: fact.accountId, at: Date.parse(fact.occurredAt), monthly });
  }
  for (const event of SEED_STRIPE_EVENTS) {
    const at = now.getTime() - event.daysAgo * DAY_MS;
    const object = event.object as {
      id: string;
      status?: string;
      subscription?: string;
      subtotal?: number;
      metadata?: { hearth_account_id: string };
      subscription_details?: { metadata: { hearth_account_id: string } };
      items?: { data: { quantity: number; price: { unit_amount: number } }[] };
    };
    if (event.type === 'invoice.paid' && object.subscription) {
      keep(object.subscription, { account: object.subscription_details!.metadata.hearth_account_id, at, monthly: object.subtotal! });
    } else if (event.type.startsWith('customer.subscription.')) {
      const billing = object.items!.data.reduce((sum, item) => sum + item.price.unit_amount * item.quantity, 0);
      const free = event.type === 'customer.subscription.deleted' || object.status === 'canceled' || object.status === 'trialing';
      keep(object.id, { account: object.metadata!.hearth_account_id, at, monthly: free ? 0 : billing });
    }
  }
  const mrr = new Map<string, number>();
  for (const { account, monthly } of prices.values()) mrr.set(account, (mrr.get(account) ?? 0) + monthly);
  return mrr;
}

/** "€1,079.00" or "1.079,00 €" → 107900: the figure in minor units, whatever the locale's separators. */
const minorUnits = (text: string) => Number(text.replace(/[^\d]/g, ''));

test('a product manager opens each seeded account and reads the MRR the seed’s facts give', async ({ page }) => {
  test.setTimeout(240_000);
  await withHearthStack(async (stack) => {
    const { project, secret } = loadDemoProject();
    const now = new Date();
    await seedDemoData({ collectorUrl: stack.collector.url, project, secret, store: stack.store, now });
    const expected = expectedMrr(now);

    await adminConsole(page, stack.collector.url).signIn();
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Accounts' }).click();
    const list = page.getByRole('table', { name: 'Accounts, by id' });
    for (const account of SEED_ACCOUNTS) await expect(list.getByRole('link', { name: account.id })).toBeVisible();

    for (const account of SEED_ACCOUNTS) {
      await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Accounts' }).click();
      await list.getByRole('link', { name: account.id }).click();
      await expect(page.getByRole('heading', { level: 1, name: `Account ${account.id}` })).toBeVisible();
      const revenue = page.getByRole('region', { name: 'Revenue' });
      const mrr = revenue.getByTestId('account-mrr');
      await expect(mrr).not.toHaveText('');
      const shown = (await mrr.textContent()) ?? '';
      if (expected.has(account.id)) expect(minorUnits(shown), account.id).toBe(expected.get(account.id));
      // An account the seed bills nothing has no fact at all: its MRR is unknown, not 0.
      else expect(shown, account.id).toBe('—');
      await expect(page.getByRole('region', { name: 'Members' }).getByRole('table')).toContainText(account.members[0]!);
      await expect(page.getByRole('region', { name: 'Traits' })).toContainText(account.plan);
    }
  });
});
