import { ANNOUNCEMENT_EVENTS, CHECKLIST_EVENTS, PROMPT_EVENTS, SURVEY_EVENTS } from '@hearth/schema';
import { fromEpochMs, jsonContains, typed } from '../sql/dialect.js';
import type { Awaitable, Dialect, SqlReader } from '../sql/runner.js';
import { ITEMS, itemParams } from './checklist-sql.js';
import { eventItems } from './kpi-rows.js';
import type { ChecklistUpliftQuery, KpiStore, UpliftCounts } from './kpi-store.js';
import { rollupReader } from './retention-kpis.js';
import { int } from './retention-sql.js';
import { segmentCte, segmentParams, type SegmentKind } from './segment-sql.js';

/**
 * What Hearth's widget sends by itself when it shows something: a checklist's exposed users send
 * these and its control never does, so counting them as activity would favour the exposed group.
 */
const WIDGET_EVENTS = [
  ...Object.values(PROMPT_EVENTS),
  ...Object.values(CHECKLIST_EVENTS),
  ...Object.values(SURVEY_EVENTS),
  ...Object.values(ANNOUNCEMENT_EVENTS),
];

/**
 * A checklist holdout's counts per group (docs/reference/kpi-definitions.md, "Loyalty program
 * impact → checklist uplift"), one row per group and metric, from the groups recorded in
 * checklist_assignments (migration 029) for users assigned in [@from, @to):
 * - `assigned`: the group's size;
 * - `item` (per item with a completing event): of the users whose first @actionMs have passed by
 *   @to, those with the item's event (and property filter) before assignment + @actionMs;
 * - `all`: of the same users, those with every such item's event;
 * - `retained`: of the users whose first @activeTo have passed by @to, those with an event of
 *   their own (not one the widget sends) in [assignment + @activeFrom, assignment + @activeTo).
 * Each probe is one index seek per user (events_by_user_name_time, events_by_user_time). The
 * windows' values come from domain/checklist/uplift-windows.ts, which the answer echoes too.
 */
function upliftSql(d: Dialect, segment: SegmentKind | null): string {
  const at = (ms: string) => fromEpochMs(d, ms);
  const closed = (span: string) => `c.assigned_at + ${int(span)} <= ${int('to')}`;
  const widget = WIDGET_EVENTS.map((name) => `'${name}'`).join(', ');
  return `
  WITH ${segment ? `${segmentCte(d, segment)},` : ''} items AS MATERIALIZED (
    ${ITEMS[d]}
  ),
  cohort AS MATERIALIZED (
    SELECT a.user_id, a.arm, a.assigned_at FROM checklist_assignments a
    WHERE a.project_id = @projectId AND a.prompt_id = @promptId AND a.assigned_at >= ${int('from')} AND a.assigned_at < ${int('to')}
      ${segment ? "AND 'u:' || a.user_id IN (SELECT subject FROM segment)" : ''}
  ),
  acted AS MATERIALIZED (
    SELECT c.user_id, c.arm, i.item_id, CASE WHEN EXISTS (
      SELECT 1 FROM events e WHERE e.project_id = @projectId AND e.user_id = c.user_id AND e.name = i.event
        AND e.timestamp < ${at(`(c.assigned_at + ${int('actionMs')})`)}
        AND (i.filter = ${typed(d, "'{}'", 'jsonb')} OR ${jsonContains(d, 'e.properties', 'i.filter')})) THEN 1 ELSE 0 END AS done
    FROM cohort c CROSS JOIN items i WHERE ${closed('actionMs')}
  )
  SELECT arm, 'assigned' AS metric, NULL AS item_id, COUNT(*) AS n, 0 AS hits FROM cohort GROUP BY arm
  UNION ALL
  SELECT arm, 'item', item_id, COUNT(*), SUM(done) FROM acted GROUP BY arm, item_id
  UNION ALL
  SELECT arm, 'all', NULL, COUNT(*), SUM(all_done) FROM (SELECT arm, MIN(done) AS all_done FROM acted GROUP BY user_id, arm) u GROUP BY arm
  UNION ALL
  SELECT c.arm, 'retained', NULL, COUNT(*), SUM(CASE WHEN EXISTS (
    SELECT 1 FROM events e WHERE e.project_id = @projectId AND e.user_id = c.user_id
      AND e.timestamp >= ${at(`(c.assigned_at + ${int('activeFrom')})`)} AND e.timestamp < ${at(`(c.assigned_at + ${int('activeTo')})`)}
      AND (e.name IS NULL OR e.name NOT IN (${widget}))) THEN 1 ELSE 0 END)
  FROM cohort c WHERE ${closed('activeTo')} GROUP BY c.arm`;
}

interface UpliftRow {
  arm: 'exposed' | 'control';
  metric: 'assigned' | 'item' | 'all' | 'retained';
  item_id: string | null;
  n: number | string | bigint;
  hits: number | string | bigint | null;
}

/**
 * `KpiStore.checklistUplift` over `read`; `refresh` folds new events into the rollup before each
 * read, as for every KPI statement (a segment's at-risk rule reads the rollup).
 */
export function checklistUpliftCounts(read: SqlReader, refresh: () => Awaitable<void>): KpiStore['checklistUplift'] {
  const run = rollupReader(read, refresh);
  return async (projectId: string, query: ChecklistUpliftQuery) => {
    const items = eventItems(query);
    const to = query.to.getTime();
    const kind = query.segment?.kind ?? null;
    const rows = (await run(`uplift:${kind}`, () => upliftSql(read.dialect, kind), {
      projectId,
      promptId: query.promptId,
      from: query.from.getTime(),
      to,
      actionMs: query.actionMs,
      activeFrom: query.activeMs.from,
      activeTo: query.activeMs.to,
      ...itemParams(items),
      ...segmentParams(query.segment, to),
    })) as unknown as UpliftRow[];
    const counts: UpliftCounts = {
      exposed: { assigned: 0, items: new Map(), allItems: { n: 0, successes: 0 }, retained: { n: 0, successes: 0 } },
      control: { assigned: 0, items: new Map(), allItems: { n: 0, successes: 0 }, retained: { n: 0, successes: 0 } },
    };
    for (const row of rows) {
      const group = counts[row.arm];
      const figure = { n: Number(row.n), successes: Number(row.hits ?? 0) };
      if (row.metric === 'assigned') group.assigned = figure.n;
      else if (row.metric === 'item' && row.item_id !== null) group.items.set(row.item_id, figure);
      else if (row.metric === 'all') group.allItems = figure;
      else if (row.metric === 'retained') group.retained = figure;
    }
    return counts;
  };
}
