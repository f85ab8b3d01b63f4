import type { Database } from 'better-sqlite3';
import { dayOfSql, subjectSql } from '../kpi/rollup-sql.js';

const DAY_ROWS = `SELECT e.project_id, ${dayOfSql('e.timestamp')}, ${subjectSql('e.')}, MIN(e.timestamp), MAX(e.timestamp), COUNT(*)`;

/**
 * Brings `kpi_activity_days` (migration 009) up to date; every retention KPI calls it before its
 * query. Queued events are added to their (day, subject) rows, then subjects named dirty (an event
 * of theirs was deleted or re-attributed) get all their rows recomputed from `events`, which also
 * overrides anything the first step added for them. One transaction: a savepoint when the group
 * committer's transaction is open on this connection, so a rollback there undoes the fold too.
 */
export function sqliteRollupFolder(db: Database): () => void {
  const pending = db
    .prepare<[], { n: number }>('SELECT EXISTS (SELECT 1 FROM kpi_event_queue) OR EXISTS (SELECT 1 FROM kpi_dirty_subjects) AS n')
    .pluck();
  // SQLite needs the WHERE before ON CONFLICT to parse an upsert from a join.
  const foldQueue = db.prepare(`
    INSERT INTO kpi_activity_days (project_id, day, subject, first_at, last_at, events)
    ${DAY_ROWS}
    FROM (SELECT DISTINCT project_id, message_id FROM kpi_event_queue) q
    JOIN events e ON e.project_id = q.project_id AND e.message_id = q.message_id
    WHERE true GROUP BY 1, 2, 3
    ON CONFLICT (project_id, day, subject) DO UPDATE SET
      first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at), events = events + excluded.events`);
  const clearQueue = db.prepare('DELETE FROM kpi_event_queue');
  const dirty = db.prepare<[], { project_id: string; subject: string }>('SELECT project_id, subject FROM kpi_dirty_subjects');
  const dropSubject = db.prepare('DELETE FROM kpi_activity_days WHERE project_id = ? AND subject = ?');
  const rebuildUser = db.prepare(`INSERT INTO kpi_activity_days ${DAY_ROWS} FROM events e WHERE e.project_id = ? AND e.user_id = ? GROUP BY 1, 2, 3`);
  const rebuildVisitor = db.prepare(
    `INSERT INTO kpi_activity_days ${DAY_ROWS} FROM events e WHERE e.project_id = ? AND e.anonymous_id = ? AND e.user_id IS NULL GROUP BY 1, 2, 3`,
  );
  const clearDirty = db.prepare('DELETE FROM kpi_dirty_subjects');

  const fold = db.transaction(() => {
    foldQueue.run();
    clearQueue.run();
    for (const { project_id: projectId, subject } of dirty.all()) {
      dropSubject.run(projectId, subject);
      (subject.startsWith('u:') ? rebuildUser : rebuildVisitor).run(projectId, subject.slice(2));
    }
    clearDirty.run();
  });
  return () => {
    if (pending.get()) fold();
  };
}
