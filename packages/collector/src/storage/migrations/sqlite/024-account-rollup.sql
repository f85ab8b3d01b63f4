-- migration: account-rollup
-- Rollup behind the account KPIs (docs/kpis.md, "Queries and indexes"): one row per (project, UTC
-- day, account) with the first and last time (epoch ms) and the count of the events attributed to
-- the account that day. The activity rollup's queue fold fills it from the same chunk of
-- `kpi_event_queue` (storage/kpi/rollup-fold.ts). A deleted or updated event with an account names
-- that account in `kpi_dirty_accounts`, to be recomputed from `events` once the queue is empty
-- (an updated event is queued again, so it was added twice meanwhile); an update naming a new
-- account names that one too. Deletes by raw-event expiry are left out, as for the activity
-- rollup (migration 019): the account rollup keeps the days it already counted. Events already
-- stored are rolled up here, except those still queued, which the next fold adds.
CREATE TABLE kpi_account_days (
  project_id TEXT NOT NULL,
  day        INTEGER NOT NULL,
  account_id TEXT NOT NULL,
  first_at   INTEGER NOT NULL,
  last_at    INTEGER NOT NULL,
  events     INTEGER NOT NULL,
  PRIMARY KEY (project_id, day, account_id)
) WITHOUT ROWID;
-- A dirty account's rows, to drop them before the rebuild.
CREATE INDEX kpi_account_days_by_account ON kpi_account_days (project_id, account_id, day);
CREATE TABLE kpi_dirty_accounts (project_id TEXT NOT NULL, account_id TEXT NOT NULL, PRIMARY KEY (project_id, account_id)) WITHOUT ROWID;
CREATE TRIGGER events_kpi_account_updated AFTER UPDATE OF user_id, anonymous_id, timestamp, account_id ON events
WHEN OLD.account_id IS NOT NULL OR NEW.account_id IS NOT NULL BEGIN
  INSERT OR IGNORE INTO kpi_dirty_accounts SELECT OLD.project_id, OLD.account_id WHERE OLD.account_id IS NOT NULL;
  INSERT OR IGNORE INTO kpi_dirty_accounts SELECT NEW.project_id, NEW.account_id WHERE NEW.account_id IS NOT NULL;
END;
CREATE TRIGGER events_kpi_account_deleted AFTER DELETE ON events
WHEN OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM kpi_expiring) BEGIN
  INSERT OR IGNORE INTO kpi_dirty_accounts VALUES (OLD.project_id, OLD.account_id);
END;
INSERT INTO kpi_account_days
SELECT e.project_id, ((e.timestamp - ((e.timestamp % 86400000) + 86400000) % 86400000) / 86400000), e.account_id, MIN(e.timestamp), MAX(e.timestamp), COUNT(*)
FROM events e
WHERE e.account_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM kpi_event_queue q WHERE q.project_id = e.project_id AND q.message_id = e.message_id)
GROUP BY 1, 2, 3;
