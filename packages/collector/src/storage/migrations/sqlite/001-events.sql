-- migration: events, users, identities
CREATE TABLE events (
  project_id   TEXT NOT NULL,
  message_id   TEXT NOT NULL,
  type         TEXT NOT NULL,
  name         TEXT,
  anonymous_id TEXT NOT NULL,
  user_id      TEXT,
  timestamp    INTEGER NOT NULL,
  received_at  INTEGER NOT NULL,
  verified     INTEGER NOT NULL,
  properties   TEXT NOT NULL,
  traits       TEXT,
  context      TEXT,
  payload_hash TEXT NOT NULL,
  PRIMARY KEY (project_id, message_id)
) WITHOUT ROWID;
CREATE INDEX events_by_name_time ON events (project_id, name, timestamp);
CREATE INDEX events_by_user_time ON events (project_id, user_id, timestamp);
CREATE INDEX events_by_anonymous ON events (project_id, anonymous_id, user_id);
CREATE TABLE identities (
  project_id   TEXT NOT NULL,
  anonymous_id TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  linked_at    INTEGER NOT NULL,
  PRIMARY KEY (project_id, anonymous_id)
) WITHOUT ROWID;
CREATE INDEX identities_by_user ON identities (project_id, user_id);
CREATE TABLE users (
  project_id TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  traits     TEXT NOT NULL DEFAULT '{}',
  traits_at  INTEGER NOT NULL DEFAULT 0,
  first_seen INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL,
  PRIMARY KEY (project_id, user_id)
) WITHOUT ROWID;
