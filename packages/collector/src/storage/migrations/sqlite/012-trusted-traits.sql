-- migration: trusted-traits
-- Traits the host's backend set with its secret key (`PUT /v1/server/users/{id}/traits`), kept
-- apart from `users.traits`, which browsers write with `identify`: rewards audiences read only these.
CREATE TABLE trusted_traits (
  project_id TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  traits     TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (project_id, user_id)
) WITHOUT ROWID;
