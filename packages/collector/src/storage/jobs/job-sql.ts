import { placeholders } from '../sql/dialect.js';
import { andThen, type Awaitable, type SqlRunner } from '../sql/runner.js';
import { ask, type Transact } from '../sql/transaction.js';
import { JOB_COLUMNS, toStoredJob, type JobClaim, type JobRow, type JobStore, type NewJob } from './job-store.js';

const INSERT_JOB = `INSERT INTO jobs (kind, key, payload, status, run_at, attempts, max_attempts, created_at, updated_at)
  VALUES ($1, $2, $3, 'pending', $4, 0, $5, $6, $6)`;
const jobValues = (sql: SqlRunner, job: NewJob, at: number) => [
  job.kind,
  job.key,
  JSON.stringify(job.payload),
  sql.time(job.runAt),
  job.maxAttempts,
  sql.time(at),
];

/**
 * Adds a job unless its key exists; true when added. Exported so a store can enqueue inside its
 * own transaction (`yield* ask(insertJob(sql, job, at))`): the job then commits with the change
 * that caused it, or not at all.
 */
export function insertJob(sql: SqlRunner, job: NewJob, at: number): Awaitable<boolean> {
  return andThen(sql.run(`${INSERT_JOB} ON CONFLICT (key) DO NOTHING`, jobValues(sql, job, at)), (changed) => changed > 0);
}

/**
 * `insertJob`, or a failed job with the key made pending again with no attempts. The row's
 * `last_error` tells the two apart: a new row has none, and every way a job fails records one.
 */
const INSERT_OR_RESTART_JOB = `${INSERT_JOB}
  ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, payload = excluded.payload, status = 'pending', run_at = excluded.run_at,
    attempts = 0, max_attempts = excluded.max_attempts, claimed_by = NULL, lease_until = NULL, updated_at = excluded.updated_at
  WHERE jobs.status = 'failed'
  RETURNING last_error`;

/** The claim a completion or failure must still hold. */
const OWNED = `id = $1 AND claimed_by = $2 AND attempts = $3 AND status = 'running'`;
const owned = (claim: JobClaim) => [claim.id, claim.claimedBy, claim.attempts];

/**
 * `store.jobs` over either dialect. Claims run in `transact` (the adapter's write gate): on
 * PostgreSQL the candidate rows are locked with `FOR UPDATE SKIP LOCKED`, so concurrent claimants
 * take disjoint jobs without waiting for each other; on SQLite the write transaction is already
 * exclusive, across processes too.
 */
export function sqlJobStore(sql: SqlRunner, transact: Transact): JobStore {
  const skipLocked = sql.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
  // Every write goes through the gate: on SQLite a bare statement could join the event writer's
  // open transaction and be acknowledged before it commits.
  const write = <T>(statement: (tx: SqlRunner) => Awaitable<T>) =>
    transact(function* (tx) {
      return yield* ask(statement(tx));
    });
  return {
    enqueue: (job, at) => write((tx) => insertJob(tx, job, at)),

    enqueueOrRestart: async (job, at) => {
      const [row] = await write((tx) => tx.all<{ last_error: string | null }>(INSERT_OR_RESTART_JOB, jobValues(tx, job, at)));
      if (!row) return null;
      return row.last_error === null ? 'added' : 'restarted';
    },

    claim: (claimedBy, kinds, limit, now, leaseMs) => {
      if (kinds.length === 0 || limit < 1) return Promise.resolve([]);
      return transact(function* (tx) {
        // A job whose claimant died on its last allowed attempt is given up, not run again.
        yield* ask(
          tx.run(
            `UPDATE jobs SET status = 'failed', claimed_by = NULL, lease_until = NULL, updated_at = $1,
               last_error = 'lease ended during the last attempt (the process running it stopped)'
             WHERE status = 'running' AND lease_until <= $1 AND attempts >= max_attempts`,
            [tx.time(now)],
          ),
        );
        const rows = yield* ask(
          tx.all<JobRow>(
            // MATERIALIZED: PostgreSQL may otherwise run a plain `IN (subquery)` more than once,
            // each run locking further rows past the LIMIT.
            `WITH picked AS MATERIALIZED (
               SELECT id FROM jobs
               WHERE ((status = 'pending' AND run_at <= $3) OR (status = 'running' AND lease_until <= $3))
                 AND kind IN (${placeholders(5, kinds.length)})
               ORDER BY run_at, id LIMIT $4 ${skipLocked})
             UPDATE jobs SET status = 'running', claimed_by = $1, lease_until = $2, attempts = attempts + 1, updated_at = $3
             WHERE id IN (SELECT id FROM picked)
             RETURNING ${JOB_COLUMNS}`,
            [claimedBy, tx.time(now + leaseMs), tx.time(now), limit, ...kinds],
          ),
        );
        return rows.map(toStoredJob).sort((a, b) => a.runAt - b.runAt || a.id - b.id);
      });
    },

    complete: async (claim, at) =>
      (await write((tx) =>
        tx.run(
          `UPDATE jobs SET status = 'done', claimed_by = NULL, lease_until = NULL, last_error = NULL, updated_at = $4 WHERE ${OWNED}`,
          [...owned(claim), tx.time(at)],
        ),
      )) > 0,

    retryLater: async (claim, runAt, error, at) => {
      const [row] = await write((tx) =>
        tx.all<{ status: 'pending' | 'failed' }>(
          `UPDATE jobs SET status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'pending' END,
             run_at = $4, last_error = $5, claimed_by = NULL, lease_until = NULL, updated_at = $6
           WHERE ${OWNED} RETURNING status`,
          [...owned(claim), tx.time(runAt), error, tx.time(at)],
        ),
      );
      return row?.status ?? null;
    },

    fail: async (claim, error, at) =>
      (await write((tx) =>
        tx.run(
          `UPDATE jobs SET status = 'failed', last_error = $4, claimed_by = NULL, lease_until = NULL, updated_at = $5 WHERE ${OWNED}`,
          [...owned(claim), error, tx.time(at)],
        ),
      )) > 0,

    get: async (key) => {
      const [row] = await sql.all<JobRow>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE key = $1`, [key]);
      return row ? toStoredJob(row) : null;
    },

    backlog: async (now) => {
      const [row] = await sql.all<{ due: number | string; oldest: number | Date | null }>(
        `SELECT count(*) AS due, min(run_at) AS oldest FROM jobs WHERE status = 'pending' AND run_at <= $1`,
        [sql.time(now)],
      );
      const oldest = row?.oldest ?? null;
      return { due: Number(row?.due ?? 0), oldestDueAt: oldest === null ? null : new Date(oldest).getTime() };
    },

    purge: (before, limit) =>
      write((tx) =>
        tx.run(
          `DELETE FROM jobs WHERE id IN (
             SELECT id FROM jobs WHERE status IN ('done', 'failed') AND updated_at < $1 ORDER BY updated_at LIMIT $2)`,
          [tx.time(before), limit],
        ),
      ),
  };
}
