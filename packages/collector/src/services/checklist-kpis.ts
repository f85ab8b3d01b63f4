import type { ChecklistPrompt } from '@hearth/schema';
import { checklistKpis, type ChecklistKpiQuery } from '../kpi/checklist.js';
import type { Store } from '../storage/store.js';

/** A checklist's figures over `[from, to)`: the store's per-user rows, folded by `checklistKpis`. */
export async function checklistKpisOf(
  store: Pick<Store, 'kpi'>,
  projectId: string,
  checklist: ChecklistPrompt,
  query: Omit<ChecklistKpiQuery, 'items'>,
) {
  const { items } = checklist.content;
  const { rows } = await store.kpi.checklistRows(projectId, { promptId: checklist.id, items, from: query.range.from, to: query.range.to });
  return checklistKpis(rows, { items, ...query });
}
