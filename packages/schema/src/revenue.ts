import { z } from 'zod';
import { kpiSegmentEchoSchema } from './kpi-segment.js';

/**
 * Revenue facts: what the host's backend (or the Stripe receiver) reports about a paying
 * customer's subscriptions and one-off payments. Amounts are integers in the currency's minor unit
 * (cents; yen have none), so every KPI is exact; each project keeps one currency.
 */

/** ISO 4217 code, upper case: `EUR`, `USD`, `JPY`. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'currencies are ISO 4217 codes in capitals, e.g. EUR');

/** An amount in the currency's minor unit: a whole number (1999 is €19.99, or ¥1999). */
export const minorUnitsSchema = z
  .number({ error: 'amounts are whole numbers in the minor unit (1999 for 19.99)' })
  .int('amounts are whole numbers in the minor unit (1999 for 19.99)')
  .nonnegative('amounts are never negative')
  .max(1e12, 'amounts are at most 10^12 minor units');

/**
 * How often a subscription bills: monthly or yearly, `intervalCount` times that. Only spans that
 * divide a year evenly (1, 2, 3, 4, 6 or 12 months) are taken, so MRR stays a whole number of
 * twelfths: a year's amount × 12 ÷ months, exactly.
 */
export const BILLING_MONTHS = [1, 2, 3, 4, 6, 12] as const;
export const billingIntervalSchema = z.enum(['month', 'year'], { error: 'interval must be month or year' });

const idSchema = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .min(1, `${what} must not be empty`)
    .max(200, `${what} is at most 200 characters`);

/** The customer a fact belongs to: the account (B2B) when the host has accounts, else the user. */
const customerShape = {
  accountId: idSchema('accountId').optional().describe('The paying account (company); takes precedence over userId.'),
  userId: idSchema('userId').optional().describe('The paying user, when the host has no accounts (or who bought for the account).'),
};

const commonShape = {
  id: idSchema('id').describe("The host's own id for this fact: sending it again with the same content is a no-op."),
  ...customerShape,
  occurredAt: z.iso.datetime({ offset: true, error: 'occurredAt must be an ISO 8601 date-time' }).describe('When it took effect.'),
};

const recurringShape = {
  subscriptionId: idSchema('subscriptionId').describe("The host's (or Stripe's) subscription id."),
  amount: minorUnitsSchema.describe('What one billing interval costs, in minor units, after discounts, before tax.'),
  currency: currencySchema,
  interval: billingIntervalSchema,
  intervalCount: z.number().int().min(1).max(12).default(1).describe('Bills every `intervalCount` intervals (3 × month = quarterly).'),
};

export const REVENUE_FACT_TYPES = [
  'subscription_started',
  'subscription_changed',
  'subscription_renewed',
  'subscription_cancelled',
  'payment',
] as const;

export const revenueFactSchema = z
  .discriminatedUnion(
    'type',
    [
      z.strictObject({
        ...commonShape,
        type: z.enum(['subscription_started', 'subscription_changed', 'subscription_renewed']),
        ...recurringShape,
      }),
      z.strictObject({
        ...commonShape,
        type: z.literal('subscription_cancelled'),
        subscriptionId: recurringShape.subscriptionId,
      }),
      z.strictObject({
        ...commonShape,
        type: z.literal('payment'),
        amount: minorUnitsSchema.describe('The one-off payment, in minor units.'),
        currency: currencySchema,
      }),
    ],
    { error: `type must be one of ${REVENUE_FACT_TYPES.join(', ')}` },
  )
  .superRefine((fact, ctx) => {
    if (fact.accountId === undefined && fact.userId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['accountId'], message: 'name the customer: accountId, or userId when you have no accounts' });
    }
    if ('interval' in fact) {
      const months = (fact.interval === 'year' ? 12 : 1) * fact.intervalCount;
      if (!(BILLING_MONTHS as readonly number[]).includes(months)) {
        ctx.addIssue({
          code: 'custom',
          path: ['intervalCount'],
          message: `a billing span must divide a year: ${BILLING_MONTHS.join(', ')} months (got ${months})`,
        });
      }
    }
  })
  .describe('A subscription started, changed, renewed or cancelled, or a one-off payment.');

/** `POST /v1/server/revenue`: `duplicate` when this id was recorded before with the same content. */
export const revenueFactResultSchema = z.object({
  id: z.string(),
  status: z.enum(['created', 'duplicate']),
});

/** One period's Customer Acquisition Cost: in force from `from` until the next entry's `from`. */
export const cacEntrySchema = z.strictObject({
  from: z.iso.date({ error: 'from must be a date, YYYY-MM-DD' }).describe('First day (UTC) this CAC applies to.'),
  amount: minorUnitsSchema.describe('Average cost of acquiring one paying customer, in minor units.'),
});

