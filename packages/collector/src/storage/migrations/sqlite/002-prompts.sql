-- migration: prompts
-- Prompt configuration. `config` is the whole validated prompt as JSON; `kind` and `status` are
-- copied out for listing. `origin` says who last wrote it: config-file seeding may refresh a
-- prompt only while it is still `config`, never after the admin API edited it.
CREATE TABLE prompts (
  project_id TEXT NOT NULL,
  prompt_id  TEXT NOT NULL,
  kind       TEXT NOT NULL,
  status     TEXT NOT NULL,
  version    INTEGER NOT NULL,
  config     TEXT NOT NULL,
  origin     TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (project_id, prompt_id)
) WITHOUT ROWID;
