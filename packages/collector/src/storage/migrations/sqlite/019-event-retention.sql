-- migration: event-retention
-- Raw events past a project's retention period are deleted (storage/expiry/), while the KPI
-- rollups built from them are kept: such a delete must not name its subjects dirty, or the next
-- fold would recompute their rollup rows from what is left and forget the expired history. The
-- expiry transaction puts a row in `kpi_expiring` first and removes it before committing; every
-- write shares one connection, so no other delete ever sees the row.
CREATE TABLE kpi_expiring (active INTEGER NOT NULL);
DROP TRIGGER events_kpi_deleted;
CREATE TRIGGER events_kpi_deleted AFTER DELETE ON events WHEN NOT EXISTS (SELECT 1 FROM kpi_expiring) BEGIN
  INSERT OR IGNORE INTO kpi_dirty_subjects VALUES (OLD.project_id, CASE WHEN OLD.user_id IS NULL THEN 'a:' || OLD.anonymous_id ELSE 'u:' || OLD.user_id END);
END;
