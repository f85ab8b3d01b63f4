import { epochMs } from '../sql/dialect.js';
import type { Dialect } from '../sql/runner.js';
import { dayOfSql, subjectSql } from './rollup-sql.js';

/*
 * One fold chunk's events, read once from `events` and handed to every rollup the queue feeds
 * (the activity rollups here, the account rollup in storage/accounts/account-rollup-fold.ts): each
 * rollup's step is an `INSERT … SELECT … FROM kpi_fold_chunk`, written once for both dialects.
 * SQLite holds the chunk in a temporary table of the writer's connection, emptied after each
 * fold; PostgreSQL in a materialized CTE of the one statement that takes the chunk off the queue.
 */

/** The chunk's relation: (project_id, t epoch ms, subject, account_id), one row per queued event. */
export const FOLD_CHUNK = 'kpi_fold_chunk';

/** The chunk's columns from events `e`, in the order of `FOLD_CHUNK`. */
export const chunkColumns = (d: Dialect) => `e.project_id, ${epochMs(d, 'e.timestamp')} AS t, ${subjectSql('e.')} AS subject, e.account_id`;

/** SQLite's chunk table (temporary: on the connection only, never in the database file). */
export const SQLITE_CHUNK_TABLE = `CREATE TEMP TABLE IF NOT EXISTS ${FOLD_CHUNK} (project_id TEXT, t INTEGER, subject TEXT, account_id TEXT)`;

/** Adds the chunk's events to their (day, subject) rows of `kpi_activity_days`. */
export const FOLD_ACTIVITY_CHUNK = `
  INSERT INTO kpi_activity_days (project_id, day, subject, first_at, last_at, events)
  SELECT project_id, ${dayOfSql('t')}, subject, MIN(t), MAX(t), COUNT(*) FROM ${FOLD_CHUNK}
  WHERE true GROUP BY 1, 2, 3
  ON CONFLICT (project_id, day, subject) DO UPDATE SET
    first_at = CASE WHEN excluded.first_at < kpi_activity_days.first_at THEN excluded.first_at ELSE kpi_activity_days.first_at END,
    last_at = CASE WHEN excluded.last_at > kpi_activity_days.last_at THEN excluded.last_at ELSE kpi_activity_days.last_at END,
    events = kpi_activity_days.events + excluded.events`;

/** Adds the chunk's events to their subjects' rows of `kpi_activity_subjects` (first and last event ever). */
export const FOLD_SUBJECTS_CHUNK = `
  INSERT INTO kpi_activity_subjects (project_id, subject, first_at, last_at)
  SELECT project_id, subject, MIN(t), MAX(t) FROM ${FOLD_CHUNK}
  WHERE true GROUP BY 1, 2
  ON CONFLICT (project_id, subject) DO UPDATE SET
    first_at = CASE WHEN excluded.first_at < kpi_activity_subjects.first_at THEN excluded.first_at ELSE kpi_activity_subjects.first_at END,
    last_at = CASE WHEN excluded.last_at > kpi_activity_subjects.last_at THEN excluded.last_at ELSE kpi_activity_subjects.last_at END`;
