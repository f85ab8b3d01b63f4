import type { ChecklistPrompt } from '@hearth/schema';
import { checklistKpis, type ChecklistKpiQuery } from '../kpi/checklist.js';
import type { KpiSegment } from '../kpi/segment.js';
import type { Store } from '../storage/store.js';

/**
 * A checklist's figures over `[from, to)`: the store's per-user rows, folded by `checklistKpis`;
 * `segment` narrows the rows in SQL to the users in it at `to` (the KPIs' one segment filter).
 */
export async function checklistKpisOf(
  store: Pick<Store, 'kpi'>,
  projectId: string,
  checklist: ChecklistPrompt,
  query: Pick<ChecklistKpiQuery, 'range'> & { segment?: KpiSegment | undefined },
) {
  const { items } = checklist.content;
  const { range, segment } = query;
  const { rows } = await store.kpi.checklistRows(projectId, { promptId: checklist.id, items, from: range.from, to: range.to, segment });
  return checklistKpis(rows, { items, range });
}