/** `revenue` in the project config and settings: the currency, margin and CAC the KPIs use. */
export const revenueConfigSchema = z
  .strictObject({
    currency: currencySchema.describe('The one currency of every revenue fact; others are refused.'),
    grossMarginPercent: z
      .number({ error: 'grossMarginPercent must be a number' })
      .min(0, 'grossMarginPercent is 0–100')
      .max(100, 'grossMarginPercent is 0–100')
      .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-9, {
        message: 'grossMarginPercent has at most two decimals',
      })
      .default(100)
      .describe('Share of revenue kept after the cost of serving it; CLV multiplies by it.'),
    cac: z
      .array(cacEntrySchema)
      .max(240, 'at most 240 CAC entries')
      .default([])
      .describe('Customer Acquisition Cost per period, for CLV : CAC; each entry holds until the next.'),
    stripeWebhookSecrets: z
      .array(z.string().regex(/^whsec_\S{8,}$/, 'Stripe webhook secrets look like whsec_…'))
      .max(2, 'one Stripe webhook secret, two while rotating')
      .default([])
      .describe("Signing secrets of the Stripe endpoint that posts to /v1/integrations/stripe (from Stripe's dashboard)."),
  })
  .describe('Revenue: the currency, gross margin, acquisition cost and Stripe secret the revenue KPIs use.');

/**
 * `revenue` as the console edits it: without `stripeWebhookSecrets`, the stored secrets are kept
 * (the view shows only their fingerprints); with it, they are replaced.
 */
export const revenueSettingSchema = revenueConfigSchema.extend({
  stripeWebhookSecrets: revenueConfigSchema.shape.stripeWebhookSecrets.removeDefault().optional(),
});

export type RevenueFact = z.infer<typeof revenueFactSchema>;
export type RevenueFactInput = z.input<typeof revenueFactSchema>;
export type RevenueFactResult = z.infer<typeof revenueFactResultSchema>;
export type RevenueConfig = z.infer<typeof revenueConfigSchema>;
export type CacEntry = z.infer<typeof cacEntrySchema>;

const money = z.number().int().nullable().describe('Minor units of the project currency, rounded once; null when nothing is recorded.');
const rate = z.number().nullable().describe('Percentage with two decimals; null when its denominator is empty.');
const count = z.number().int().nonnegative();

/** Revenue KPIs of one period (docs/reference/kpi-definitions.md, "Revenue and customer lifetime value (CLV)"). */
/** Why a CLV is null, or `lifetime_capped` when it holds the capped figure. */
export const clvNoteSchema = z
  .enum(['no_paying_customers', 'no_customers_at_start', 'no_churn', 'lifetime_capped'])
  .nullable()
  .describe('Why clv is null, or `lifetime_capped` when the lifetime was capped at 60 months.');

export const revenueKpisSchema = z.object({
  mrr: money.describe('Monthly recurring revenue at the end of the period (ARR ÷ 12).'),
  mrrAtStart: money,
  arpa: money.describe('MRR ÷ paying customers at the end.'),
  payingCustomers: count,
  payingCustomersAtStart: count,
  newMrr: money,
  expansionMrr: money,
  contractionMrr: money,
  churnedMrr: money,
  churnedCustomers: count,
  grossRevenueRetention: rate,
  netRevenueRetention: rate,
  customerChurnRate: rate,
  revenueChurnRate: rate,
  monthlyChurnRate: rate,
  clv: money.describe('ARPA × gross margin ÷ monthly customer churn; see clvNote when null.'),
  clvNote: clvNoteSchema,
  cac: money.describe('The CAC in force at the start of the period (project setting).'),
  clvToCac: z.number().nullable().describe('CLV ÷ CAC, two decimals; null without CLV or CAC.'),
  renewals: count,
  cancellations: count,
  renewalRate: rate,
  oneOffRevenue: money,
});

/** `GET /v1/admin/kpi/revenue` and `GET /v1/server/revenue/kpis`. */
export const revenueKpisAnswerSchema = revenueKpisSchema.extend({
  definition: z.string(),
  from: z.string().describe('ISO 8601, inclusive.'),
  to: z.string().describe('ISO 8601, exclusive.'),
  segment: kpiSegmentEchoSchema.describe("The customers covered: a segment's users and accounts (null: all)."),
  currency: currencySchema,
});

export type RevenueKpisAnswer = z.infer<typeof revenueKpisAnswerSchema>;

/** `POST /v1/integrations/stripe`: what became of a verified Stripe event. */
export const stripeReceiptSchema = z.object({
  id: z.string().describe("Stripe's event id."),
  status: z.enum(['created', 'duplicate', 'ignored']).describe('`ignored`: the event carries no revenue fact (see reason).'),
  reason: z.string().optional(),
});
