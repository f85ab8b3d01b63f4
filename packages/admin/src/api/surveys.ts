import type { NpsSummary } from '@hearth/schema';
import { api, call } from './client.js';
import type { KpiFilters } from './kpi.js';

/** The answer of `GET /v1/admin/kpi/surveys/:id` (docs/surveys.md); CLI/CSAT parts are not charted yet. */
export interface SurveyKpis {
  surveyId: string;
  type: 'nps' | 'cli' | 'csat';
  range: { from: string; to: string };
  nps: NpsSummary | null;
  distribution: { score: number; count: number }[] | null;
  responseRate: { displays: number; responses: number; rate: number | null };
}

export function surveyKpis(id: string, filters: KpiFilters = {}): Promise<SurveyKpis> {
  const searchParams = Object.fromEntries(Object.entries(filters).filter(([, value]) => value));
  return call(() => api.get(`kpi/surveys/${encodeURIComponent(id)}`, { searchParams }).json<SurveyKpis>());
}
