import type { SqlReader } from '../sql/runner.js';
import type { ChecklistRollup } from './checklist-fold.js';
import { builtCountSql, checklistRollupSql } from './checklist-rollup-sql.js';
import { checklistRowsFromEvents } from './checklist-sql.js';
import { itemDefinition } from './item-definition.js';
import { eventItems, toChecklistKpiRow, type ChecklistKpiDbRow } from './kpi-rows.js';
import type { KpiStore } from './kpi-store.js';

/**
 * `KpiStore.checklistRows`: folds one rollup chunk (`beforeRead`, as the retention KPIs do), then
 * reads the checklist rollup when every event-completed item's definition is built there, else
 * reads `events` and asks `rollup` to build the missing definitions. A definition is only ever
 * built or not, so a read that found it built cannot meet it half-built.
 */
export function checklistRows(read: SqlReader, rollup: ChecklistRollup, beforeRead: () => Promise<void>): KpiStore['checklistRows'] {
  const fromEvents = checklistRowsFromEvents(read);
  const text = checklistRollupSql(read.dialect);
  const builtCount = builtCountSql(read.dialect);
  return async (projectId, query) => {
    await beforeRead();
    const items = eventItems(query).map((item) => ({ itemId: item.itemId, ...itemDefinition(item.event, item.where) }));
    const definitions = [...new Set(items.map((item) => item.definition))];
    const [built] = await read.all<{ n: number | string }>(builtCount, [
      projectId,
      read.dialect === 'sqlite' ? JSON.stringify(definitions) : definitions,
    ]);
    if (Number(built?.n ?? 0) < definitions.length) {
      rollup.request(projectId, items);
      return { rows: await fromEvents(projectId, query), source: 'events' };
    }
    const head = [projectId, query.promptId, query.to.getTime(), query.from?.getTime() ?? null];
    const rows = await read.all<ChecklistKpiDbRow>(
      text,
      read.dialect === 'sqlite'
        ? [...head, JSON.stringify(items.map(({ itemId, definition }) => ({ itemId, definition })))]
        : [...head, items.map((i) => i.itemId), items.map((i) => i.definition)],
    );
    // PostgreSQL answers bigint epoch ms as strings.
    return { rows: rows.map((row) => toChecklistKpiRow({ ...row, first_at: Number(row.first_at) })), source: 'rollup' };
  };
}
