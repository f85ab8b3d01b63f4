import { revenueFactSchema, type RevenueFact, type RevenueFactInput } from '@hearth/schema';

const DAY = 86_400_000;
/** The fixtures' period: [T, T + 30 days), so monthly churn equals the period's churn. */
export const PERIOD_START = Date.parse('2026-10-01T00:00:00.000Z');
export const PERIOD = { from: PERIOD_START, to: PERIOD_START + 30 * DAY };
export const at = (days: number) => new Date(PERIOD_START + days * DAY).toISOString();

let counter = 0;
const monthly = (amount: number) => ({ amount, currency: 'EUR', interval: 'month' as const });

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> & { id?: string } : never;
/** A fact as a fixture writes it: the id may be left to `fact`. */
export type FactSpec = WithoutId<RevenueFactInput>;

/** A fact as the host would send it, validated (defaults applied) like the server API does. */
export function fact(input: FactSpec): RevenueFact {
  return revenueFactSchema.parse({ id: `f-${++counter}`, ...input });
}

/**
 * The hand-computed portfolio (docs/reference/kpi-definitions.md works it through), period
 * [Oct 1, Oct 31):
 * - a1 €100/month throughout; a2 €1,200/year, cancelled Oct 6; a3 €50 → €30/month on Oct 16;
 * - a4 starts €70/month Oct 21; a5 €40/month, renewed Oct 4; a6 pays €25 once on Oct 2;
 * - user u1 (no account) €90/quarter → €120/quarter on Oct 26.
 * MRR 320.00 → 280.00; new 70, expansion 10, contraction 20, churned 100 (euros).
 */
export const PORTFOLIO: readonly RevenueFactInput[] = [
  { id: 'a1-start', type: 'subscription_started', accountId: 'a1', subscriptionId: 's1', ...monthly(10_000), occurredAt: at(-40) },
  {
    id: 'a2-start',
    type: 'subscription_started',
    accountId: 'a2',
    subscriptionId: 's2',
    amount: 120_000,
    currency: 'EUR',
    interval: 'year',
    occurredAt: at(-100),
  },
  { id: 'a2-cancel', type: 'subscription_cancelled', accountId: 'a2', subscriptionId: 's2', occurredAt: at(5) },
  { id: 'a3-start', type: 'subscription_started', accountId: 'a3', subscriptionId: 's3', ...monthly(5_000), occurredAt: at(-20) },
  { id: 'a3-down', type: 'subscription_changed', accountId: 'a3', subscriptionId: 's3', ...monthly(3_000), occurredAt: at(15) },
  { id: 'a4-start', type: 'subscription_started', accountId: 'a4', subscriptionId: 's4', ...monthly(7_000), occurredAt: at(20) },
  { id: 'a5-start', type: 'subscription_started', accountId: 'a5', subscriptionId: 's5', ...monthly(4_000), occurredAt: at(-27) },
  { id: 'a5-renew', type: 'subscription_renewed', accountId: 'a5', subscriptionId: 's5', ...monthly(4_000), occurredAt: at(3) },
  { id: 'a6-pay', type: 'payment', accountId: 'a6', amount: 2_500, currency: 'EUR', occurredAt: at(1) },
  {
    id: 'u1-start',
    type: 'subscription_started',
    userId: 'u1',
    subscriptionId: 's6',
    amount: 9_000,
    currency: 'EUR',
    interval: 'month',
    intervalCount: 3,
    occurredAt: at(-50),
  },
  {
    id: 'u1-up',
    type: 'subscription_changed',
    userId: 'u1',
    subscriptionId: 's6',
    amount: 12_000,
    currency: 'EUR',
    interval: 'month',
    intervalCount: 3,
    occurredAt: at(25),
  },
];

/** The portfolio's settings: 80 % gross margin, €500 CAC from September on. */
export const PORTFOLIO_SETTINGS = { grossMarginPercent: 80, cac: [{ from: '2026-09-01', amount: 50_000 }] };

/** What the portfolio gives over PERIOD, computed by hand (see the definitions document). */
export const PORTFOLIO_KPIS = {
  mrr: 28_000,
  mrrAtStart: 32_000,
  arpa: 5_600,
  payingCustomers: 5,
  payingCustomersAtStart: 5,
  newMrr: 7_000,
  expansionMrr: 1_000,
  contractionMrr: 2_000,
  churnedMrr: 10_000,
  churnedCustomers: 1,
  grossRevenueRetention: 62.5,
  netRevenueRetention: 65.63,
  customerChurnRate: 20,
  revenueChurnRate: 37.5,
  monthlyChurnRate: 20,
  clv: 22_400,
  clvNote: null,
  cac: 50_000,
  clvToCac: 0.45,
  renewals: 1,
  cancellations: 1,
  renewalRate: 50,
  oneOffRevenue: 2_500,
};
