import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import { epochMs } from '../sql/dialect.js';
import { postgresTransaction } from '../sql/postgres-gate.js';
import { postgresRunner } from '../sql/postgres-runner.js';
import type { Dialect, SqlRunner } from '../sql/runner.js';
import { sqliteRunner } from '../sql/sqlite-runner.js';
import { runAsync, runSync, type TxLogic } from '../sql/transaction.js';
import { createFoldChunk, fillFoldChunk, FOLD_CHUNK } from './fold-chunk.js';
import { dayOfSql, subjectSql } from './rollup-sql.js';

/*
 * Brings `kpi_activity_days` (migration 009) and `kpi_activity_subjects` (migration 026) up to
 * date, a bounded chunk at a time: up to `limit` queued events are added to their (day, subject)
 * and subject rows and leave the queue; then, once the queue is empty, subjects named dirty (an
 * event of theirs was deleted or re-attributed) get all their rows recomputed from `events`, which
 * also overrides anything the queue added for them. Dirty subjects
 * wait for an empty queue because an updated event is queued again beside its dirty mark: rebuilt
 * first, it would then be added a second time by a later chunk. A fold answers whether it left
 * nothing pending (`drained`). The two dialects differ in how folds stay consistent with
 * concurrent writers, so each has its own folder below; `rollup-keeper.ts` schedules them.
 * Other rollups fold as `FoldStep`s of the same transaction, from the same chunk and dirty subjects.
 */

/** Folds up to `limit` queued events (and, when that empties the queue, the dirty subjects); true when nothing is left. */
export type RollupFold = (limit: number) => Promise<boolean>;

/** Rows a statement reads from, with the parameters it binds first ($1…). */
export interface Relation {
  sql: string;
  params: unknown[];
}

/**
 * A rollup folded beside the activity rollup, in its transaction, written once for both dialects.
 * A step must tolerate an event folded again after a rebuild of its subject (see above).
 */
export interface FoldStep {
  /** An SQL condition, true while the step has work of its own (`rest`). */
  readonly pendingSql: string;
  /** Work asked for in memory since the last fold. */
  requested(): boolean;
  /** Folds a chunk's events: `chunk` names their rows `e`, each event once (see fold-chunk.ts). */
  queued(sql: SqlRunner, chunk: Relation): TxLogic<void>;
  /** Recomputes from `events` the subjects `subjects` names `ds(project_id, subject)`. */
  dirty(sql: SqlRunner, subjects: Relation): TxLogic<void>;
  /** Once the queue and dirty subjects are empty: a bounded part of its own work; true when none is left. */
  rest(sql: SqlRunner, limit: number): TxLogic<boolean>;
}

const pendingSql = (steps: readonly FoldStep[]) =>
  `SELECT EXISTS (SELECT 1 FROM kpi_event_queue) OR EXISTS (SELECT 1 FROM kpi_dirty_subjects)${steps
    .map((step) => ` OR ${step.pendingSql}`)
    .join('')} AS pending`;

/** Runs every step's part, each to its end: true when all of them are done. */
function* allSteps(steps: readonly FoldStep[], part: (step: FoldStep) => TxLogic<boolean | void>): TxLogic<boolean> {
  let done = true;
  for (const step of steps) done = (yield* part(step)) !== false && done;
  return done;
}

const dayRows = (d: Dialect) => {
  const ms = epochMs(d, 'e.timestamp');
  return `SELECT e.project_id, ${dayOfSql(ms)}, ${subjectSql('e.')}, MIN(${ms}), MAX(${ms}), COUNT(*)`;
};
/** A subject's row recomputed from its day rows (none when it has no event left). */
const SUBJECT_FROM_DAYS = `SELECT project_id, subject, MIN(first_at), MAX(last_at) FROM kpi_activity_days`;

/** The chunk's activity: its events per (day, subject). */
const CHUNK_DAYS = `SELECT project_id, day, subject, MIN(ms), MAX(ms), COUNT(*) FROM ${FOLD_CHUNK}`;

/**
 * SQLite's fold of a queue chunk (`seq <= ?`): its events are read once into the chunk table, then
 * folded from there. It needs the WHERE before ON CONFLICT to parse an upsert from a SELECT.
 */
export const SQLITE_FOLD_QUEUE = {
  chunk: fillFoldChunk('sqlite', '(SELECT DISTINCT project_id, message_id FROM kpi_event_queue WHERE seq <= ?) q'),
  days: `
    INSERT INTO kpi_activity_days (project_id, day, subject, first_at, last_at, events)
    ${CHUNK_DAYS} WHERE true GROUP BY 1, 2, 3
    ON CONFLICT (project_id, day, subject) DO UPDATE SET
      first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at), events = events + excluded.events`,
  subjects: `
    INSERT INTO kpi_activity_subjects (project_id, subject, first_at, last_at)
    SELECT project_id, subject, MIN(ms), MAX(ms) FROM ${FOLD_CHUNK} WHERE true GROUP BY 1, 2
    ON CONFLICT (project_id, subject) DO UPDATE SET first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)`,
};

