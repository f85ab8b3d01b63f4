import { z } from 'zod';
import { clvNoteSchema } from './revenue.js';

/**
 * Result shapes of the loyalty program's impact (docs/reference/kpi-definitions.md, "Loyalty
 * program impact"), built by the collector and described in the OpenAPI document.
 */

const count = z.number().int().nonnegative();
const isoInstant = z.string().describe('ISO 8601 date-time');

/** One side of a two-group comparison: its sample size and its rate (percent) or mean. */
const groupFigureSchema = z.object({ n: count, value: z.number().nullable() });

/**
 * A − B with its 95 % interval (docs/reference/kpi-definitions.md, "Comparing two groups"):
 * percentage points for a rate (Newcombe), the metric's unit for a mean (Welch). Null figures
 * when no interval can be drawn; `warning` is a plain sentence when a group is too small.
 */
export const comparisonSchema = z.object({
  exposed: groupFigureSchema,
  control: groupFigureSchema,
  difference: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  verdict: z.enum(['too-small', 'higher', 'lower', 'no-difference']),
  warning: z.string().nullable(),
});

/** The metrics compared for two groups of users over the same range. */
export const groupMetricsSchema = z.object({
  /** Share of the group's customers at `from` still active at `to` (rate; churn is 100 − it). */
  retention: comparisonSchema,
  churn: comparisonSchema,
  /** Events per active user per week (mean over the group's active users). */
  usageFrequency: comparisonSchema,
  /** NPS as the mean of +100 (promoter), 0 (passive), −100 (detractor); null without an NPS survey. */
  nps: comparisonSchema.nullable(),
  /** The groups' paying customers (a user, or an account by its users); null when the project records no revenue. */
  revenue: z
    .object({
      /** ARPA at `to`: the mean MRR of the paying customers, minor units (Welch). */
      arpa: comparisonSchema,
      /** Each group's CLV (ARPA × gross margin × lifetime from its own churn), minor units: a ratio, so no interval. */
      clv: z.object({
        exposed: z.number().nullable(),
        control: z.number().nullable(),
        exposedNote: clvNoteSchema,
        controlNote: clvNoteSchema,
        /** Customers paying at `from` in each group: the churn behind each lifetime. */
        exposedPayingAtStart: count,
        controlPayingAtStart: count,
      }),
    })
    .nullable(),
});

/** `GET /v1/admin/kpi/program-impact`. */
export const programImpactAnswerSchema = z.object({
  definition: z.string(),
  range: z.object({ from: isoInstant, to: isoInstant }),
  inactivityDays: z.number().int(),
  /** The NPS survey the `nps` comparisons read, if any. */
  npsSurveyId: z.string().nullable(),
  /** The currency of the `revenue` figures (minor units); null when the project records no revenue. */
  currency: z.string().nullable(),
  program: z.object({
    /** Identified users active in the range, and the members among them. */
    activeCustomers: count,
    activeMembers: count,
    membershipRate: z.number().nullable(),
    /** Points redeemed ÷ points issued over the 30 days before `to`, × 100. */
    redemptionRate: z.number().nullable(),
    pointsIssued30d: count,
    pointsRedeemed30d: count,
    /** Unspent points now, and their value at the program's `pointValue` (null without one). */
    outstandingPoints: count,
    pointValue: z.number().nullable(),
    pointsLiability: z.number().nullable(),
  }),
  /** Members (earned points before `to`) against the other identified users: association, not cause. */
  membersVsNonMembers: groupMetricsSchema,
  /** Each tier's members (by lifetime points now) against the non-members. */
  byTier: z.array(z.object({ tierId: z.string().nullable(), members: count, metrics: groupMetricsSchema })),
  /**
   * Exposed against the randomized holdout (cause); null when the program has no holdout. `unit`
   * says what was sampled and compared: users, or accounts (then every figure and size is of
   * accounts: account retention, events per active account, NPS clustered by account, revenue).
   */
  holdout: z.object({ percent: z.number(), unit: z.enum(['user', 'account']), exposedVsHoldout: groupMetricsSchema }).nullable(),
});

export type Comparison = z.infer<typeof comparisonSchema>;
export type GroupMetrics = z.infer<typeof groupMetricsSchema>;
export type ProgramImpactAnswer = z.infer<typeof programImpactAnswerSchema>;
