-- migration: prompts
-- Prompt configuration. `config` is the whole validated prompt; `kind` and `status` are copied
-- out for listing. `origin` says who last wrote it: config-file seeding may refresh a prompt only
-- while it is still `config`, never after the admin API edited it.
CREATE TABLE prompts (
  project_id text NOT NULL,
  prompt_id  text NOT NULL,
  kind       text NOT NULL,
  status     text NOT NULL,
  version    integer NOT NULL,
  config     jsonb NOT NULL,
  origin     text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, prompt_id)
);
