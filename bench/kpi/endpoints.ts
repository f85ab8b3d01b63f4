import { DAY_MS } from './population.js';
import { CHECKLIST_ID, SURVEY_ID, UPLIFT_CHECKLIST_ID } from './project.js';

export interface KpiEndpoint {
  /** Short label for the table. */
  label: string;
  path: string;
}

/**
 * Every KPI endpoint the dashboard reads, with the dashboard's default range (the 30 days up to
 * now) unless noted; segmented variants show the cost of `trait=key:value` and `segment=`.
 */
export function kpiEndpoints(end: number, announcementId: string): KpiEndpoint[] {
  const iso = (ms: number) => new Date(ms).toISOString();
  const twelveWeeks = `from=${iso(end - 84 * DAY_MS)}&to=${iso(end)}`;
  return [
    { label: 'checklist KPIs', path: `/v1/admin/kpi/checklists/${CHECKLIST_ID}` },
    { label: 'active users (DAU/WAU/MAU)', path: '/v1/admin/kpi/active-users' },
    { label: 'active users, trait=plan:pro', path: '/v1/admin/kpi/active-users?trait=plan:pro' },
    { label: 'churn / retention', path: '/v1/admin/kpi/churn' },
    { label: 'weekly cohorts, 12 weeks', path: `/v1/admin/kpi/cohorts?period=week&${twelveWeeks}` },
    { label: 'early drop-off', path: '/v1/admin/kpi/drop-off' },
    { label: 'feature adoption', path: `/v1/admin/kpi/adoption?event=${encodeURIComponent('Report Exported')}` },
    { label: 'usage frequency', path: '/v1/admin/kpi/usage' },
    { label: 'NPS survey (by plan)', path: `/v1/admin/kpi/surveys/${SURVEY_ID}?by=plan` },
    { label: 'announcement KPIs', path: `/v1/admin/announcements/${announcementId}/kpis` },
    { label: 'rewards KPIs', path: '/v1/server/rewards/kpis' },
    { label: 'overview (headline cards)', path: '/v1/admin/kpi/overview' },
    { label: 'churn, segment=lifecycle:at-risk', path: '/v1/admin/kpi/churn?segment=lifecycle:at-risk' },
    { label: 'usage, segment=program:member', path: '/v1/admin/kpi/usage?segment=program:member' },
    { label: 'usage, segment=program:holdout', path: '/v1/admin/kpi/usage?segment=program:holdout' },
    { label: 'program impact (all groups)', path: '/v1/admin/kpi/program-impact' },
    { label: 'active users, segment=trait:plan:enterprise', path: '/v1/admin/kpi/active-users?segment=trait:plan:enterprise' },
    { label: 'churn, segment=lifecycle:trial', path: '/v1/admin/kpi/churn?segment=lifecycle:trial' },
    { label: 'cohorts, segment=lifecycle:new', path: `/v1/admin/kpi/cohorts?period=week&${twelveWeeks}&segment=lifecycle:new` },
    { label: 'usage, segment=program:exposed', path: '/v1/admin/kpi/usage?segment=program:exposed' },
    { label: 'active accounts', path: '/v1/admin/kpi/accounts/active' },
    { label: 'account churn', path: '/v1/admin/kpi/accounts/churn' },
    { label: 'account NPS', path: '/v1/admin/kpi/accounts/nps' },
    { label: 'account cohorts, 12 weeks', path: `/v1/admin/kpi/accounts/cohorts?period=week&${twelveWeeks}` },
    { label: 'revenue (MRR, CLV)', path: '/v1/admin/kpi/revenue' },
    { label: 'revenue, 90 days', path: `/v1/admin/kpi/revenue?from=${iso(end - 90 * DAY_MS)}&to=${iso(end)}` },
    { label: 'checklist KPIs, segment=lifecycle:trial', path: `/v1/admin/kpi/checklists/${CHECKLIST_ID}?segment=lifecycle:trial` },
    { label: 'checklist KPIs, segment=lifecycle:at-risk', path: `/v1/admin/kpi/checklists/${CHECKLIST_ID}?segment=lifecycle:at-risk` },
    { label: 'NPS survey, segment=trait:plan:pro', path: `/v1/admin/kpi/surveys/${SURVEY_ID}?segment=trait:plan:pro` },
    { label: 'revenue, segment=trait:plan:pro (accounts)', path: '/v1/admin/kpi/revenue?segment=trait:plan:pro' },
    { label: 'revenue, segment=lifecycle:at-risk (members)', path: '/v1/admin/kpi/revenue?segment=lifecycle:at-risk' },
    { label: 'checklist KPIs with holdout (uplift)', path: `/v1/admin/kpi/checklists/${UPLIFT_CHECKLIST_ID}` },
    { label: 'announcement KPIs, segment=trait:plan:pro', path: `/v1/admin/announcements/${announcementId}/kpis?segment=trait:plan:pro` },
    { label: 'usage, segment=trait:seats:gte:10', path: '/v1/admin/kpi/usage?segment=trait:seats:gte:10' },
    { label: 'churn, segment=trait:seats:gte:10', path: '/v1/admin/kpi/churn?segment=trait:seats:gte:10' },
  ];
}
