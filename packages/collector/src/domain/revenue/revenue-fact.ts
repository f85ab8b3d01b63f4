import type { RevenueFact } from '@hearth/schema';

export type CustomerKind = 'account' | 'user';

/** Whose revenue: the account (B2B) when the fact names one, else the user. */
export interface Customer {
  kind: CustomerKind;
  id: string;
}

/** A revenue fact as stored: the customer resolved, the subscription's annual value worked out. */
export interface RevenueFactRow {
  projectId: string;
  factId: string;
  type: RevenueFact['type'];
  customer: Customer;
  accountId: string | null;
  userId: string | null;
  subscriptionId: string | null;
  /** Minor units: per billing interval for subscriptions, the payment itself for payments, 0 for a cancellation. */
  amount: number;
  currency: string | null;
  billing: 'month' | 'year' | null;
  intervalCount: number | null;
  /**
   * What the subscription bills per year from this fact on, in minor units: amount × 12 ÷ months
   * per interval, a whole number because the span divides a year; 0 once cancelled; null for a
   * one-off payment (not recurring revenue).
   */
  arr: number | null;
  occurredAt: number;
}

/** A fact was refused on its content (not its form, which the schema checks). */
export class RevenueError extends Error {
  override name = 'RevenueError';
  constructor(
    readonly code: 'currency_mismatch' | 'revenue_not_configured' | 'idempotency_conflict',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const customerOf = (fact: Pick<RevenueFact, 'accountId' | 'userId'>): Customer =>
  fact.accountId !== undefined ? { kind: 'account', id: fact.accountId } : { kind: 'user', id: fact.userId ?? '' };

/** The stored row of a validated fact, refusing a currency other than the project's. */
export function revenueFactRow(projectId: string, fact: RevenueFact, currency: string): RevenueFactRow {
  if ('currency' in fact && fact.currency !== currency) {
    throw new RevenueError(
      'currency_mismatch',
      `currency: this project records revenue in ${currency} only (got ${fact.currency}); convert before sending.`,
      'currency',
    );
  }
  const base = {
    projectId,
    factId: fact.id,
    type: fact.type,
    customer: customerOf(fact),
    accountId: fact.accountId ?? null,
    userId: fact.userId ?? null,
    occurredAt: Date.parse(fact.occurredAt),
  };
  switch (fact.type) {
    case 'payment':
      return { ...base, subscriptionId: null, amount: fact.amount, currency: fact.currency, billing: null, intervalCount: null, arr: null };
    case 'subscription_cancelled':
      return { ...base, subscriptionId: fact.subscriptionId, amount: 0, currency: null, billing: null, intervalCount: null, arr: 0 };
    default: {
      const months = (fact.interval === 'year' ? 12 : 1) * fact.intervalCount;
      return {
        ...base,
        subscriptionId: fact.subscriptionId,
        amount: fact.amount,
        currency: fact.currency,
        billing: fact.interval,
        intervalCount: fact.intervalCount,
        arr: (fact.amount * 12) / months,
      };
    }
  }
}

/** Fields a repeated fact id is compared on, in the order the first difference is named. */
const COMPARED = [
  ['type', 'type'],
  ['accountId', 'accountId'],
  ['userId', 'userId'],
  ['subscriptionId', 'subscriptionId'],
  ['amount', 'amount'],
  ['currency', 'currency'],
  ['billing', 'interval'],
  ['intervalCount', 'intervalCount'],
  ['occurredAt', 'occurredAt'],
] as const;

/** The first wire field on which a repeated fact differs from the stored one; null when the same. */
export function differingField(stored: RevenueFactRow, sent: RevenueFactRow): string | null {
  for (const [key, field] of COMPARED) if (stored[key] !== sent[key]) return field;
  return null;
}
