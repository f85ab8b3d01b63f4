-- migration: events, users, identities
CREATE TABLE events (
  project_id   text NOT NULL,
  message_id   text NOT NULL,
  type         text NOT NULL,
  name         text,
  anonymous_id text NOT NULL,
  user_id      text,
  timestamp    timestamptz NOT NULL,
  received_at  timestamptz NOT NULL,
  verified     boolean NOT NULL,
  properties   jsonb NOT NULL,
  traits       jsonb,
  context      jsonb,
  payload_hash text NOT NULL,
  PRIMARY KEY (project_id, message_id)
);
CREATE INDEX events_by_name_time ON events (project_id, name, timestamp);
CREATE INDEX events_by_user_time ON events (project_id, user_id, timestamp);
CREATE INDEX events_by_anonymous ON events (project_id, anonymous_id, user_id);
CREATE TABLE identities (
  project_id   text NOT NULL,
  anonymous_id text NOT NULL,
  user_id      text NOT NULL,
  linked_at    timestamptz NOT NULL,
  PRIMARY KEY (project_id, anonymous_id)
);
CREATE INDEX identities_by_user ON identities (project_id, user_id);
CREATE TABLE users (
  project_id text NOT NULL,
  user_id    text NOT NULL,
  traits     jsonb NOT NULL DEFAULT '{}',
  traits_at  timestamptz NOT NULL DEFAULT 'epoch',
  first_seen timestamptz NOT NULL,
  last_seen  timestamptz NOT NULL,
  PRIMARY KEY (project_id, user_id)
);
