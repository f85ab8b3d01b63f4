import { createHearthClient } from '@hearth/node';
import Stripe from 'stripe';
import { DEMO_STRIPE_SECRET, SEED_ACCOUNTS, SEED_STRIPE_EVENTS, serverRevenueFacts } from './seed-accounts.js';

const DAY_MS = 86_400_000;

/**
 * The accounts and their revenue, sent the ways a real deployment sends them: traits and members
 * with the secret key, the backend's own billing facts through `POST /v1/server/revenue`, and
 * Stripe's events as Stripe posts them, signed with the endpoint's secret by the `stripe` package's
 * own test header (nothing leaves the machine). Ids are fixed, so sending twice records nothing new.
 */
export async function seedAccountsAndRevenue(
  collectorUrl: string,
  secret: string,
  now: Date,
): Promise<{ accounts: number; facts: number }> {
  const hearth = createHearthClient({ baseUrl: collectorUrl, secretKey: secret, ky: { timeout: 60_000 } });
  for (const account of SEED_ACCOUNTS) {
    const createdAt = new Date(now.getTime() - account.createdDaysAgo * DAY_MS).toISOString();
    await hearth.setAccountTraits(account.id, { plan: account.plan, lifecycle: account.lifecycle, seats: account.seats, createdAt });
    for (const userId of account.members) await hearth.addMember(account.id, userId, { joinedAt: createdAt });
  }
  let facts = 0;
  for (const fact of serverRevenueFacts(now)) {
    await hearth.recordRevenue(fact);
    facts++;
  }
  for (const event of SEED_STRIPE_EVENTS) {
    const created = Math.floor((now.getTime() - event.daysAgo * DAY_MS) / 1000);
    const payload = JSON.stringify({ id: event.id, object: 'event', type: event.type, created, data: { object: event.object } });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: DEMO_STRIPE_SECRET });
    const response = await fetch(`${collectorUrl}/v1/integrations/stripe`, {
      method: 'POST',
      headers: { 'Stripe-Signature': signature, 'Content-Type': 'application/json' },
      body: payload,
    });
    if (!response.ok) throw new Error(`seeding: Stripe event ${event.id} failed: ${response.status} ${await response.text()}`);
    const { status } = (await response.json()) as { status: string };
    if (status !== 'created' && status !== 'duplicate') throw new Error(`seeding: Stripe event ${event.id} was ${status}`);
    facts++;
  }
  return { accounts: SEED_ACCOUNTS.length, facts };
}
