-- migration: project-settings
--  Project settings changed at runtime: the changed fields over the file's, versioned.
CREATE TABLE project_settings (
  project_id text PRIMARY KEY,
  version    integer NOT NULL,
  overrides  jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL
);
