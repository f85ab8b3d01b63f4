-- migration: account-rollup
-- Rollup behind the account KPIs (docs/kpis.md, "Queries and indexes"): one row per (project, UTC
-- day, account) with the first and last time (epoch ms) and the count of the events attributed to
-- the account that day. The activity rollup's queue fold fills it from the same chunk of
-- `kpi_event_queue` (storage/kpi/rollup-fold.ts). Statement-level triggers name the accounts of
-- deleted or updated events in `kpi_dirty_accounts` (no key, like `kpi_dirty_subjects`), to be
-- recomputed from `events` once the queue is empty (an updated event is queued again, so it was
-- added twice meanwhile); an update naming a new account names that one too. Deletes by raw-event
-- expiry are left out, as for the activity rollup (migration 019): the account rollup keeps the
-- days it already counted. Events already stored are rolled up here, except those still queued,
-- which the next fold adds.
CREATE TABLE kpi_account_days (
  project_id text NOT NULL,
  day        integer NOT NULL,
  account_id text NOT NULL,
  first_at   bigint NOT NULL,
  last_at    bigint NOT NULL,
  events     integer NOT NULL,
  PRIMARY KEY (project_id, day, account_id)
);
-- A dirty account's rows, to drop them before the rebuild.
CREATE INDEX kpi_account_days_by_account ON kpi_account_days (project_id, account_id, day);
CREATE TABLE kpi_dirty_accounts (project_id text NOT NULL, account_id text NOT NULL);
CREATE FUNCTION kpi_account_events_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_dirty_accounts
  SELECT project_id, account_id FROM old_events WHERE account_id IS NOT NULL
  UNION SELECT project_id, account_id FROM new_events WHERE account_id IS NOT NULL;
  RETURN NULL;
END $$;
CREATE FUNCTION kpi_account_events_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('hearth.expiring', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO kpi_dirty_accounts SELECT DISTINCT project_id, account_id FROM old_events WHERE account_id IS NOT NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER events_kpi_account_updated AFTER UPDATE ON events
  REFERENCING OLD TABLE AS old_events NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION kpi_account_events_updated();
CREATE TRIGGER events_kpi_account_deleted AFTER DELETE ON events
  REFERENCING OLD TABLE AS old_events FOR EACH STATEMENT EXECUTE FUNCTION kpi_account_events_deleted();
INSERT INTO kpi_account_days
SELECT e.project_id, (((extract(epoch from e.timestamp) * 1000)::bigint - (((extract(epoch from e.timestamp) * 1000)::bigint % 86400000) + 86400000) % 86400000) / 86400000), e.account_id,
  MIN((extract(epoch from e.timestamp) * 1000)::bigint), MAX((extract(epoch from e.timestamp) * 1000)::bigint), COUNT(*)
FROM events e
WHERE e.account_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM kpi_event_queue q WHERE q.project_id = e.project_id AND q.message_id = e.message_id)
GROUP BY 1, 2, 3;