/**
 * SQLite: one transaction on the writer's connection, a savepoint when the group committer's
 * transaction is open there, so a rollback there undoes the fold too.
 */
export function sqliteRollupFolder(db: Database, steps: readonly FoldStep[] = []): RollupFold {
  const sql = sqliteRunner(db);
  db.exec(createFoldChunk('sqlite'));
  const pending = db.prepare<[], number>(pendingSql(steps)).pluck();
  // The last seq of the next chunk: the queue is a rowid table appended at its right edge.
  const chunkEnd = db
    .prepare<[number], number | null>('SELECT max(seq) FROM (SELECT seq FROM kpi_event_queue ORDER BY seq LIMIT ?)')
    .pluck();
  const queued = db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM kpi_event_queue)').pluck();
  const fillChunk = db.prepare(SQLITE_FOLD_QUEUE.chunk);
  const foldQueue = db.prepare(SQLITE_FOLD_QUEUE.days);
  const foldSubjects = db.prepare(SQLITE_FOLD_QUEUE.subjects);
  const clearChunk = db.prepare('DELETE FROM kpi_fold_chunk');
  const clearQueue = db.prepare('DELETE FROM kpi_event_queue WHERE seq <= ?');
  const dirty = db.prepare<[], { project_id: string; subject: string }>('SELECT project_id, subject FROM kpi_dirty_subjects');
  const dropSubjectDays = db.prepare('DELETE FROM kpi_activity_days WHERE project_id = ? AND subject = ?');
  const dropSubject = db.prepare('DELETE FROM kpi_activity_subjects WHERE project_id = ? AND subject = ?');
  const rebuildSubject = db.prepare(
    `INSERT INTO kpi_activity_subjects ${SUBJECT_FROM_DAYS} WHERE project_id = ? AND subject = ? GROUP BY 1, 2`,
  );
  const rebuildUser = db.prepare(
    `INSERT INTO kpi_activity_days ${dayRows('sqlite')} FROM events e WHERE e.project_id = ? AND e.user_id = ? GROUP BY 1, 2, 3`,
  );
  const rebuildVisitor = db.prepare(
    `INSERT INTO kpi_activity_days ${dayRows('sqlite')} FROM events e WHERE e.project_id = ? AND e.anonymous_id = ? AND e.user_id IS NULL GROUP BY 1, 2, 3`,
  );
  const clearDirty = db.prepare('DELETE FROM kpi_dirty_subjects');

  const fold = db.transaction((limit: number): boolean => {
    const end = chunkEnd.get(limit);
    if (end !== null && end !== undefined) {
      fillChunk.run(end);
      foldQueue.run();
      foldSubjects.run();
      runSync(allSteps(steps, (step) => step.queued(sql, { sql: FOLD_CHUNK, params: [] })));
      clearChunk.run();
      clearQueue.run(end);
    }
    if (queued.get()) return false;
    const subjects = dirty.all();
    for (const { project_id: projectId, subject } of subjects) {
      dropSubjectDays.run(projectId, subject);
      dropSubject.run(projectId, subject);
      (subject.startsWith('u:') ? rebuildUser : rebuildVisitor).run(projectId, subject.slice(2));
      rebuildSubject.run(projectId, subject);
    }
    if (subjects.length > 0) runSync(allSteps(steps, (step) => step.dirty(sql, { sql: 'kpi_dirty_subjects ds', params: [] })));
    clearDirty.run();
    return runSync(allSteps(steps, (step) => step.rest(sql, limit)));
  });
  return (limit) => Promise.resolve(pending.get() || steps.some((step) => step.requested()) ? fold(limit) : true);
}

