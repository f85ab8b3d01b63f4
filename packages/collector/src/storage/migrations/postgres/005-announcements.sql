-- migration: announcements
-- Announcements. `source` is the admin's validated input, `texts` the compiled,
-- allowlisted content per locale (what is served); `status` and `publish_at` are copied out for
-- listing. Per-user read state is not a table: it is derived from the user's events.
CREATE TABLE announcements (
  project_id      text NOT NULL,
  announcement_id text NOT NULL,
  status          text NOT NULL,
  publish_at      timestamptz,
  version         integer NOT NULL,
  source          jsonb NOT NULL,
  texts           jsonb NOT NULL,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (project_id, announcement_id)
);
