-- migration: checklist-rollup
-- Rollup behind the checklist KPIs (docs/kpis.md, "Checklist rollup"), folded by the KPI rollup
-- keeper from the queue and dirty subjects of migration 009 (kpi/checklist-fold.ts), first times
-- only, so folding an event twice changes nothing:
-- - kpi_prompt_firsts: a subject's first `$prompt_shown` / `$prompt_completed` of a prompt
--   (item_id '') and first `$checklist_item_completed` per item id;
-- - kpi_item_firsts: a subject's first event matching an item definition (event name + property
--   filter), keyed by the definition's hash, not by checklist or item: an edited item is a new
--   definition, built from `events` in bounded chunks while its KPIs read `events`;
-- - kpi_item_definitions: the definitions asked for, the build's cursor and whether it is done.
-- Times are epoch ms. Prompt events stored before this migration are rolled up here, once.
CREATE TABLE kpi_prompt_firsts (
  project_id TEXT NOT NULL,
  prompt_id  TEXT NOT NULL,
  subject    TEXT NOT NULL,
  kind       TEXT NOT NULL,
  item_id    TEXT NOT NULL,
  first_at   INTEGER NOT NULL,
  PRIMARY KEY (project_id, prompt_id, kind, subject, item_id)
) WITHOUT ROWID;
CREATE INDEX kpi_prompt_firsts_by_subject ON kpi_prompt_firsts (project_id, subject);
CREATE TABLE kpi_item_definitions (
  project_id    TEXT NOT NULL,
  definition    TEXT NOT NULL,
  event         TEXT NOT NULL,
  filter        TEXT NOT NULL,
  built_through INTEGER NOT NULL,
  built         INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (project_id, definition)
) WITHOUT ROWID;
CREATE TABLE kpi_item_firsts (
  project_id TEXT NOT NULL,
  definition TEXT NOT NULL,
  subject    TEXT NOT NULL,
  first_at   INTEGER NOT NULL,
  PRIMARY KEY (project_id, definition, subject)
) WITHOUT ROWID;
CREATE INDEX kpi_item_firsts_by_subject ON kpi_item_firsts (project_id, subject);
INSERT INTO kpi_prompt_firsts
SELECT project_id, json_extract(properties, '$.promptId'), CASE WHEN user_id IS NULL THEN 'a:' || anonymous_id ELSE 'u:' || user_id END,
  CASE name WHEN '$prompt_shown' THEN 'shown' WHEN '$prompt_completed' THEN 'completed' ELSE 'item_completed' END,
  CASE WHEN name = '$checklist_item_completed' THEN json_extract(properties, '$.itemId') ELSE '' END, MIN(timestamp)
FROM events
WHERE name IN ('$prompt_shown', '$prompt_completed', '$checklist_item_completed') AND json_type(properties, '$.promptId') = 'text'
  AND (name <> '$checklist_item_completed' OR json_type(properties, '$.itemId') = 'text')
GROUP BY 1, 2, 3, 4, 5;
