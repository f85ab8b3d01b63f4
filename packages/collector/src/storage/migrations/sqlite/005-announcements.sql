-- migration: announcements
-- Announcements. `source` is the admin's validated input, `texts` the compiled,
-- allowlisted content per locale (what is served); `status` and `publish_at` are copied out for
-- listing. Per-user read state is not a table: it is derived from the user's events.
CREATE TABLE announcements (
  project_id      TEXT NOT NULL,
  announcement_id TEXT NOT NULL,
  status          TEXT NOT NULL,
  publish_at      INTEGER,
  version         INTEGER NOT NULL,
  source          TEXT NOT NULL,
  texts           TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  PRIMARY KEY (project_id, announcement_id)
) WITHOUT ROWID;
