import type { RevenueFactInput } from '@hearth/schema';

/**
 * Stripe's events as revenue facts. Only the fields read here are typed (the receiver has already
 * verified the event's signature with the `stripe` package); each event maps to at most one fact,
 * whose id is `stripe:` + the event id, so a redelivered event is recorded once.
 *
 * - `customer.subscription.created` / `updated`: started / changed, at the subscription's list
 *   price × quantity summed over its items (a trial counts 0 until it converts; `canceled` is a
 *   cancellation; `incomplete` ones are not subscriptions yet);
 * - `customer.subscription.deleted`: cancelled;
 * - `invoice.paid`: a renewal when Stripe billed a new period (`subscription_cycle`), a one-off
 *   payment when the invoice has no subscription; first invoices are the subscription's own events.
 *
 * The customer is `metadata.hearth_account_id` (or `hearth_user_id`) of the subscription or
 * invoice, else the Stripe customer id as the account id.
 */

interface StripePrice {
  unit_amount?: number | null;
  currency?: string;
  recurring?: { interval: string; interval_count?: number } | null;
}

interface StripeSubscription {
  id: string;
  status: string;
  customer: string | { id: string };
  currency?: string;
  metadata?: Record<string, string> | null;
  items?: {
    data: {
      price?: StripePrice | null;
      plan?: { amount?: number | null; interval: string; interval_count?: number } | null;
      quantity?: number | null;
    }[];
  };
}

interface StripeInvoice {
  id: string;
  customer: string | { id: string } | null;
  currency: string;
  amount_paid: number;
  subtotal?: number;
  subtotal_excluding_tax?: number | null;
  billing_reason?: string | null;
  subscription?: string | { id: string } | null;
  metadata?: Record<string, string> | null;
  subscription_details?: { metadata?: Record<string, string> | null } | null;
  parent?: { subscription_details?: { subscription: string | { id: string }; metadata?: Record<string, string> | null } | null } | null;
  lines?: { data: { price?: StripePrice | null; plan?: { interval: string; interval_count?: number } | null; pricing?: unknown }[] };
}

export interface StripeEventLike {
  id: string;
  type: string;
  created: number;
  data: { object: unknown };
}

export type StripeMapping = { fact: RevenueFactInput } | { ignored: string };

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : value?.id);

function customerFields(metadata: Record<string, string> | null | undefined, stripeCustomer: string | undefined) {
  if (metadata?.hearth_account_id) return { accountId: metadata.hearth_account_id };
  if (metadata?.hearth_user_id) return { userId: metadata.hearth_user_id };
  return { accountId: stripeCustomer ?? 'unknown' };
}

function billing(recurring: { interval: string; interval_count?: number } | null | undefined) {
  if (recurring?.interval !== 'month' && recurring?.interval !== 'year') return null;
  return { interval: recurring.interval, intervalCount: recurring.interval_count ?? 1 } as const;
}

/** The subscription's price per billing interval, or why it cannot be one fact. */
function subscriptionPrice(
  sub: StripeSubscription,
): { amount: number; interval: 'month' | 'year'; intervalCount: number; currency: string } | string {
  const items = sub.items?.data ?? [];
  if (items.length === 0) return 'subscription without items';
  const spans = items.map((item) => billing(item.price?.recurring ?? item.plan));
  const first = spans[0];
  if (!first || spans.some((span) => span?.interval !== first.interval || span.intervalCount !== first.intervalCount))
    return 'items bill on different or non-monthly/yearly intervals';
  const amount = items.reduce((total, item) => total + (item.price?.unit_amount ?? item.plan?.amount ?? 0) * (item.quantity ?? 1), 0);
  const currency = (sub.currency ?? items[0]?.price?.currency ?? '').toUpperCase();
  return { amount, currency, ...first };
}

function fromSubscription(event: StripeEventLike, sub: StripeSubscription): StripeMapping {
  const common = {
    id: `stripe:${event.id}`,
    occurredAt: new Date(event.created * 1000).toISOString(),
    subscriptionId: sub.id,
    ...customerFields(sub.metadata, idOf(sub.customer)),
  };
  if (event.type === 'customer.subscription.deleted' || sub.status === 'canceled')
    return { fact: { ...common, type: 'subscription_cancelled' } };
  if (sub.status === 'incomplete' || sub.status === 'incomplete_expired') return { ignored: `subscription is ${sub.status}` };
  const price = subscriptionPrice(sub);
  if (typeof price === 'string') return { ignored: price };
  return {
    fact: {
      ...common,
      type: event.type === 'customer.subscription.created' ? 'subscription_started' : 'subscription_changed',
      ...price,
      // A trial bills nothing yet: it becomes recurring revenue when it converts.
      amount: sub.status === 'trialing' ? 0 : price.amount,
    },
  };
}

function fromInvoice(event: StripeEventLike, invoice: StripeInvoice): StripeMapping {
  const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription ?? invoice.subscription);
  const metadata = invoice.parent?.subscription_details?.metadata ?? invoice.subscription_details?.metadata ?? invoice.metadata;
  const common = {
    id: `stripe:${event.id}`,
    occurredAt: new Date(event.created * 1000).toISOString(),
    currency: invoice.currency.toUpperCase(),
    ...customerFields(metadata, idOf(invoice.customer) ?? undefined),
  };
  if (!subscriptionId) return { fact: { ...common, type: 'payment', amount: invoice.amount_paid } };
  if (invoice.billing_reason !== 'subscription_cycle') return { ignored: `invoice for ${invoice.billing_reason ?? 'a subscription'}` };
  const span = (invoice.lines?.data ?? []).map((line) => billing(line.price?.recurring ?? line.plan)).find((found) => found !== null);
  if (!span) return { ignored: 'renewal invoice without a monthly or yearly line' };
  const amount = invoice.subtotal_excluding_tax ?? invoice.subtotal ?? invoice.amount_paid;
  return { fact: { ...common, type: 'subscription_renewed', subscriptionId, amount, ...span } };
}

export function stripeEventFact(event: StripeEventLike): StripeMapping {
  switch (event.type) {
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return fromSubscription(event, event.data.object as StripeSubscription);
    case 'invoice.paid':
      return fromInvoice(event, event.data.object as StripeInvoice);
    default:
      return { ignored: `${event.type} carries no revenue fact` };
  }
}
