import { test as base, expect } from '@playwright/test';
import { loadDemoProject } from '../server/demo-project.js';
import { SEED_ACCOUNTS, SEED_STRIPE_EVENTS, serverRevenueFacts } from '../server/seed-accounts.js';
import { seedDemoData } from '../server/seed.js';
import { adminConsole } from './admin-console.js';
import { withHearthStack } from './fixtures.js';

const test = base;
const DAY_MS = 86_400_000;

interface Price {
  subscription: string;
  account: string;
  at: number;
  /** Minor units per month from this instant on. */
  monthly: number;
}

/**
 * Every price the seed's own facts give a subscription, worked out here rather than asked of
 * Hearth: the latest price bills (0 once cancelled or while trialing), per month.
 */
function seededPrices(now: Date): Price[] {
  const prices: Price[] = [];
  for (const fact of serverRevenueFacts(now)) {
    if (!('subscriptionId' in fact) || !fact.accountId) continue;
    const months = 'interval' in fact ? (fact.interval === 'year' ? 12 : 1) * (fact.intervalCount ?? 1) : 1;
    const monthly = fact.type === 'subscription_cancelled' ? 0 : fact.amount / months;
    prices.push({ subscription: fact.subscriptionId, account: fact.accountId, at: Date.parse(fact.occurredAt), monthly });
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
      const account = object.subscription_details!.metadata.hearth_account_id;
      prices.push({ subscription: object.subscription, account, at, monthly: object.subtotal! });
    } else if (event.type.startsWith('customer.subscription.')) {
      const billing = object.items!.data.reduce((sum, item) => sum + item.price.unit_amount * item.quantity, 0);
      const free = event.type === 'customer.subscription.deleted' || object.status === 'canceled' || object.status === 'trialing';
      prices.push({ subscription: object.id, account: object.metadata!.hearth_account_id, at, monthly: free ? 0 : billing });
    }
  }
  return prices;
}

/** Each account's MRR at `at`: the sum of its subscriptions' latest prices up to then. */
function mrrAt(prices: Price[], at: number): Map<string, number> {
  const latest = new Map<string, Price>();
  for (const price of prices) {
    const before = latest.get(price.subscription);
    if (price.at <= at && (!before || before.at <= price.at)) latest.set(price.subscription, price);
  }
  const mrr = new Map<string, number>();
  for (const { account, monthly } of latest.values()) mrr.set(account, (mrr.get(account) ?? 0) + monthly);
  return mrr;
}

const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);
const paying = (mrr: Map<string, number>) => new Set([...mrr].filter(([, monthly]) => monthly > 0).map(([account]) => account));

/**
 * The project's MRR at `to` and CLV over [from, to), by the definitions the docs give: ARPA = MRR ÷
 * paying customers at `to`; monthly churn = (paying at `from`, not at `to`) ÷ paying at `from`,
 * scaled to 30 days; CLV = ARPA × margin ÷ monthly churn.
 */
function expectedHeadline(prices: Price[], from: number, to: number, marginPercent: number) {
  const start = paying(mrrAt(prices, from));
  const end = mrrAt(prices, to);
  const mrr = sum(end.values());
  const lost = [...start].filter((account) => !paying(end).has(account)).length;
  const monthlyChurn = ((lost / start.size) * (30 * DAY_MS)) / (to - from);
  const clv = Math.round(((mrr / paying(end).size) * (marginPercent / 100)) / monthlyChurn);
  return { mrr, clv };
}

/** "€1,079.00" or "1.079,00 €" → 107900: the figure in minor units, whatever the locale's separators. */
const minorUnits = (text: string) => Number(text.replace(/[^\d]/g, ''));

test('a product manager opens each seeded account and reads the MRR the seed’s facts give, then the project’s MRR and CLV on the overview', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await withHearthStack(async (stack) => {
    const { project, secret } = loadDemoProject();
    const now = new Date();
    await seedDemoData({ collectorUrl: stack.collector.url, project, secret, store: stack.store, now });
    const prices = seededPrices(now);
    const expected = mrrAt(prices, now.getTime());

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

    // The dashboard's headline cards give the project's MRR and CLV for the period it shows.
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Dashboard' }).click();
    const overview = page.getByRole('tabpanel', { name: 'Overview' });
    const from = Date.parse(`${await page.getByLabel('From').inputValue()}T00:00:00Z`);
    const to = Date.parse(`${await page.getByLabel('To (inclusive)').inputValue()}T00:00:00Z`) + DAY_MS;
    const headline = expectedHeadline(prices, from, to, project.revenue!.grossMarginPercent);
    for (const [card, value] of [
      ['MRR', headline.mrr],
      ['CLV', headline.clv],
    ] as const) {
      const figure = overview.getByRole('region', { name: card, exact: true }).getByTestId('overview-current');
      await expect(figure, card).toHaveAttribute('value', String(value));
      expect(minorUnits((await figure.textContent()) ?? ''), card).toBe(value);
    }
  });
});
