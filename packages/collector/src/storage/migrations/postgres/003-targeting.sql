-- migration: targeting facts
-- Targeting reads one user's events by name (counts, first matching event, display history), so
-- they get an index led by the user. `previous_seen` is the last activity of the visit before the
-- latest one (see domain/visit.ts), kept at write time so "inactive ≥ N days" costs no scan.
CREATE INDEX events_by_user_name_time ON events (project_id, user_id, name, timestamp);
ALTER TABLE users ADD COLUMN previous_seen timestamptz;