// $1: the chunk's size. The queue has no key; a row's ctid names it within the fold's snapshot.
// One statement takes the chunk, reads its events into the chunk table and folds their day rows
// into both activity rollups (a data-modifying WITH runs whether it is read or not); it answers
// how many events the fold steps then read from the chunk table.
const FOLD_QUEUE = `
  WITH taken AS (
    DELETE FROM kpi_event_queue WHERE ctid IN (SELECT ctid FROM kpi_event_queue LIMIT $1) RETURNING project_id, message_id
  ),
  keys AS (SELECT DISTINCT project_id, message_id FROM taken),
  chunk_events AS (${fillFoldChunk('postgres', 'keys q')} RETURNING project_id, day, subject, ms),
  chunk (project_id, day, subject, first_at, last_at, events) AS (
    SELECT project_id, day, subject, MIN(ms), MAX(ms), COUNT(*) FROM chunk_events GROUP BY 1, 2, 3
  ),
  days AS (
    INSERT INTO kpi_activity_days AS k SELECT * FROM chunk
    ON CONFLICT (project_id, day, subject) DO UPDATE SET
      first_at = LEAST(k.first_at, excluded.first_at), last_at = GREATEST(k.last_at, excluded.last_at), events = k.events + excluded.events
  ),
  subjects AS (
    INSERT INTO kpi_activity_subjects AS s SELECT project_id, subject, MIN(first_at), MAX(last_at) FROM chunk GROUP BY 1, 2
    ON CONFLICT (project_id, subject) DO UPDATE SET first_at = LEAST(s.first_at, excluded.first_at), last_at = GREATEST(s.last_at, excluded.last_at)
  )
  SELECT COUNT(*) AS events FROM chunk_events`;

// $1 project ids, $2 subjects (one pair per dirty subject).
const DIRTY = 'unnest($1::text[], $2::text[]) AS d(project_id, subject)';
const DROP_DIRTY = ['kpi_activity_days', 'kpi_activity_subjects'].map(
  (table) => `DELETE FROM ${table} k USING ${DIRTY} WHERE k.project_id = d.project_id AND k.subject = d.subject`,
);
const REBUILD_DIRTY = `
  INSERT INTO kpi_activity_days ${dayRows('postgres')} FROM ${DIRTY}
  JOIN events e ON e.project_id = d.project_id AND e.user_id = substr(d.subject, 3) WHERE substr(d.subject, 1, 2) = 'u:' GROUP BY 1, 2, 3
  UNION ALL
  ${dayRows('postgres')} FROM ${DIRTY}
  JOIN events e ON e.project_id = d.project_id AND e.anonymous_id = substr(d.subject, 3) AND e.user_id IS NULL
  WHERE substr(d.subject, 1, 2) = 'a:' GROUP BY 1, 2, 3`;
const REBUILD_DIRTY_SUBJECTS = `
  INSERT INTO kpi_activity_subjects ${SUBJECT_FROM_DAYS} k
  WHERE (k.project_id, k.subject) IN (SELECT project_id, subject FROM ${DIRTY}) GROUP BY 1, 2`;

/**
 * PostgreSQL: folds serialize on a table lock taken before the REPEATABLE READ snapshot, so each
 * one sees what the previous committed, and each takes its queue and dirty rows by deleting them.
 * Queue and dirty rows of transactions still in flight are invisible to the snapshot, as are their
 * events, so they are left for the next fold.
 */
export function postgresRollupFolder(pool: pg.Pool, steps: readonly FoldStep[] = []): RollupFold {
  const pending = pendingSql(steps);
  return async (limit) => {
    const { rows } = await pool.query<{ pending: boolean }>(pending);
    if (!rows[0]?.pending && !steps.some((step) => step.requested())) return true;
    return postgresTransaction(
      pool,
      async (client) => {
        const sql = postgresRunner(client);
        // Conflicts only with itself and stronger modes: KPI reads (ACCESS SHARE) go on.
        await client.query('LOCK TABLE kpi_activity_days IN SHARE ROW EXCLUSIVE MODE');
        await client.query(createFoldChunk('postgres'));
        const taken = await client.query<{ events: string }>(FOLD_QUEUE, [limit]);
        if (Number(taken.rows[0]?.events) > 0) await runAsync(allSteps(steps, (step) => step.queued(sql, { sql: FOLD_CHUNK, params: [] })));
        const left = await client.query<{ queued: boolean }>('SELECT EXISTS (SELECT 1 FROM kpi_event_queue) AS queued');
        if (left.rows[0]?.queued) return false;
        const dirty = await client.query<{ project_id: string; subject: string }>(
          'WITH d AS (DELETE FROM kpi_dirty_subjects RETURNING project_id, subject) SELECT DISTINCT project_id, subject FROM d',
        );
        if (dirty.rows.length > 0) {
          const params = [dirty.rows.map((r) => r.project_id), dirty.rows.map((r) => r.subject)];
          for (const drop of DROP_DIRTY) await client.query(drop, params);
          await client.query(REBUILD_DIRTY, params);
          await client.query(REBUILD_DIRTY_SUBJECTS, params);
          const subjects = { sql: 'unnest($1::text[], $2::text[]) AS ds(project_id, subject)', params };
          await runAsync(allSteps(steps, (step) => step.dirty(sql, subjects)));
        }
        return runAsync(allSteps(steps, (step) => step.rest(sql, limit)));
      },
      { begin: 'BEGIN ISOLATION LEVEL REPEATABLE READ' },
    );
  };
}
