import type { ChecklistKpis as ChecklistFigures, ChecklistUplift } from '@hearth/schema';
import { api, call } from './client.js';

/** The answer of `GET /v1/admin/kpi/checklists/:id` (docs/collector.md, "Checklist KPIs"). */
export interface ChecklistKpis extends ChecklistFigures {
  promptId: string;
  range: { from: string; to: string };
  /** Against the checklist's randomized control; null without a holdout. */
  uplift: ChecklistUplift | null;
}

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

export function checklistKpis(id: string, filters: KpiFilters = {}): Promise<ChecklistKpis> {
  const searchParams = Object.fromEntries(Object.entries(filters).filter(([, value]) => value));
  return call(() => api.get(`kpi/checklists/${encodeURIComponent(id)}`, { searchParams }).json<ChecklistKpis>());
}
