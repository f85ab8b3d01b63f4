import type { Database } from 'better-sqlite3';
import { CHECKLIST_EVENTS, PROMPT_EVENTS } from '@hearth/schema';
import { eventItems, toChecklistKpiRow, type ChecklistKpiDbRow } from '../kpi/kpi-rows.js';
import type { KpiStore } from '../kpi/kpi-store.js';
import { sqliteRetentionKpis } from './sqlite-kpi-retention.js';
import { propertiesMatch } from './sqlite-json.js';

/** Events of this prompt (`properties.promptId`, a JSON string) before `to`, per subject. */
const ofPrompt = (name: string) => `
  FROM events e WHERE e.project_id = @projectId AND e.name = '${name}' AND e.timestamp < @to
    AND json_extract(e.properties, '$.promptId') = @promptId`;
const SUBJECT = 'e.user_id, CASE WHEN e.user_id IS NULL THEN e.anonymous_id END';

// One statement: first display, explicit completion, widget-reported item completions and items
// completed by the user's real events, kept for subjects who saw the checklist, with traits.
const CHECKLIST_ROWS = `
  WITH items AS (
    SELECT json_extract(value, '$.itemId') AS item_id, json_extract(value, '$.event') AS event,
           json_extract(value, '$.where') AS filter
    FROM json_each(@items)
  ),
  shown AS (SELECT ${SUBJECT} AS anon, MIN(e.timestamp) AS first_at ${ofPrompt(PROMPT_EVENTS.shown)} GROUP BY 1, 2),
  facts (user_id, anonymous_id, event, item_id, first_at) AS (
    SELECT user_id, anon, 'shown', NULL, first_at FROM shown
    UNION ALL
    SELECT ${SUBJECT}, 'completed', NULL, MIN(e.timestamp) ${ofPrompt(PROMPT_EVENTS.completed)} GROUP BY 1, 2
    UNION ALL
    SELECT ${SUBJECT}, 'item_completed', json_extract(e.properties, '$.itemId'), MIN(e.timestamp)
      ${ofPrompt(CHECKLIST_EVENTS.itemCompleted)} AND json_type(e.properties, '$.itemId') = 'text' GROUP BY 1, 2, 4
    UNION ALL
    SELECT ${SUBJECT}, 'item_completed', i.item_id, MIN(e.timestamp)
    FROM items i JOIN events e ON e.project_id = @projectId AND e.name = i.event AND e.timestamp < @to
    WHERE ${propertiesMatch('e.properties', 'i.filter')}
    GROUP BY 1, 2, 4
  )
  SELECT f.user_id, f.anonymous_id, f.event, f.item_id, f.first_at, u.traits
  FROM facts f
  JOIN shown s ON s.user_id IS f.user_id AND s.anon IS f.anonymous_id
  LEFT JOIN users u ON u.project_id = @projectId AND u.user_id = f.user_id`;

export function sqliteKpiStore(db: Database): KpiStore {
  const checklistRows = db.prepare<Record<string, unknown>, ChecklistKpiDbRow>(CHECKLIST_ROWS);
  return {
    ...sqliteRetentionKpis(db),
    async checklistRows(projectId, query) {
      const rows = checklistRows.all({
        projectId,
        promptId: query.promptId,
        to: query.to.getTime(),
        items: JSON.stringify(eventItems(query)),
      });
      return rows.map(toChecklistKpiRow);
    },
  };
}
