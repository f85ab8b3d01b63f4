import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { GroupCommitter } from '../group-commit.js';
import { migratePostgres, migrationsRunning } from '../migrations/migrate.js';
import { EVENT_COLUMNS, eventFilterSql, toStoredEvent, toStoredUser, type EventRow, type UserRow } from '../rows.js';
import type { Store, StoreTuning } from '../store.js';
import { keepChurnedTablesVacuumed, vacuumChurnedTables } from './churn-vacuum.js';
import { postgresWriteOps } from './postgres-write-ops.js';
import { fillHoldoutBuckets } from '../users/holdout-buckets.js';
import { applyWrite } from '../apply-write.js';
import { sqlPromptStore } from '../prompts/prompt-sql.js';
import { sqlAnnouncementStore } from '../announcements/announcement-sql.js';
import { sqlFactStore } from '../facts/fact-sql.js';
import { sqlJobStore } from '../jobs/job-sql.js';
import { sqlRateLimitStore } from '../rate-limits/rate-limit-sql.js';
import { sqlKpiStore } from '../kpi/kpi-sql.js';
import { RETENTION_POSTGRES_SETTINGS } from '../kpi/retention-kpis.js';
import { ChecklistRollup } from '../kpi/checklist-fold.js';
import { postgresRollupFolder } from '../kpi/rollup-fold.js';
import { RollupKeeper } from '../kpi/rollup-keeper.js';
import { DefinitionBuilds } from '../kpi/definition-builds.js';
import { sqlResponseStore } from '../responses/response-sql.js';
import { sqlRevenueStore } from '../revenue/revenue-sql.js';
import { createSqlRewardsStore, REWARDS_POSTGRES_RETRY } from '../rewards-sql-store.js';
import { sqlExpiryStore } from '../expiry/expiry-sql.js';
import { sqlSettingsStore } from '../settings/settings-sql.js';
import { sqlTeamStore } from '../team/team-sql.js';
import { sqlAuditStore } from '../audit/audit-sql.js';
import { sqlEmailStore } from '../email/email-sql.js';
import { postgresReadOnlyRunner, postgresTransact, postgresTransaction } from '../sql/postgres-gate.js';
import { postgresRunner } from '../sql/postgres-runner.js';
import { runAsync } from '../sql/transaction.js';
import { createSqlUserStore } from '../users/users-sql-store.js';
import { createSqlAccountStore } from '../accounts/account-sql.js';
import { accountFoldStep } from '../accounts/account-rollup-fold.js';
import { activityBlocksStep } from '../kpi/activity-blocks.js';

/** Write transactions in flight at once (of the pool's 5 connections), chosen by `pnpm bench`. */
const POSTGRES_WRITE_CONCURRENCY = 3;
/**
 * Events per write transaction. A group's row and advisory locks last until its COMMIT, and a
 * request touching the same user or anonymous id waits for them within LOCK_TIMEOUT_MS: 5,000
 * events (the SQLite bound) took seconds on a busy machine, long enough to time such a request out.
 * 1,000 is two full requests; with three transactions in flight, throughput did not need more.
 */
const POSTGRES_GROUP_EVENTS = 1_000;
/**
 * Key-ordered writes keep overlapping event groups from deadlocking; should PostgreSQL still report
 * a deadlock or serialization failure, the group runs again (it was rolled back, nothing was acked).
 */
const WRITE_RETRY: ReadonlySet<string> = new Set(['40P01', '40001']);
/**
 * Longest wait for a lock held by another session (a long transaction, an admin's LOCK TABLE):
 * then the statement fails with lock_not_available, answered 503 + Retry-After, instead of the
 * request hanging for as long as the lock is held.
 */
const LOCK_TIMEOUT_MS = 4_000;
/**
 * Dashboard reads run on a pool of their own, so a slow one never takes a connection ingest needs,
 * and under their own limits: a statement ends after 30 s, a lock wait after 15 s.
 */
const KPI_POOL_SIZE = 2;
const KPI_STATEMENT_TIMEOUT_MS = 30_000;
const KPI_LOCK_TIMEOUT_MS = 15_000;

/** How long `/readyz` waits for the database. */
const READINESS_TIMEOUT_MS = 3_000;

