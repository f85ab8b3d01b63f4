-- migration: trusted-traits
-- Traits the host's backend set with its secret key (`PUT /v1/server/users/{id}/traits`), kept
-- apart from `users.traits`, which browsers write with `identify`: rewards audiences read only these.
CREATE TABLE trusted_traits (
  project_id text NOT NULL,
  user_id    text NOT NULL,
  traits     jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, user_id)
);
