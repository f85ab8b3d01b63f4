import type { Database } from 'better-sqlite3';
import { CHECKLIST_EVENTS, PROMPT_EVENTS } from '@hearth/schema';
import { eventItems, toChecklistKpiRow, type ChecklistKpiDbRow } from '../kpi/kpi-rows.js';
import type { KpiStore } from '../kpi/kpi-store.js';
import { subjectSql } from '../kpi/rollup-sql.js';
import { sqliteRollupFolder } from './sqlite-kpi-rollup.js';
import { sqliteRetentionKpis, sqliteRetentionRunner } from './sqlite-kpi-retention.js';
import type { SqliteKpiReader } from './sqlite-kpi-reader.js';
import { propertiesMatch } from './sqlite-json.js';

/** Events of this prompt (`properties.promptId`, a JSON string) before `to`, per subject. */
const ofPrompt = (name: string) => `
  FROM events e WHERE e.project_id = @projectId AND e.name = '${name}' AND e.timestamp < @to
    AND json_extract(e.properties, '$.promptId') = @promptId`;

/**
 * Per shown subject `s` and item `i`, the first event `i.event` before `to` that matches `i.filter`.
 * Items without a filter get a seek that the index covers (no row is read for its properties).
 */
const firstItemEvents = (subjectMatch: string, shownWhere: string) =>
  [
    ["i.filter = '{}'", 'true'],
    ["i.filter <> '{}'", propertiesMatch('e.properties', 'i.filter')],
  ]
    .map(
      ([items, properties]) => `
    SELECT s.user_id, s.anon, i.item_id, (
      SELECT e.timestamp FROM events e WHERE e.project_id = @projectId AND ${subjectMatch} AND e.name = i.event AND e.timestamp < @to
        AND ${properties}
      ORDER BY e.timestamp LIMIT 1)
    FROM shown s JOIN items i ON ${items} WHERE ${shownWhere}`,
    )
    .join(' UNION ALL ');

// One statement, driven by the subjects who saw the checklist (a few per cent of the events'
// subjects): their first display; explicit completion and widget-reported item completions
// (this prompt's events, joined on one subject key); and, per item, the first matching real event,
// one index seek per subject and item (events_by_user_name_time for users; it covers the seek when
// the item has no property filter) instead of a scan of every such event in the project's history.
// The seeks are materialized so they run once, not again for the NULL test.
const CHECKLIST_ROWS = `
  WITH items AS MATERIALIZED (
    SELECT json_extract(value, '$.itemId') AS item_id, json_extract(value, '$.event') AS event,
           json_extract(value, '$.where') AS filter
    FROM json_each(@items)
  ),
  shown AS MATERIALIZED (
    SELECT ${subjectSql('e.')} AS subject, e.user_id, CASE WHEN e.user_id IS NULL THEN e.anonymous_id END AS anon,
      MIN(e.timestamp) AS first_at ${ofPrompt(PROMPT_EVENTS.shown)} GROUP BY 1
    HAVING @from IS NULL OR MIN(e.timestamp) >= @from
  ),
  reported (subject, event, item_id, first_at) AS (
    SELECT ${subjectSql('e.')}, 'completed', NULL, MIN(e.timestamp) ${ofPrompt(PROMPT_EVENTS.completed)} GROUP BY 1
    UNION ALL
    SELECT ${subjectSql('e.')}, 'item_completed', json_extract(e.properties, '$.itemId'), MIN(e.timestamp)
      ${ofPrompt(CHECKLIST_EVENTS.itemCompleted)} AND json_type(e.properties, '$.itemId') = 'text' GROUP BY 1, 3
  ),
  done_items (user_id, anon, item_id, first_at) AS MATERIALIZED (
    ${firstItemEvents('e.user_id = s.user_id', 's.user_id IS NOT NULL')}
    UNION ALL ${firstItemEvents('e.anonymous_id = s.anon AND e.user_id IS NULL', 's.user_id IS NULL')}
  ),
  facts (user_id, anonymous_id, event, item_id, first_at) AS (
    SELECT user_id, anon, 'shown', NULL, first_at FROM shown
    UNION ALL
    SELECT s.user_id, s.anon, r.event, r.item_id, r.first_at FROM shown s JOIN reported r ON r.subject = s.subject
    UNION ALL
    SELECT user_id, anon, 'item_completed', item_id, first_at FROM done_items WHERE first_at IS NOT NULL
  )
  SELECT f.user_id, f.anonymous_id, f.event, f.item_id, f.first_at, u.traits
  FROM facts f LEFT JOIN users u ON u.project_id = @projectId AND u.user_id = f.user_id`;

export type ChecklistParams = Record<string, unknown>;

/** The checklist KPI's rows for bound parameters, synchronously (in the KPI reader's thread, or inline). */
export function sqliteChecklistQuery(db: Database): (params: ChecklistParams) => ChecklistKpiDbRow[] {
  const statement = db.prepare<ChecklistParams, ChecklistKpiDbRow>(CHECKLIST_ROWS);
  return (params) => statement.all(params);
}

/**
 * `store.kpi` on SQLite. The rollup fold writes, so it stays on the writer's connection `db`; the
 * reads go to `reader` (a worker thread with its own read-only connection) when there is one, so
 * a long KPI statement never holds the event loop; without one (an in-memory store) they run inline.
 */
export function sqliteKpiStore(db: Database, reader: SqliteKpiReader | null = null): KpiStore {
  const refresh = sqliteRollupFolder(db);
  const inlineRetention = sqliteRetentionRunner(db);
  const inlineChecklist = sqliteChecklistQuery(db);
  return {
    ...sqliteRetentionKpis(refresh, async (name, segment, params) =>
      reader ? reader.retention(name, segment, params) : inlineRetention(name, segment, params),
    ),
    async refreshRollups() {
      refresh();
    },
    async checklistRows(projectId, query) {
      const params = {
        projectId,
        promptId: query.promptId,
        to: query.to.getTime(),
        from: query.from?.getTime() ?? null,
        items: JSON.stringify(eventItems(query)),
      };
      const rows = reader ? await reader.checklist(params) : inlineChecklist(params);
      return rows.map(toChecklistKpiRow);
    },
  };
}