/** The production store. Default settings (`synchronous_commit = on`) make each COMMIT durable. */
export async function openPostgresStore(databaseUrl: string, options: StoreTuning = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5, lock_timeout: LOCK_TIMEOUT_MS });
  // An idle pooled connection the server ends (restart, failover, an admin's terminate) emits
  // 'error' on the pool; unheard, that is an uncaught exception that takes the collector down.
  // The pool drops that client and the next query opens a fresh one, so logging is enough.
  pool.on('error', (error) => console.error('hearth-collector: an idle PostgreSQL connection was closed by the server', error.message));
  try {
    await migratePostgres(pool);
    await runAsync(fillHoldoutBuckets(postgresRunner(pool)));
    // A queue left bloated by the last run (a bulk load, a crash) is reclaimed before the first read scans it.
    await vacuumChurnedTables(pool);
    // Fresh statistics from the start, so the first KPI plans do not wait for autovacuum's analyze.
    await pool.query('ANALYZE');
  } catch (error) {
    await pool.end();
    throw error;
  }

  // Named per store, so closing can cancel exactly this store's running KPI statements.
  const kpiApplication = `hearth-kpi-${randomUUID().slice(0, 8)}`;
  const kpiPool = new pg.Pool({
    connectionString: databaseUrl,
    max: KPI_POOL_SIZE,
    statement_timeout: KPI_STATEMENT_TIMEOUT_MS,
    lock_timeout: KPI_LOCK_TIMEOUT_MS,
    application_name: kpiApplication,
  });
  kpiPool.on('error', (error) =>
    console.error('hearth-collector: an idle PostgreSQL KPI connection was closed by the server', error.message),
  );

  // Overlapping groups: one builds and sends its rows while another's COMMIT waits for the WAL flush.
  const committer = new GroupCommitter(
    (groups) => postgresTransaction(pool, (client) => applyWrite(postgresWriteOps(client), groups), { retry: WRITE_RETRY }),
    { concurrency: POSTGRES_WRITE_CONCURRENCY, maxEvents: POSTGRES_GROUP_EVENTS, ...options.groupCommit },
  );
  const sql = postgresRunner(pool);
  const checklists = new ChecklistRollup();
  const fold = postgresRollupFolder(kpiPool, [activityBlocksStep, checklists, accountFoldStep]);
  const rollups = new RollupKeeper(fold, options.rollups);
  rollups.start();
  const jobs = sqlJobStore(sql, postgresTransact(pool));
  const builds = new DefinitionBuilds({ jobs, sql, transact: postgresTransact(pool), fold, step: checklists }, options.rollups);
  builds.start();
  const vacuum = keepChurnedTablesVacuumed(pool);

  return {
    kind: 'postgres',
    prompts: sqlPromptStore(sql, postgresTransact(pool)),
    facts: sqlFactStore(sql),
    kpi: sqlKpiStore(postgresRunner(kpiPool), rollups, builds, postgresReadOnlyRunner(kpiPool, RETENTION_POSTGRES_SETTINGS)),
    rewards: createSqlRewardsStore(postgresTransact(pool, REWARDS_POSTGRES_RETRY), sql),
    announcements: sqlAnnouncementStore(sql, sql, () => rollups.beforeRead()),
    responses: sqlResponseStore(sql, postgresTransact(pool)),
    revenue: sqlRevenueStore(sql, postgresRunner(kpiPool)),
    users: createSqlUserStore(postgresTransact(pool), sql),
    accounts: createSqlAccountStore(postgresTransact(pool), sql, postgresRunner(kpiPool), {
      read: postgresReadOnlyRunner(kpiPool, RETENTION_POSTGRES_SETTINGS),
      refresh: () => rollups.beforeRead(),
    }),
    settings: sqlSettingsStore(sql),
    team: sqlTeamStore(sql),
    audit: sqlAuditStore(sql),
    expiry: sqlExpiryStore(postgresTransact(pool)),
    email: sqlEmailStore(sql),
    jobs,
    rateLimits: sqlRateLimitStore(postgresTransact(pool)),
    writeEvents: (events) => committer.write(events),
    pendingEvents: () => committer.pending,
    writeWaitMs: () => committer.oldestWaitMs(),
    async listEvents(projectId, filter = {}) {
      const { where, values } = eventFilterSql(projectId, filter, (n) => `$${n}`);
      const { rows } = await pool.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where} ORDER BY timestamp, message_id`,
        values,
      );
      return rows.map(toStoredEvent);
    },
    async getUser(projectId, userId) {
      const { rows } = await pool.query<UserRow>(
        'SELECT user_id, traits, first_seen, last_seen FROM users WHERE project_id = $1 AND user_id = $2',
        [projectId, userId],
      );
      if (!rows[0]) return null;
      const links = await pool.query<{ anonymous_id: string }>(
        'SELECT anonymous_id FROM identities WHERE project_id = $1 AND user_id = $2 ORDER BY linked_at, anonymous_id',
        [projectId, userId],
      );
      return toStoredUser(
        rows[0],
        links.rows.map((r) => r.anonymous_id),
      );
    },
    async readiness() {
      // A connection that cannot be had within READINESS_TIMEOUT_MS counts as unreachable, so a
      // hung network answers 503 rather than holding the probe open.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_TIMEOUT_MS} ms`)), READINESS_TIMEOUT_MS);
      });
      try {
        const running = await Promise.race([migrationsRunning(pool), timeout]);
        return running ? 'migrations are running: another collector holds the migration lock' : null;
      } catch (error) {
        return `the database is unreachable: ${error instanceof Error ? error.message : String(error)}`;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await builds.stop();
      await rollups.stop();
      await vacuum.stop();
      await committer.drain();
      // pool.end() waits for every checked-out connection: a KPI statement still running after
      // the HTTP drain would hold shutdown for up to its timeout. Its request is gone; cancel it.
      await pool
        .query('SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [
          kpiApplication,
        ])
        .catch((error: unknown) => console.error('hearth-collector: could not cancel running KPI queries', error));
      await Promise.all([pool.end(), kpiPool.end()]);
    },
  };
}
