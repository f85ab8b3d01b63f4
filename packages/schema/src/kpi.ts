import { z } from 'zod';
import { comparisonSchema } from './program-impact.js';
import { kpiSegmentEchoSchema } from './kpi-segment.js';

/**
 * Result shapes of the KPIs the collector computes (packages/collector/src/kpi/) and the admin
 * console renders. The collector builds these values itself, so nothing parses them at run time;
 * they are schemas so the OpenAPI document describes the answers from the same declaration.
 * Percentages are unrounded, 0–100, and null when their denominator is 0.
 */

const count = z.number().int().nonnegative();
const pct = z.number().nullable();
const isoInstant = z.string().describe('ISO 8601 date-time');

/** NPS (docs/reference/kpi-definitions.md, "Net Promoter Score"): promoters 9–10, passives 7–8, detractors 0–6. */
export const npsSummarySchema = z.object({
  count,
  promoters: count,
  passives: count,
  detractors: count,
  promotersPct: pct,
  passivesPct: pct,
  detractorsPct: pct,
  /** % promoters − % detractors, −100 to +100; null with no responses, never 0. */
  score: z.number().nullable(),
});

export const npsTrendPointSchema = npsSummarySchema.extend({
  /** ISO 8601, inclusive. */
  start: isoInstant,
  /** ISO 8601, exclusive. */
  end: isoInstant,
});

/** Checklist KPIs (docs/reference/kpi-definitions.md, "Engagement and adoption → Onboarding / checklist"). */
export const checklistKpisSchema = z.object({
  shown: count,
  started: count,
  completed: count,
  startedRate: pct,
  completionRate: pct,
  completionRateOfStarted: pct,
  medianTimeToCompleteMs: z.number().nullable(),
  items: z.array(z.object({ itemId: z.string(), completed: count, rate: pct })),
});

export const adoptionGroupSchema = z.object({
  users: count,
  adopted: count,
  rate: pct,
  /** Did the feature before their start; left out of `users`. */
  alreadyUsing: count,
});

/** Announcement KPIs (docs/reference/kpi-definitions.md, "Engagement and adoption → Announcement"). */
export const announcementKpisSchema = z.object({
  reach: count,
  read: count,
  readRate: pct,
  ctaClicks: count,
  ctaClickRate: pct,
  reactions: z.object({ up: count, down: count, feedback: count }),
  /**
   * Null when the announcement has no `featureEvent`. `lift` is in percentage points; `comparison`
   * is the same difference with its 95 % interval and a warning when the groups are too small.
   */
  adoption: z
    .object({
      days: z.number().int(),
      exposed: adoptionGroupSchema,
      control: adoptionGroupSchema,
      lift: z.number().nullable(),
      comparison: comparisonSchema,
    })
    .nullable(),
});

/** Rewards KPIs (docs/reference/kpi-definitions.md, "Rewards") over one period. */
export const rewardsKpisSchema = z.object({
  pointsIssued: count,
  pointsRedeemed: count,
  pointsExpired: count,
  redemptionRate: pct,
  activeMembers: count,
  /** Lowest tier first; `tierId: null` holds members below every threshold. */
  tierDistribution: z.array(z.object({ tierId: z.string().nullable(), members: count })),
  topRules: z.array(z.object({ ruleId: z.string(), points: z.number().int(), awards: count })),
  referrals: z.object({ attached: count, converted: count }),
});

/**
 * A checklist's exposed group against its randomized control (the checklist's `holdout`), for
 * users assigned in the range (docs/reference/kpi-definitions.md, "Loyalty program impact"). Each
 * comparison is exposed − control in percentage points with its 95 % interval, both sizes and a
 * warning when a group is too small; its sizes count the users whose window has closed by `to`.
 */
export const checklistUpliftSchema = z.object({
  /** The holdout's current percent (groups already recorded keep the group they were given). */
  percent: z.number(),
  /** Users assigned in the range, per group. */
  assigned: z.object({ exposed: count, control: count }),
  /** An item counts when its event came within this many days of assignment (or before it). */
  actionDays: z.number().int(),
  /** Retained: active (an event of their own) in these days after assignment, day 1 being the day of it. */
  retentionDays: z.object({ from: z.number().int(), to: z.number().int() }),
  /** Per item completed by an event (trait items have no event to compare). */
  items: z.array(z.object({ itemId: z.string(), comparison: comparisonSchema })),
  /** Every such item; null when no item is completed by an event. */
  allItems: comparisonSchema.nullable(),
  retention: comparisonSchema,
});

/** `GET /v1/admin/kpi/checklists/:id`: the KPIs with the range and segment they cover. */
export const checklistKpisAnswerSchema = checklistKpisSchema.extend({
  promptId: z.string(),
  definition: z.string(),
  range: z.object({ from: isoInstant, to: isoInstant }),
  segment: kpiSegmentEchoSchema,
  /** Exposed against the checklist's randomized control; null when it has no holdout. */
  uplift: checklistUpliftSchema.nullable(),
});

/** `GET /v1/admin/announcements/:id/kpis`: the KPIs up to `to` and the segment they cover. */
export const announcementKpisAnswerSchema = announcementKpisSchema.extend({
  announcementId: z.string(),
  to: isoInstant,
  segment: kpiSegmentEchoSchema,
});

/** `GET /v1/admin/kpi/rewards` and `GET /v1/server/rewards/kpis`. */
export const rewardsKpisAnswerSchema = rewardsKpisSchema.extend({ from: isoInstant, to: isoInstant });

export type NpsSummary = z.infer<typeof npsSummarySchema>;
export type NpsTrendPoint = z.infer<typeof npsTrendPointSchema>;
export type ChecklistKpis = z.infer<typeof checklistKpisSchema>;
export type ChecklistUplift = z.infer<typeof checklistUpliftSchema>;
export type ChecklistKpisAnswer = z.infer<typeof checklistKpisAnswerSchema>;
export type AdoptionGroup = z.infer<typeof adoptionGroupSchema>;
export type AnnouncementKpis = z.infer<typeof announcementKpisSchema>;
export type AnnouncementKpisAnswer = z.infer<typeof announcementKpisAnswerSchema>;
export type RewardsKpis = z.infer<typeof rewardsKpisSchema>;
