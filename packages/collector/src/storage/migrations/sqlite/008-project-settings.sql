-- migration: project-settings
--  Project settings changed at runtime: the changed fields over the file's, versioned.
CREATE TABLE project_settings (
  project_id TEXT PRIMARY KEY,
  version    INTEGER NOT NULL,
  overrides  TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL
) WITHOUT ROWID;
