-- migration: kpi-rollups
-- Rollup behind the retention KPIs (docs/kpis.md, "Queries and indexes"): one row per (project,
-- UTC day, subject) with the first and last event time and the event count, folded in at query
-- time (kpi/rollup-fold.ts), not on the write path. The event insert appends the new event's
-- key to `kpi_event_queue` (a rowid table: an append at its right edge; sqlite-write-ops.ts, as an
-- AFTER INSERT trigger on `events` measured +15 µs per row); triggers on the rare updates and
-- deletes of events name the subject a re-attributed or deleted event counted for in
-- `kpi_dirty_subjects`, to be recomputed from `events`, and re-queue an updated event. Events
-- stored before this migration are rolled up here, once.
CREATE TABLE kpi_activity_days (
  project_id TEXT NOT NULL,
  day        INTEGER NOT NULL,
  subject    TEXT NOT NULL,
  first_at   INTEGER NOT NULL,
  last_at    INTEGER NOT NULL,
  events     INTEGER NOT NULL,
  PRIMARY KEY (project_id, day, subject)
) WITHOUT ROWID;
CREATE INDEX kpi_activity_days_by_subject ON kpi_activity_days (project_id, subject, day, first_at, last_at);
CREATE INDEX kpi_activity_days_visitors ON kpi_activity_days (project_id, subject, first_at) WHERE substr(subject, 1, 2) = 'a:';
CREATE TABLE kpi_event_queue (seq INTEGER PRIMARY KEY, project_id TEXT NOT NULL, message_id TEXT NOT NULL);
CREATE TABLE kpi_dirty_subjects (project_id TEXT NOT NULL, subject TEXT NOT NULL, PRIMARY KEY (project_id, subject)) WITHOUT ROWID;
CREATE TRIGGER events_kpi_updated AFTER UPDATE OF user_id, anonymous_id, timestamp ON events BEGIN
  INSERT OR IGNORE INTO kpi_dirty_subjects VALUES (OLD.project_id, CASE WHEN OLD.user_id IS NULL THEN 'a:' || OLD.anonymous_id ELSE 'u:' || OLD.user_id END);
  INSERT INTO kpi_event_queue (project_id, message_id) VALUES (NEW.project_id, NEW.message_id);
END;
CREATE TRIGGER events_kpi_deleted AFTER DELETE ON events BEGIN
  INSERT OR IGNORE INTO kpi_dirty_subjects VALUES (OLD.project_id, CASE WHEN OLD.user_id IS NULL THEN 'a:' || OLD.anonymous_id ELSE 'u:' || OLD.user_id END);
END;
INSERT INTO kpi_activity_days
SELECT project_id, ((timestamp - ((timestamp % 86400000) + 86400000) % 86400000) / 86400000), CASE WHEN user_id IS NULL THEN 'a:' || anonymous_id ELSE 'u:' || user_id END, MIN(timestamp), MAX(timestamp), COUNT(*)
FROM events GROUP BY 1, 2, 3;
