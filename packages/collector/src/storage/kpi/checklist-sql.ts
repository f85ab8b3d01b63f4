import { CHECKLIST_EVENTS, PROMPT_EVENTS } from '@hearth/schema';
import type { KpiSegment } from '../../kpi/segment.js';
import { jsonContains, jsonFieldIs, jsonIsString, jsonText, numbered, typed } from '../sql/dialect.js';
import type { Awaitable, Dialect, SqlReader } from '../sql/runner.js';
import { eventItems, toChecklistKpiRow, type ChecklistKpiDbRow } from './kpi-rows.js';
import type { ChecklistRowsQuery, KpiStore } from './kpi-store.js';
import { subjectSql } from './rollup-sql.js';
import { segmentCte, segmentParams, type SegmentKind } from './segment-sql.js';

/** Events of this prompt (@promptId) before `to` (@toTime), per subject. */
const ofPrompt = (d: Dialect, name: string) => `
  FROM events e WHERE e.project_id = @projectId AND e.name = '${name}' AND e.timestamp < @toTime
    AND ${jsonFieldIs(d, 'e.properties', 'promptId', '@promptId')}`;

/**
 * Per shown subject `s` and item `i`, the first event `i.event` before `to` that matches `i.filter`.
 * Items without a filter get a seek that the index covers (no row is read for its properties).
 */
const firstItemEvents = (d: Dialect, subjectMatch: string, shownWhere: string) =>
  [
    [`i.filter = ${typed(d, "'{}'", 'jsonb')}`, 'true'],
    [`i.filter <> ${typed(d, "'{}'", 'jsonb')}`, jsonContains(d, 'e.properties', 'i.filter')],
  ]
    .map(
      ([items, properties]) => `
    SELECT s.user_id, s.anon, i.item_id, (
      SELECT e.timestamp FROM events e WHERE e.project_id = @projectId AND ${subjectMatch} AND e.name = i.event AND e.timestamp < @toTime
        AND ${properties}
      ORDER BY e.timestamp LIMIT 1)
    FROM shown s JOIN items i ON ${items} WHERE ${shownWhere}`,
    )
    .join(' UNION ALL ');

/** The items as rows (item_id, event, filter): a JSON array on SQLite (@items), column arrays on PostgreSQL. */
export const ITEMS = {
  sqlite: `SELECT json_extract(value, '$.itemId') AS item_id, json_extract(value, '$.event') AS event,
           json_extract(value, '$.where') AS filter
    FROM json_each(@items)`,
  postgres:
    'SELECT * FROM unnest(CAST(@itemIds AS text[]), CAST(@itemEvents AS text[]), CAST(@itemFilters AS jsonb[])) AS i(item_id, event, filter)',
};

/** The parameters `ITEMS` reads, for both dialects. */
export const itemParams = (items: ReturnType<typeof eventItems>) => ({
  items: JSON.stringify(items),
  itemIds: items.map((i) => i.itemId),
  itemEvents: items.map((i) => i.event),
  itemFilters: items.map((i) => JSON.stringify(i.where)),
});

// One statement, driven by the subjects who saw the checklist (a few per cent of the events'
// subjects): their first display; explicit completion and widget-reported item completions
// (this prompt's events, joined on one subject key: a join on IS NOT DISTINCT FROM pairs cannot be
// hashed); and, per item, the first matching real event, one index seek per subject and item
// (events_by_user_name_time for users; it covers the seek when the item has no property filter)
// instead of a scan of every such event in the project's history. The seeks are materialized so
// they run once, not again for the NULL test. PostgreSQL groups by every selected column. A
// segmented statement starts with the KPIs' one segment filter and keeps the shown users in it, so
// the seeks run for the segment's users only.
const checklistSql = (d: Dialect, segment: SegmentKind | null) => `
  WITH ${segment ? `${segmentCte(d, segment)},` : ''} items AS MATERIALIZED (
    ${ITEMS[d]}
  ),
  shown AS MATERIALIZED (
    SELECT ${subjectSql('e.')} AS subject, e.user_id, CASE WHEN e.user_id IS NULL THEN e.anonymous_id END AS anon,
      MIN(e.timestamp) AS first_at ${ofPrompt(d, PROMPT_EVENTS.shown)}
      ${segment ? 'AND e.user_id IN (SELECT substr(subject, 3) FROM segment)' : ''} GROUP BY ${d === 'sqlite' ? '1' : '1, 2, 3'}
    HAVING ${typed(d, '@fromTime', 'timestamptz')} IS NULL OR MIN(e.timestamp) >= ${typed(d, '@fromTime', 'timestamptz')}
  ),
  reported (subject, event, item_id, first_at) AS (
    SELECT ${subjectSql('e.')}, 'completed', NULL, MIN(e.timestamp) ${ofPrompt(d, PROMPT_EVENTS.completed)} GROUP BY 1
    UNION ALL
    SELECT ${subjectSql('e.')}, 'item_completed', ${jsonText(d, 'e.properties', 'itemId')}, MIN(e.timestamp)
      ${ofPrompt(d, CHECKLIST_EVENTS.itemCompleted)} AND ${jsonIsString(d, 'e.properties', 'itemId')} GROUP BY 1, 3
  ),
  done_items (user_id, anon, item_id, first_at) AS MATERIALIZED (
    ${firstItemEvents(d, 'e.user_id = s.user_id', 's.user_id IS NOT NULL')}
    UNION ALL ${firstItemEvents(d, 'e.anonymous_id = s.anon AND e.user_id IS NULL', 's.user_id IS NULL')}
  ),
  facts (user_id, anonymous_id, event, item_id, first_at) AS (
    SELECT user_id, anon, 'shown', NULL, first_at FROM shown
    UNION ALL
    SELECT s.user_id, s.anon, r.event, r.item_id, r.first_at FROM shown s JOIN reported r ON r.subject = s.subject
    UNION ALL
    SELECT user_id, anon, 'item_completed', item_id, first_at FROM done_items WHERE first_at IS NOT NULL
  )
  SELECT user_id, anonymous_id, event, item_id, first_at FROM facts`;

/**
 * `KpiStore.checklistRowsFromEvents` over `read` (on SQLite, the KPI reader process on a file
 * store); a segmented read folds new events into the rollup first (`refresh`: the at-risk rule reads it).
 */
export function checklistRowsFromEvents(read: SqlReader, refresh: () => Awaitable<void>): KpiStore['checklistRowsFromEvents'] {
  const statements = new Map<SegmentKind | null, ReturnType<typeof numbered>>();
  const statementOf = (kind: SegmentKind | null) => {
    let statement = statements.get(kind);
    if (!statement) statements.set(kind, (statement = numbered(checklistSql(read.dialect, kind))));
    return statement;
  };
  return async (projectId: string, query: ChecklistRowsQuery) => {
    const items = eventItems(query);
    const segment: KpiSegment | undefined = query.segment;
    if (segment) await refresh();
    const to = query.to.getTime();
    const params: Record<string, unknown> = {
      projectId,
      promptId: query.promptId,
      toTime: read.time(to),
      fromTime: query.from === undefined ? null : read.time(query.from.getTime()),
      ...itemParams(items),
      to,
      ...segmentParams(segment, to),
    };
    const statement = statementOf(segment?.kind ?? null);
    const rows = await read.all<ChecklistKpiDbRow>(
      statement.text,
      // SQLite binds a JS number as REAL: the segment's epoch-ms and day parameters go as integers.
      statement.names.map((name) => (read.dialect === 'sqlite' && typeof params[name] === 'number' ? BigInt(params[name]) : params[name])),
    );
    return rows.map(toChecklistKpiRow);
  };
}
