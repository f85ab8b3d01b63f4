import { completingEvent } from '../../domain/checklist/progress.js';
import type { ChecklistKpiRow } from '../../kpi/checklist.js';
import type { ChecklistRowsQuery } from './kpi-store.js';

/** A checklist KPI row as either driver returns it. */
export interface ChecklistKpiDbRow {
  user_id: string | null;
  anonymous_id: string | null;
  event: ChecklistKpiRow['event'];
  item_id: string | null;
  first_at: number | Date;
}

/** The event-completed items as `{ itemId, event, where }` (where `{}` when absent), for the SQL. */
export function eventItems(query: Pick<ChecklistRowsQuery, 'items'>) {
  return query.items.flatMap((item) => {
    const byEvent = completingEvent(item);
    return byEvent ? [{ itemId: item.id, event: byEvent.event, where: byEvent.where ?? {} }] : [];
  });
}

/** Visitors who never identified are counted under their anonymous id, apart from user ids. */
export function toChecklistKpiRow(row: ChecklistKpiDbRow): ChecklistKpiRow {
  return {
    userId: row.user_id ?? `anonymous:${row.anonymous_id ?? ''}`,
    event: row.event,
    itemId: row.item_id,
    firstAt: new Date(row.first_at),
  };
}
