-- migration: event-retention
-- Raw events past a project's retention period are deleted (storage/expiry/), while the KPI
-- rollups built from them are kept: such a delete must not name its subjects dirty, or the next
-- fold would recompute their rollup rows from what is left and forget the expired history. The
-- expiry transaction sets `hearth.expiring` for itself only (set_config(…, true)).
CREATE OR REPLACE FUNCTION kpi_events_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('hearth.expiring', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO kpi_dirty_subjects SELECT DISTINCT project_id, CASE WHEN user_id IS NULL THEN 'a:' || anonymous_id ELSE 'u:' || user_id END FROM old_events;
  RETURN NULL;
END $$;
