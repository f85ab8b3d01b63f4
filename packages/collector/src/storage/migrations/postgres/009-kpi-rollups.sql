-- migration: kpi-rollups
-- Rollup behind the retention KPIs (docs/kpis.md, "Queries and indexes"): one row per (project, UTC day,
-- subject) with the first and last event time (epoch ms) and the event count, folded in at query
-- time (kpi/rollup-fold.ts), not on the write path. Statement-level triggers copy an insert's
-- keys to `kpi_event_queue` in one INSERT … SELECT per statement, and name the subjects that
-- deleted or re-attributed events counted for in `kpi_dirty_subjects`. Neither queue has a key:
-- a fold deletes exactly the rows its snapshot sees, so rows committed meanwhile wait for the
-- next fold instead of being lost to a conflict. Events stored before this migration are rolled
-- up here, once.
CREATE TABLE kpi_activity_days (
  project_id text NOT NULL,
  day        integer NOT NULL,
  subject    text NOT NULL,
  first_at   bigint NOT NULL,
  last_at    bigint NOT NULL,
  events     integer NOT NULL,
  PRIMARY KEY (project_id, day, subject)
);
CREATE INDEX kpi_activity_days_by_subject ON kpi_activity_days (project_id, subject, day, first_at, last_at);
CREATE INDEX kpi_activity_days_visitors ON kpi_activity_days (project_id, subject, first_at) WHERE substr(subject, 1, 2) = 'a:';
CREATE TABLE kpi_event_queue (project_id text NOT NULL, message_id text NOT NULL);
CREATE TABLE kpi_dirty_subjects (project_id text NOT NULL, subject text NOT NULL);
CREATE FUNCTION kpi_events_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_event_queue SELECT project_id, message_id FROM new_events;
  RETURN NULL;
END $$;
CREATE FUNCTION kpi_events_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_dirty_subjects SELECT DISTINCT project_id, CASE WHEN user_id IS NULL THEN 'a:' || anonymous_id ELSE 'u:' || user_id END FROM old_events;
  INSERT INTO kpi_event_queue SELECT project_id, message_id FROM new_events;
  RETURN NULL;
END $$;
CREATE FUNCTION kpi_events_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_dirty_subjects SELECT DISTINCT project_id, CASE WHEN user_id IS NULL THEN 'a:' || anonymous_id ELSE 'u:' || user_id END FROM old_events;
  RETURN NULL;
END $$;
CREATE TRIGGER events_kpi_inserted AFTER INSERT ON events
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION kpi_events_inserted();
CREATE TRIGGER events_kpi_updated AFTER UPDATE ON events
  REFERENCING OLD TABLE AS old_events NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION kpi_events_updated();
CREATE TRIGGER events_kpi_deleted AFTER DELETE ON events
  REFERENCING OLD TABLE AS old_events FOR EACH STATEMENT EXECUTE FUNCTION kpi_events_deleted();
INSERT INTO kpi_activity_days
SELECT project_id, (((extract(epoch from timestamp) * 1000)::bigint - (((extract(epoch from timestamp) * 1000)::bigint % 86400000) + 86400000) % 86400000) / 86400000), CASE WHEN user_id IS NULL THEN 'a:' || anonymous_id ELSE 'u:' || user_id END, MIN((extract(epoch from timestamp) * 1000)::bigint), MAX((extract(epoch from timestamp) * 1000)::bigint), COUNT(*)
FROM events GROUP BY 1, 2, 3;
