import type { RevenueFactInput } from '@hearth/schema';
import { seedUserId } from './seed-data.js';

/**
 * Acme's customers as companies: a few accounts with members among the seeded users, a plan, and
 * a revenue history in euros (minor units). Long-time customers pay through the backend's own
 * billing (the server API); the newer ones through Stripe, whose signed webhooks the seed replays.
 * Pure data, relative to `now`: the e2e imports it and computes the expected figures itself.
 */
export interface SeedAccount {
  id: string;
  plan: 'trial' | 'pro' | 'business';
  /** The seed's two segments: on trial, or a customer for more than 90 days. */
  lifecycle: 'trial' | 'long-time';
  seats: number;
  members: string[];
  createdDaysAgo: number;
}

/** A Stripe event the seed signs with the project's webhook secret and posts to the receiver. */
export interface SeedStripeEvent {
  id: string;
  type: 'customer.subscription.created' | 'customer.subscription.updated' | 'customer.subscription.deleted' | 'invoice.paid';
  daysAgo: number;
  object: Record<string, unknown>;
}

export const DEMO_STRIPE_SECRET = 'whsec_demo_acme_change_me';

const members = (first: number, count: number) => Array.from({ length: count }, (_, i) => seedUserId(first + i));

export const SEED_ACCOUNTS: readonly SeedAccount[] = [
  { id: 'northwind', plan: 'business', lifecycle: 'long-time', seats: 25, members: members(0, 4), createdDaysAgo: 400 },
  { id: 'umbrella', plan: 'pro', lifecycle: 'long-time', seats: 8, members: members(4, 3), createdDaysAgo: 300 },
  { id: 'globex', plan: 'pro', lifecycle: 'long-time', seats: 10, members: members(7, 3), createdDaysAgo: 200 },
  { id: 'initech', plan: 'pro', lifecycle: 'trial', seats: 5, members: members(10, 2), createdDaysAgo: 40 },
  { id: 'hooli', plan: 'trial', lifecycle: 'trial', seats: 3, members: members(12, 2), createdDaysAgo: 12 },
];

const iso = (now: Date, daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString();
const monthly = (amount: number) => ({ amount, currency: 'EUR', interval: 'month' as const });

/** Facts the backend sends with the secret key (`POST /v1/server/revenue`). */
export function serverRevenueFacts(now: Date): RevenueFactInput[] {
  return [
    {
      id: 'nw-start',
      type: 'subscription_started',
      accountId: 'northwind',
      subscriptionId: 'nw-1',
      ...monthly(49_000),
      occurredAt: iso(now, 380),
    },
    // An upgrade inside the last 30 days: expansion MRR.
    {
      id: 'nw-upgrade',
      type: 'subscription_changed',
      accountId: 'northwind',
      subscriptionId: 'nw-1',
      ...monthly(69_000),
      occurredAt: iso(now, 20),
    },
    { id: 'nw-onboarding', type: 'payment', accountId: 'northwind', amount: 15_000, currency: 'EUR', occurredAt: iso(now, 18) },
    {
      id: 'um-start',
      type: 'subscription_started',
      accountId: 'umbrella',
      subscriptionId: 'um-1',
      ...monthly(19_000),
      occurredAt: iso(now, 290),
    },
    // Cancelled in the last 30 days: churned MRR, and the account's subscription ended.
    { id: 'um-cancel', type: 'subscription_cancelled', accountId: 'umbrella', subscriptionId: 'um-1', occurredAt: iso(now, 9) },
  ];
}

const subscription = (id: string, account: string, status: string, amount: number) => ({
  id,
  object: 'subscription',
  status,
  customer: `cus_${account}`,
  currency: 'eur',
  metadata: { hearth_account_id: account },
  items: { data: [{ quantity: 1, price: { unit_amount: amount, currency: 'eur', recurring: { interval: 'month', interval_count: 1 } } }] },
});

/** What Stripe sends for the accounts billed through it. */
export const SEED_STRIPE_EVENTS: readonly SeedStripeEvent[] = [
  {
    id: 'evt_demo_globex_created',
    type: 'customer.subscription.created',
    daysAgo: 190,
    object: subscription('sub_globex', 'globex', 'active', 29_000),
  },
  {
    id: 'evt_demo_globex_renewal',
    type: 'invoice.paid',
    daysAgo: 10,
    object: {
      id: 'in_demo_globex',
      object: 'invoice',
      customer: 'cus_globex',
      currency: 'eur',
      amount_paid: 29_000,
      subtotal: 29_000,
      billing_reason: 'subscription_cycle',
      subscription: 'sub_globex',
      subscription_details: { metadata: { hearth_account_id: 'globex' } },
      lines: { data: [{ price: { recurring: { interval: 'month', interval_count: 1 } } }] },
    },
  },
  // A trial that converts inside the last 30 days: 0 while trialing, then new MRR.
  {
    id: 'evt_demo_initech_trial',
    type: 'customer.subscription.created',
    daysAgo: 40,
    object: subscription('sub_initech', 'initech', 'trialing', 9_900),
  },
  {
    id: 'evt_demo_initech_paid',
    type: 'customer.subscription.updated',
    daysAgo: 26,
    object: subscription('sub_initech', 'initech', 'active', 9_900),
  },
];
