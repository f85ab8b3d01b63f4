import { epochMs } from '../sql/dialect.js';
import type { Dialect } from '../sql/runner.js';
import { dayOfSql, subjectSql } from './rollup-sql.js';

/*
 * A queue chunk's event rows, read from `events` once per fold into a temporary table every
 * rollup of the fold (`FoldStep`s included) reads: each rollup joining the chunk's keys to
 * `events` itself cost one primary-key lookup per event per rollup. Besides the events' own
 * columns each row carries its rollup subject, its time as epoch ms and its UTC day index.
 */

/** The table, aliased `e` as the steps read it. */
export const FOLD_CHUNK = 'kpi_fold_chunk e';

const columns = (d: Dialect) => {
  const ms = epochMs(d, 'e.timestamp');
  return `e.project_id, e.message_id, e.name, e.user_id, e.anonymous_id, e.account_id, e.timestamp, e.properties,
    ${subjectSql('e.')} AS subject, ${ms} AS ms, ${dayOfSql(ms)} AS day`;
};

/**
 * Per connection, once: SQLite's is emptied by the fold that fills it, PostgreSQL's at the commit
 * (temporary tables are per session, so pooled connections each have their own).
 */
export const createFoldChunk = (d: Dialect) =>
  d === 'sqlite'
    ? `CREATE TEMP TABLE IF NOT EXISTS kpi_fold_chunk AS SELECT ${columns(d)} FROM events e WHERE false`
    : `CREATE TEMP TABLE IF NOT EXISTS kpi_fold_chunk ON COMMIT DELETE ROWS AS SELECT ${columns(d)} FROM events e WITH NO DATA`;

/**
 * The events of the chunk's keys `q(project_id, message_id)`, one row each. SQLite's CROSS JOIN
 * keeps the chunk as the outer loop whatever the statistics say: with stale ones (taken while the
 * store was small, before a bulk load) SQLite scanned every event per chunk, and the fold runs on
 * the writer's connection, so ingest stopped (0 events/s at 1 M events in the growth benchmark).
 */
export const fillFoldChunk = (d: Dialect, keys: string) => `
  INSERT INTO kpi_fold_chunk SELECT ${columns(d)}
  FROM ${keys} ${d === 'sqlite' ? 'CROSS JOIN' : 'JOIN'} events e ON e.project_id = q.project_id AND e.message_id = q.message_id`;
