import { epochMs } from '../sql/dialect.js';
import type { Dialect, SqlRunner } from '../sql/runner.js';
import { ask, type TxLogic } from '../sql/transaction.js';
import type { FoldStep, Relation } from '../kpi/rollup-fold.js';
import { dayOfSql } from '../kpi/rollup-sql.js';

/*
 * The account activity rollup's part of the KPI queue fold (`kpi_account_days`, migration 024):
 * per (project, UTC day, account) the first and last time and the count of the events attributed
 * to the account. Written once for both dialects; a `FoldStep` of storage/kpi/rollup-fold.ts, so
 * it runs in the fold's transaction on the chunk the activity rollup folds, and rebuilds the dirty
 * accounts (`kpi_dirty_accounts`) once the queue is empty (see there).
 */

const max = (column: string) =>
  `CASE WHEN excluded.${column} > kpi_account_days.${column} THEN excluded.${column} ELSE kpi_account_days.${column} END`;
const min = (column: string) =>
  `CASE WHEN excluded.${column} < kpi_account_days.${column} THEN excluded.${column} ELSE kpi_account_days.${column} END`;

/** Adds the chunk's event rows (`e`, see kpi/fold-chunk.ts) with an account to their (day, account) rows. */
const foldChunk = (chunk: string) => `
  INSERT INTO kpi_account_days (project_id, day, account_id, first_at, last_at, events)
  SELECT e.project_id, e.day, e.account_id, MIN(e.ms), MAX(e.ms), COUNT(*)
  FROM ${chunk} WHERE e.account_id IS NOT NULL GROUP BY 1, 2, 3
  ON CONFLICT (project_id, day, account_id) DO UPDATE SET
    first_at = ${min('first_at')}, last_at = ${max('last_at')}, events = kpi_account_days.events + excluded.events`;

/** True while some account waits for a rebuild (the rebuild below runs only then). */
export const ACCOUNTS_DIRTY = 'EXISTS (SELECT 1 FROM kpi_dirty_accounts)';

/**
 * Recomputes the dirty accounts' rows from `events`, then clears the marks, in this order in one
 * transaction. On PostgreSQL the fold's REPEATABLE READ snapshot makes the three statements see
 * the same marks; marks committed meanwhile stay for the next fold.
 */
export function rebuildDirtyAccounts(d: Dialect): string[] {
  const ms = epochMs(d, 'e.timestamp');
  return [
    'DELETE FROM kpi_account_days WHERE (project_id, account_id) IN (SELECT project_id, account_id FROM kpi_dirty_accounts)',
    `INSERT INTO kpi_account_days (project_id, day, account_id, first_at, last_at, events)
     SELECT e.project_id, ${dayOfSql(ms)}, e.account_id, MIN(${ms}), MAX(${ms}), COUNT(*)
     FROM (SELECT DISTINCT project_id, account_id FROM kpi_dirty_accounts) d
     JOIN events e ON e.project_id = d.project_id AND e.account_id = d.account_id AND e.account_id IS NOT NULL
     GROUP BY 1, 2, 3`,
    'DELETE FROM kpi_dirty_accounts',
  ];
}

/** The account rollup as a step of the queue fold. */
export const accountFoldStep: FoldStep = {
  pendingSql: ACCOUNTS_DIRTY,
  requested: () => false,
  *queued(sql: SqlRunner, chunk: Relation): TxLogic<void> {
    yield* ask(sql.run(foldChunk(chunk.sql), chunk.params));
  },
  // Accounts have marks of their own (`kpi_dirty_accounts`), rebuilt in `rest`.
  *dirty(): TxLogic<void> {},
  *rest(sql: SqlRunner): TxLogic<boolean> {
    const [dirty] = yield* ask(sql.all<{ dirty: unknown }>(`SELECT ${ACCOUNTS_DIRTY} AS dirty`, []));
    if (dirty?.dirty) for (const text of rebuildDirtyAccounts(sql.dialect)) yield* ask(sql.run(text, []));
    return true;
  },
};
