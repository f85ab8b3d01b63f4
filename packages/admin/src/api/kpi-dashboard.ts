import type {
  KpiOverviewAnswer,
  NpsTrendPoint,
  ProgramImpactAnswer,
  RevenueKpisAnswer,
  RewardsKpis as RewardsFigures,
} from '@hearth/schema';
import { api, call } from './client.js';
import type { KpiFilters } from './kpi.js';
import type { SurveyKpis } from './surveys.js';

/**
 * Answers of the dashboard's KPI endpoints, typed as the collector sends them (docs/kpis.md,
 * docs/surveys.md, docs/rewards.md). The console renders these numbers; it never recomputes them.
 */

/** One period of a series: `[start, end)`, the last one clipped to `to` and marked incomplete. */
export interface KpiPeriod {
  start: string;
  end: string;
  complete: boolean;
}

export interface ActiveUsersKpis {
  daily: (KpiPeriod & { activeUsers: number })[];
  weekly: (KpiPeriod & { activeUsers: number })[];
  monthly: (KpiPeriod & { activeUsers: number })[];
}

export interface ChurnKpis {
  inactivityDays: number;
  customersAtStart: number;
  retained: number;
  lost: number;
  churnRate: number | null;
  retentionRate: number | null;
}

export interface CohortKpis {
  period: 'week' | 'month';
  cohorts: (KpiPeriod & { size: number; active: number[]; retention: (number | null)[] })[];
}

export interface DropOffKpis {
  firstDays: number;
  newUsers: number;
  pending: number;
  eligible: number;
  returned: number;
  droppedOff: number;
  dropOffRate: number | null;
}

/** The survey KPI answer with the parts the NPS-only panel did not read: trend, CLI and CSAT. */
export interface FullSurveyKpis extends SurveyKpis {
  trend: { interval: 'week' | 'month'; points: NpsTrendPoint[] } | null;
  cli: { count: number; questions: { questionId: string; count: number; mean: number | null }[]; cli: number | null } | null;
  csat: { count: number; average: number | null; satisfiedPct: number | null } | null;
}

/** `GET /v1/admin/kpi/usage`: events and active days per active user per week (docs/kpis.md). */
export interface UsageKpis {
  activeUsers: number;
  events: number;
  activeDays: number;
  weeks: number;
  eventsPerUserPerWeek: number | null;
  activeDaysPerUserPerWeek: number | null;
}

/** `GET /v1/admin/kpi/adoption?event=`: active users who did the feature's event at least once. */
export interface AdoptionKpis {
  event: string;
  activeUsers: number;
  adopters: number;
  adoptionRate: number | null;
}

export interface RewardsKpis extends RewardsFigures {
  from: string;
  to: string;
}

/** Empty filters are left out so the API applies its own defaults. */
const query = (filters: KpiFilters, extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value)),
  ...extra,
});
const get = <T>(path: string, searchParams: Record<string, string>) => call(() => api.get(path, { searchParams }).json<T>());

export const activeUsersKpis = (filters: KpiFilters) => get<ActiveUsersKpis>('kpi/active-users', query(filters));
export const churnKpis = (filters: KpiFilters) => get<ChurnKpis>('kpi/churn', query(filters));
export const cohortKpis = (filters: KpiFilters) => get<CohortKpis>('kpi/cohorts', query(filters, { period: 'week' }));
export const dropOffKpis = (filters: KpiFilters) => get<DropOffKpis>('kpi/drop-off', query(filters));
export const fullSurveyKpis = (id: string, filters: KpiFilters) =>
  get<FullSurveyKpis>(`kpi/surveys/${encodeURIComponent(id)}`, query(filters, { interval: 'week' }));
export const usageKpis = (filters: KpiFilters) => get<UsageKpis>('kpi/usage', query(filters));
export const adoptionKpis = (event: string, filters: KpiFilters) => get<AdoptionKpis>('kpi/adoption', query(filters, { event }));
/** Rewards KPIs have no trait segment: the ledger is counted for every member. */
export const rewardsKpis = ({ from, to }: KpiFilters) => get<RewardsKpis>('kpi/rewards', query({ from, to }));
/** Program impact has no segment: its groups are the segments (members, tiers, holdout). */
export const programImpactKpis = ({ from, to }: KpiFilters) => get<ProgramImpactAnswer>('kpi/program-impact', query({ from, to }));
/** Revenue KPIs; a segment keeps its users' and accounts' revenue (docs/kpis.md, "Segments"). 404 without revenue. */
export const revenueKpis = (filters: KpiFilters) => get<RevenueKpisAnswer>('kpi/revenue', query(filters));
/** The overview's cards are the whole project's: no segment, only the period. */
export const overviewKpis = ({ from, to }: KpiFilters) => get<KpiOverviewAnswer>('kpi/overview', query({ from, to }));
