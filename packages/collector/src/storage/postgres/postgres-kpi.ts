import type pg from 'pg';
import { CHECKLIST_EVENTS, PROMPT_EVENTS } from '@hearth/schema';
import { eventItems, toChecklistKpiRow, type ChecklistKpiDbRow } from '../kpi/kpi-rows.js';
import type { KpiStore } from '../kpi/kpi-store.js';
import { subjectSql } from '../kpi/rollup-sql.js';
import { postgresRollupFolder } from './postgres-kpi-rollup.js';
import { postgresRetentionKpis } from './postgres-kpi-retention.js';

/** Events of this prompt ($2, compared as a JSON string) before `to` ($3), per subject. */
const ofPrompt = (name: string) => `
  FROM events e WHERE e.project_id = $1 AND e.name = '${name}' AND e.timestamp < $3
    AND e.properties @> jsonb_build_object('promptId', $2::text)`;

/**
 * Per shown subject `s` and item `i`, the first event `i.event` before `to` that matches `i.filter`.
 * Items without a filter get a seek that the index covers (no row is read for its properties).
 */
const firstItemEvents = (subjectMatch: string, shownWhere: string) =>
  [
    ["i.filter = '{}'::jsonb", 'true'],
    ["i.filter <> '{}'::jsonb", 'e.properties @> i.filter'],
  ]
    .map(
      ([items, properties]) => `
    SELECT s.user_id, s.anon, i.item_id, (
      SELECT e.timestamp FROM events e WHERE e.project_id = $1 AND ${subjectMatch} AND e.name = i.event AND e.timestamp < $3
        AND ${properties}
      ORDER BY e.timestamp LIMIT 1)
    FROM shown s JOIN items i ON ${items} WHERE ${shownWhere}`,
    )
    .join(' UNION ALL ');

// See sqlite-kpi.ts: driven by the subjects who saw the checklist, joined on one subject key (a
// join on IS NOT DISTINCT FROM pairs cannot be hashed), one index seek per subject and item.
const CHECKLIST_ROWS = `
  WITH items AS MATERIALIZED (
    SELECT * FROM unnest($4::text[], $5::text[], $6::jsonb[]) AS i(item_id, event, filter)
  ),
  shown AS MATERIALIZED (
    SELECT ${subjectSql('e.')} AS subject, e.user_id, CASE WHEN e.user_id IS NULL THEN e.anonymous_id END AS anon,
      MIN(e.timestamp) AS first_at ${ofPrompt(PROMPT_EVENTS.shown)} GROUP BY 1, 2, 3
    HAVING $7::timestamptz IS NULL OR MIN(e.timestamp) >= $7::timestamptz
  ),
  reported (subject, event, item_id, first_at) AS (
    SELECT ${subjectSql('e.')}, 'completed', NULL, MIN(e.timestamp) ${ofPrompt(PROMPT_EVENTS.completed)} GROUP BY 1
    UNION ALL
    SELECT ${subjectSql('e.')}, 'item_completed', e.properties->>'itemId', MIN(e.timestamp)
      ${ofPrompt(CHECKLIST_EVENTS.itemCompleted)} AND jsonb_typeof(e.properties->'itemId') = 'string' GROUP BY 1, 3
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
  FROM facts f LEFT JOIN users u ON u.project_id = $1 AND u.user_id = f.user_id`;

export function postgresKpiStore(pool: pg.Pool): KpiStore {
  const refresh = postgresRollupFolder(pool);
  return {
    ...postgresRetentionKpis(pool, refresh),
    refreshRollups: refresh,
    async checklistRows(projectId, query) {
      const items = eventItems(query);
      const { rows } = await pool.query<ChecklistKpiDbRow>(CHECKLIST_ROWS, [
        projectId,
        query.promptId,
        query.to,
        items.map((i) => i.itemId),
        items.map((i) => i.event),
        items.map((i) => JSON.stringify(i.where)),
        query.from ?? null,
      ]);
      return rows.map(toChecklistKpiRow);
    },
  };
}
