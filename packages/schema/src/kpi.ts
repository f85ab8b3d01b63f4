/**
 * Result shapes of the KPIs the collector computes (packages/collector/src/kpi/) and the admin
 * console renders. Plain types, not schemas: the collector builds these values itself, so there is
 * nothing to validate, and one declaration keeps both sides from drifting apart.
 * Percentages are unrounded, 0–100, and null when their denominator is 0.
 */

/** NPS (docs/reference/kpi-definitions.md, "Net Promoter Score"): promoters 9–10, passives 7–8, detractors 0–6. */
export interface NpsSummary {
  count: number;
  promoters: number;
  passives: number;
  detractors: number;
  promotersPct: number | null;
  passivesPct: number | null;
  detractorsPct: number | null;
  /** % promoters − % detractors, −100 to +100; null with no responses, never 0. */
  score: number | null;
}

export interface NpsTrendPoint extends NpsSummary {
  /** ISO 8601, inclusive. */
  start: string;
  /** ISO 8601, exclusive. */
  end: string;
}

/** Checklist KPIs (docs/reference/kpi-definitions.md, "Engagement and adoption → Onboarding / checklist"). */
export interface ChecklistKpis {
  shown: number;
  started: number;
  completed: number;
  startedRate: number | null;
  completionRate: number | null;
  completionRateOfStarted: number | null;
  medianTimeToCompleteMs: number | null;
  items: { itemId: string; completed: number; rate: number | null }[];
}

export interface AdoptionGroup {
  users: number;
  adopted: number;
  rate: number | null;
  /** Did the feature before their start; left out of `users`. */
  alreadyUsing: number;
}

/** Announcement KPIs (docs/reference/kpi-definitions.md, "Engagement and adoption → Announcement"). */
export interface AnnouncementKpis {
  reach: number;
  read: number;
  readRate: number | null;
  ctaClicks: number;
  ctaClickRate: number | null;
  reactions: { up: number; down: number; feedback: number };
  /** Null when the announcement has no `featureEvent`. `lift` is in percentage points. */
  adoption: { days: number; exposed: AdoptionGroup; control: AdoptionGroup; lift: number | null } | null;
}

/** Rewards KPIs (docs/reference/kpi-definitions.md, "Rewards") over one period. */
export interface RewardsKpis {
  pointsIssued: number;
  pointsRedeemed: number;
  pointsExpired: number;
  redemptionRate: number | null;
  activeMembers: number;
  /** Lowest tier first; `tierId: null` holds members below every threshold. */
  tierDistribution: { tierId: string | null; members: number }[];
  topRules: { ruleId: string; points: number; awards: number }[];
  referrals: { attached: number; converted: number };
}
