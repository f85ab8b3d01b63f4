import type { KpiSegment } from '../../kpi/segment.js';
import { numbered } from '../sql/dialect.js';
import type { SqlReader } from '../sql/runner.js';
import { builtCountSql, checklistRollupSql } from './checklist-rollup-sql.js';
import { checklistRowsFromEvents } from './checklist-sql.js';
import { itemDefinition, type ItemDefinition } from './item-definition.js';
import { eventItems, toChecklistKpiRow, type ChecklistKpiDbRow } from './kpi-rows.js';
import type { KpiStore } from './kpi-store.js';
import { segmentParams, type SegmentKind } from './segment-sql.js';

/**
 * `KpiStore.checklistRows`: folds one rollup chunk (`beforeRead`, as the retention KPIs do), then
 * reads the checklist rollup when every event-completed item's definition is built there, else
 * reads `events` and enqueues the definitions' builds (`requestBuilds`, durable jobs). A definition
 * is only ever built or not, so a read that found it built cannot meet it half-built.
 */
export function checklistRows(
  read: SqlReader,
  requestBuilds: (projectId: string, items: readonly ItemDefinition[]) => Promise<void>,
  beforeRead: () => Promise<void>,
): KpiStore['checklistRows'] {
  const fromEvents = checklistRowsFromEvents(read, beforeRead);
  const builtCount = numbered(builtCountSql(read.dialect));
  const statements = new Map<SegmentKind | null, ReturnType<typeof numbered>>();
  const statementOf = (kind: SegmentKind | null) => {
    let statement = statements.get(kind);
    if (!statement) statements.set(kind, (statement = numbered(checklistRollupSql(read.dialect, kind))));
    return statement;
  };
  const sqlite = read.dialect === 'sqlite';
  // SQLite binds a JS number as REAL: epoch ms and day parameters go as integers.
  const bind = (statement: ReturnType<typeof numbered>, params: Record<string, unknown>) =>
    statement.names.map((name) => (sqlite && typeof params[name] === 'number' ? BigInt(params[name]) : params[name]));

  return async (projectId, query) => {
    await beforeRead();
    const items = eventItems(query).map((item) => ({ itemId: item.itemId, ...itemDefinition(item.event, item.where) }));
    const definitions = [...new Set(items.map((item) => item.definition))];
    const [built] = await read.all<{ n: number | string }>(
      builtCount.text,
      bind(builtCount, { projectId, definitions: sqlite ? JSON.stringify(definitions) : definitions }),
    );
    if (Number(built?.n ?? 0) < definitions.length) {
      // Enqueued beside the read: the answer does not wait for it, and a read that could not
      // enqueue (the writer busy) still answers; the next read asks again.
      const [, rows] = await Promise.all([
        requestBuilds(projectId, items).catch((error: unknown) =>
          console.error('hearth-collector: could not enqueue checklist item definition builds', error),
        ),
        fromEvents(projectId, query),
      ]);
      return { rows, source: 'events' };
    }
    const segment: KpiSegment | undefined = query.segment;
    const to = query.to.getTime();
    const params: Record<string, unknown> = {
      projectId,
      promptId: query.promptId,
      toMs: to,
      fromMs: query.from?.getTime() ?? null,
      items: JSON.stringify(items.map(({ itemId, definition }) => ({ itemId, definition }))),
      itemIds: items.map((i) => i.itemId),
      itemDefinitions: items.map((i) => i.definition),
      to,
      ...segmentParams(segment, to),
    };
    const statement = statementOf(segment?.kind ?? null);
    const rows = await read.all<ChecklistKpiDbRow>(statement.text, bind(statement, params));
    // PostgreSQL answers bigint epoch ms as strings.
    return { rows: rows.map((row) => toChecklistKpiRow({ ...row, first_at: Number(row.first_at) })), source: 'rollup' };
  };
}
