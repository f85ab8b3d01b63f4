import type { ChecklistKpisAnswer } from '@hearth/schema';
import { api, call } from './client.js';

/**
 * Dates are ISO 8601 instants; `trait` is `key:value`; `segment` is `trait:key:value`,
 * `lifecycle:<stage>` or `program:<group>` (docs/kpis.md, "Segments"). Empty filters are left out.
 */
export interface KpiFilters {
  from?: string;
  to?: string;
  trait?: string;
  segment?: string;
}

/** `GET /v1/admin/kpi/checklists/:id` (docs/collector.md, "Checklist KPIs"). */
export function checklistKpis(id: string, filters: KpiFilters = {}): Promise<ChecklistKpisAnswer> {
  const searchParams = Object.fromEntries(Object.entries(filters).filter(([, value]) => value));
  return call(() => api.get(`kpi/checklists/${encodeURIComponent(id)}`, { searchParams }).json<ChecklistKpisAnswer>());
}
