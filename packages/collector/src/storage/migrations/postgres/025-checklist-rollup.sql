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
  project_id text NOT NULL,
  prompt_id  text NOT NULL,
  subject    text NOT NULL,
  kind       text NOT NULL,
  item_id    text NOT NULL,
  first_at   bigint NOT NULL,
  PRIMARY KEY (project_id, prompt_id, kind, subject, item_id)
);
CREATE INDEX kpi_prompt_firsts_by_subject ON kpi_prompt_firsts (project_id, subject);
CREATE TABLE kpi_item_definitions (
  project_id    text NOT NULL,
  definition    text NOT NULL,
  event         text NOT NULL,
  filter        jsonb NOT NULL,
  built_through bigint NOT NULL,
  built         boolean NOT NULL DEFAULT false,
  PRIMARY KEY (project_id, definition)
);
CREATE TABLE kpi_item_firsts (
  project_id text NOT NULL,
  definition text NOT NULL,
  subject    text NOT NULL,
  first_at   bigint NOT NULL,
  PRIMARY KEY (project_id, definition, subject)
);
CREATE INDEX kpi_item_firsts_by_subject ON kpi_item_firsts (project_id, subject);
INSERT INTO kpi_prompt_firsts
SELECT project_id, properties->>'promptId', CASE WHEN user_id IS NULL THEN 'a:' || anonymous_id ELSE 'u:' || user_id END,
  CASE name WHEN '$prompt_shown' THEN 'shown' WHEN '$prompt_completed' THEN 'completed' ELSE 'item_completed' END,
  CASE WHEN name = '$checklist_item_completed' THEN properties->>'itemId' ELSE '' END, MIN((extract(epoch from timestamp) * 1000)::bigint)
FROM events
WHERE name IN ('$prompt_shown', '$prompt_completed', '$checklist_item_completed') AND jsonb_typeof(properties->'promptId') = 'string'
  AND (name <> '$checklist_item_completed' OR jsonb_typeof(properties->'itemId') = 'string')
GROUP BY 1, 2, 3, 4, 5;
