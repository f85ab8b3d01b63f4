import type pg from 'pg';
import { dayOfSql, subjectSql } from '../kpi/rollup-sql.js';

const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::bigint`;
const DAY_ROWS = `SELECT e.project_id, ${dayOfSql(ms('e.timestamp'))}, ${subjectSql('e.')}, MIN(${ms('e.timestamp')}), MAX(${ms('e.timestamp')}), COUNT(*)`;

const FOLD_QUEUE = `
  WITH taken AS (DELETE FROM kpi_event_queue RETURNING project_id, message_id)
  INSERT INTO kpi_activity_days AS k (project_id, day, subject, first_at, last_at, events)
  ${DAY_ROWS}
  FROM (SELECT DISTINCT project_id, message_id FROM taken) q
  JOIN events e ON e.project_id = q.project_id AND e.message_id = q.message_id
  GROUP BY 1, 2, 3
  ON CONFLICT (project_id, day, subject) DO UPDATE SET
    first_at = LEAST(k.first_at, excluded.first_at), last_at = GREATEST(k.last_at, excluded.last_at), events = k.events + excluded.events`;

// $1 project ids, $2 subjects (one pair per dirty subject).
const DIRTY = 'unnest($1::text[], $2::text[]) AS d(project_id, subject)';
const DROP_DIRTY = `DELETE FROM kpi_activity_days k USING ${DIRTY} WHERE k.project_id = d.project_id AND k.subject = d.subject`;
const REBUILD_DIRTY = `
  INSERT INTO kpi_activity_days ${DAY_ROWS} FROM ${DIRTY}
  JOIN events e ON e.project_id = d.project_id AND e.user_id = substr(d.subject, 3) WHERE substr(d.subject, 1, 2) = 'u:' GROUP BY 1, 2, 3
  UNION ALL
  ${DAY_ROWS} FROM ${DIRTY}
  JOIN events e ON e.project_id = d.project_id AND e.anonymous_id = substr(d.subject, 3) AND e.user_id IS NULL
  WHERE substr(d.subject, 1, 2) = 'a:' GROUP BY 1, 2, 3`;

/**
 * Brings `kpi_activity_days` (migration 009) up to date; every retention KPI awaits it before its
 * query. Folds serialize on a table lock taken before the REPEATABLE READ snapshot, so each one
 * sees what the previous committed. In that one snapshot: queued events are added to their
 * (day, subject) rows and their queue rows deleted; then subjects named dirty (an event of theirs
 * was deleted or re-attributed) get all their rows recomputed from `events`, which also overrides
 * what the first step added for them. Queue and dirty rows of transactions still in flight are
 * invisible to the snapshot, as are their events, so they are left for the next fold.
 */
export function postgresRollupFolder(pool: pg.Pool): () => Promise<void> {
  return async () => {
    const { rows } = await pool.query<{ pending: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM kpi_event_queue) OR EXISTS (SELECT 1 FROM kpi_dirty_subjects) AS pending',
    );
    if (!rows[0]?.pending) return;
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      // Conflicts only with itself and stronger modes: KPI reads (ACCESS SHARE) go on.
      await client.query('LOCK TABLE kpi_activity_days IN SHARE ROW EXCLUSIVE MODE');
      await client.query(FOLD_QUEUE);
      const dirty = await client.query<{ project_id: string; subject: string }>(
        'WITH d AS (DELETE FROM kpi_dirty_subjects RETURNING project_id, subject) SELECT DISTINCT project_id, subject FROM d',
      );
      if (dirty.rows.length > 0) {
        const params = [dirty.rows.map((r) => r.project_id), dirty.rows.map((r) => r.subject)];
        await client.query(DROP_DIRTY, params);
        await client.query(REBUILD_DIRTY, params);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
}
