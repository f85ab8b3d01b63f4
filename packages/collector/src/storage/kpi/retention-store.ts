import type { ActiveUserCount } from '../../kpi/active-users.js';
import type { AdoptionCounts } from '../../kpi/adoption.js';
import type { RetentionCounts } from '../../kpi/churn.js';
import type { DropOffCounts } from '../../kpi/drop-off.js';
import type { CohortCount } from '../../kpi/retention-cohorts.js';
import type { KpiSegment } from '../../kpi/segment.js';
import type { UsageCounts } from '../../kpi/usage.js';

/** [from, to), optionally narrowed to a segment. */
export interface ActivityQuery {
  from: Date;
  to: Date;
  segment?: KpiSegment | undefined;
}

/**
 * The counts behind the retention KPIs (kpi/active-users, churn, retention-cohorts, drop-off,
 * adoption, usage): one SQL statement each, counted in the database so no per-event rows travel.
 * Subject and activity are defined in kpi/active-users.ts; periods are counted from `from`.
 */
export interface RetentionKpiStore {
  /** Distinct active subjects per day, week and 30-day month of [from, to). */
  activeUserCounts(projectId: string, query: ActivityQuery): Promise<ActiveUserCount[]>;
  /** Customers active at `from` and, of those, still active at `to` (kpi/churn.ts). */
  retentionCounts(projectId: string, query: ActivityQuery & { inactivityMs: number }): Promise<RetentionCounts>;
  /**
   * `retentionCounts` of each period between consecutive `bounds` (ascending, at least two), all
   * subjects, in one statement: the overview's series reads its periods at once.
   */
  retentionSeries(projectId: string, query: { bounds: readonly number[]; inactivityMs: number }): Promise<RetentionCounts[]>;
  /** Per (cohort, offset): subjects first active in period `cohort` and active in `cohort + offset`. */
  cohortCounts(projectId: string, query: ActivityQuery & { periodMs: number }): Promise<CohortCount[]>;
  /** New subjects of [from, to), those whose first week ended before `to`, and those who came back after it. */
  dropOffCounts(projectId: string, query: ActivityQuery & { firstDaysMs: number }): Promise<DropOffCounts>;
  /**
   * Active subjects, their events and active days in [from, to), and how many did `event` (0
   * without one); `eventsSquared` is Σ over active subjects of (their events)², for the variance.
   */
  engagementCounts(
    projectId: string,
    query: ActivityQuery & { event?: string | undefined },
  ): Promise<UsageCounts & AdoptionCounts & { eventsSquared: number }>;
  /** The ids of the identified users in `segment` at `to`, sorted: the same filter, for KPIs folded outside SQL. */
  segmentUserIds(projectId: string, segment: KpiSegment, to: Date): Promise<string[]>;
}

/**
 * A group's NPS answers in the range: all of them, and the promoters (9–10) and detractors (0–6)
 * among them. `clusters` when the group is of accounts (an account-unit holdout): the accounts
 * with an answer and, per account its answers m and net score y = promoters − detractors, the sums
 * Σm², Σy² and Σym the clustered interval needs.
 */
export interface NpsCounts {
  responses: number;
  promoters: number;
  detractors: number;
  clusters?: { accounts: number; responsesSquared: number; netSquared: number; netByResponses: number };
}

/**
 * A group's paying customers at `to` (`payingAtEnd`, their ARR and Σ ARR²), those paying at `from`
 * and of those the ones paying nothing at `to` (`lost`): the sums behind ARPA and CLV.
 */
export interface RevenueSums {
  payingAtEnd: number;
  endArr: bigint;
  endArrSquared: number;
  payingAtStart: number;
  lost: number;
}

/**
 * A group's counts for program impact: retention from `from` to `to`, engagement in [from, to)
 * (`active`: its subjects with an event, users or, for an account-unit holdout, accounts).
 */
export interface GroupCountRow {
  retention: RetentionCounts;
  engagement: { active: number; events: number; eventsSquared: number };
  /** Present when the query names an NPS survey. */
  nps?: NpsCounts;
  /** Present when the query asks for revenue. */
  revenue?: RevenueSums;
}

/** Program impact's groups at `to` (program-groups-sql.ts), each user's events read once. */
export interface ProgramGroupsQuery {
  from: Date;
  to: Date;
  inactivityMs: number;
  /**
   * The program's holdout: the units (users, or with `unit: 'account'` accounts) whose stored
   * bucket is under the percent (domain/rewards/holdout.ts). Null without a holdout, and then
   * `holdout`/`exposed` are null. Under the account unit `holdout`/`exposed` are groups of accounts
   * (those with a member; account KPIs' rules); else the held-out users and every other identified user.
   */
  holdout: { percent: number; unit: 'user' | 'account' } | null;
  /** Sum each group's revenue customers too (`revenue` of every row). */
  revenue?: boolean;
  /** The tiers' minimum lifetime points, ascending (the order of `membersByTier`); empty without tiers. */
  tierMinPoints: readonly number[];
  /** The NPS survey whose answers each group's `nps` counts; none: no `nps`. */
  npsSurveyId?: string | null;
}

export interface ProgramGroupCounts {
  identified: GroupCountRow;
  member: GroupCountRow;
  nonMember: GroupCountRow;
  holdout: GroupCountRow | null;
  exposed: GroupCountRow | null;
  /** The members below every tier, then one per tier in the order of `tierMinPoints`; empty without tiers. */
  tiers: GroupCountRow[];
}

export interface ProgramGroupKpiStore {
  /**
   * Retention and engagement of every program-impact group in one statement per metric: the same
   * counts `retentionCounts` and `engagementCounts` give for the `member`, `non-member` and holdout
   * segments, without reading the events once per group.
   */
  programGroupCounts(projectId: string, query: ProgramGroupsQuery): Promise<ProgramGroupCounts>;
}
