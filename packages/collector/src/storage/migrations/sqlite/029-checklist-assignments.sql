-- migration: checklist-assignments
-- A checklist holdout's groups (docs/kpis.md, "Checklist uplift"): the first time an identified
-- user is eligible for a checklist with a `holdout`, the collector records whether its stable hash
-- put them in the control ('control', never shown) or the exposed group ('exposed'), at the
-- server's time (epoch ms). The row is never rewritten, so a user keeps their group when the
-- percent changes, and the uplift KPI lists both groups from here without evaluating targeting.
-- Keyed for the state request's read (one user's groups); the KPI reads one checklist's range.
CREATE TABLE checklist_assignments (
  project_id  TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  prompt_id   TEXT NOT NULL,
  arm         TEXT NOT NULL CHECK (arm IN ('exposed', 'control')),
  assigned_at INTEGER NOT NULL,
  PRIMARY KEY (project_id, user_id, prompt_id)
) WITHOUT ROWID;
CREATE INDEX checklist_assignments_by_prompt ON checklist_assignments (project_id, prompt_id, assigned_at);
