import type pg from 'pg';
import { CHECKLIST_EVENTS, PROMPT_EVENTS } from '@hearth/schema';
import { eventItems, toChecklistKpiRow, type ChecklistKpiDbRow } from '../kpi/kpi-rows.js';
import type { KpiStore } from '../kpi/kpi-store.js';
import { postgresRetentionKpis } from './postgres-kpi-retention.js';

/** Events of this prompt ($2, compared as a JSON string) before `to` ($3), per subject. */
const ofPrompt = (name: string) => `
  FROM events e WHERE e.project_id = $1 AND e.name = '${name}' AND e.timestamp < $3
    AND e.properties @> jsonb_build_object('promptId', $2::text)`;
const SUBJECT = 'e.user_id, CASE WHEN e.user_id IS NULL THEN e.anonymous_id END';

// One statement: first display, explicit completion, widget-reported item completions and items
// completed by the user's real events, kept for subjects who saw the checklist, with traits.
const CHECKLIST_ROWS = `
  WITH items AS (
    SELECT * FROM unnest($4::text[], $5::text[], $6::jsonb[]) AS i(item_id, event, filter)
  ),
  shown AS (SELECT ${SUBJECT} AS anon, MIN(e.timestamp) AS first_at ${ofPrompt(PROMPT_EVENTS.shown)} GROUP BY 1, 2),
  facts (user_id, anonymous_id, event, item_id, first_at) AS (
    SELECT user_id, anon, 'shown', NULL, first_at FROM shown
    UNION ALL
    SELECT ${SUBJECT}, 'completed', NULL, MIN(e.timestamp) ${ofPrompt(PROMPT_EVENTS.completed)} GROUP BY 1, 2
    UNION ALL
    SELECT ${SUBJECT}, 'item_completed', e.properties->>'itemId', MIN(e.timestamp)
      ${ofPrompt(CHECKLIST_EVENTS.itemCompleted)} AND jsonb_typeof(e.properties->'itemId') = 'string' GROUP BY 1, 2, 4
    UNION ALL
    SELECT ${SUBJECT}, 'item_completed', i.item_id, MIN(e.timestamp)
    FROM items i JOIN events e ON e.project_id = $1 AND e.name = i.event AND e.timestamp < $3 AND e.properties @> i.filter
    GROUP BY 1, 2, 4
  )
  SELECT f.user_id, f.anonymous_id, f.event, f.item_id, f.first_at, u.traits
  FROM facts f
  JOIN shown s ON s.user_id IS NOT DISTINCT FROM f.user_id AND s.anon IS NOT DISTINCT FROM f.anonymous_id
  LEFT JOIN users u ON u.project_id = $1 AND u.user_id = f.user_id`;

export function postgresKpiStore(pool: pg.Pool): KpiStore {
  return {
    ...postgresRetentionKpis(pool),
    async checklistRows(projectId, query) {
      const items = eventItems(query);
      const { rows } = await pool.query<ChecklistKpiDbRow>(CHECKLIST_ROWS, [
        projectId,
        query.promptId,
        query.to,
        items.map((i) => i.itemId),
        items.map((i) => i.event),
        items.map((i) => JSON.stringify(i.where)),
      ]);
      return rows.map(toChecklistKpiRow);
    },
  };
}
