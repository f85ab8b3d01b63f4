import { api, call } from './client.js';
import type { KpiFilters } from './kpi.js';
import type { NpsSummary, SurveyKpis } from './surveys.js';

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

export interface NpsTrendPoint extends NpsSummary {
  start: string;
  end: string;
}

/** The survey KPI answer with the parts the NPS-only panel did not read: trend, CLI and CSAT. */
export interface FullSurveyKpis extends SurveyKpis {
  trend: { interval: 'week' | 'month'; points: NpsTrendPoint[] } | null;
  cli: { count: number; questions: { questionId: string; count: number; mean: number | null }[]; cli: number | null } | null;
  csat: { count: number; average: number | null; satisfiedPct: number | null } | null;
}

export interface RewardsKpis {
  from: string;
  to: string;
  pointsIssued: number;
  pointsRedeemed: number;
  pointsExpired: number;
  redemptionRate: number | null;
  activeMembers: number;
  tierDistribution: { tierId: string | null; members: number }[];
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
export const fullSurveyKpis = (id: string, filters: KpiFilters) => get<FullSurveyKpis>(`kpi/surveys/${encodeURIComponent(id)}`, query(filters, { interval: 'week' }));
/** Rewards KPIs have no trait segment: the ledger is counted for every member. */
export const rewardsKpis = ({ from, to }: KpiFilters) => get<RewardsKpis>('kpi/rewards', query({ from, to }));

export interface AdoptionGroup {
  users: number;
  adopted: number;
  rate: number | null;
  alreadyUsing: number;
}

/** `GET /v1/admin/announcements/:id/kpis` in full, including both adoption groups. */
export interface FullAnnouncementKpis {
  announcementId: string;
  to: string;
  reach: number;
  read: number;
  readRate: number | null;
  ctaClicks: number;
  ctaClickRate: number | null;
  reactions: { up: number; down: number; feedback: number };
  adoption: { days: number; exposed: AdoptionGroup; control: AdoptionGroup; lift: number | null } | null;
}

/** The announcement KPI API counts from publication up to `to`; it takes no `from` and no segment. */
export const fullAnnouncementKpis = (id: string, { to }: KpiFilters) =>
  get<FullAnnouncementKpis>(`announcements/${encodeURIComponent(id)}/kpis`, query({ to }));
