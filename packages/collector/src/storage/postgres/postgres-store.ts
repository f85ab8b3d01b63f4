import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { GroupCommitter, type GroupCommitOptions } from '../group-commit.js';
import { pendingMigrations } from '../migration.js';
import { EVENT_COLUMNS, eventFilterSql, toStoredEvent, toStoredUser, type EventRow, type UserRow } from '../rows.js';
import type { Store } from '../store.js';
import { postgresMigrations } from './migrations/index.js';
import { postgresAnnouncementStore } from './postgres-announcements.js';
import { postgresFactStore } from './postgres-facts.js';
import { postgresKpiStore } from './postgres-kpi.js';
import { postgresPromptStore } from './postgres-prompts.js';
import { postgresResponseStore } from './postgres-responses.js';
import { postgresSettingsStore } from './postgres-settings.js';
import { postgresRewardsStore } from './rewards-postgres.js';
import { postgresGroupWriter } from './postgres-group-writer.js';
import { postgresUserStore } from '../users/users-postgres.js';

/** Write transactions in flight at once (of the pool's 5 connections), chosen by `pnpm bench`. */
const POSTGRES_WRITE_CONCURRENCY = 3;
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
/** Arbitrary constant naming Hearth's migration lock (pg advisory locks take a bigint). */
const MIGRATION_LOCK = 0x4e_41_52_54_48;

/** The production store. Default settings (`synchronous_commit = on`) make each COMMIT durable. */
export async function openPostgresStore(databaseUrl: string, options: GroupCommitOptions = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5, lock_timeout: LOCK_TIMEOUT_MS });
  // An idle pooled connection the server ends (restart, failover, an admin's terminate) emits
  // 'error' on the pool; unheard, that is an uncaught exception that takes the collector down.
  // The pool drops that client and the next query opens a fresh one, so logging is enough.
  pool.on('error', (error) => console.error('hearth-collector: an idle PostgreSQL connection was closed by the server', error.message));
  try {
    await migratePostgres(pool);
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
  kpiPool.on('error', (error) => console.error('hearth-collector: an idle PostgreSQL KPI connection was closed by the server', error.message));

  // Overlapping groups: one builds and sends its rows while another's COMMIT waits for the WAL flush.
  const committer = new GroupCommitter(postgresGroupWriter(pool), { concurrency: POSTGRES_WRITE_CONCURRENCY, ...options });

  return {
    kind: 'postgres',
    prompts: postgresPromptStore(pool),
    facts: postgresFactStore(pool),
    kpi: postgresKpiStore(kpiPool),
    rewards: postgresRewardsStore(pool),
    announcements: postgresAnnouncementStore(pool),
    responses: postgresResponseStore(pool),
    users: postgresUserStore(pool),
    settings: postgresSettingsStore(pool),
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
      return toStoredUser(rows[0], links.rows.map((r) => r.anonymous_id));
    },
    async close() {
      await committer.drain();
      // pool.end() waits for every checked-out connection: a KPI statement still running after
      // the HTTP drain would hold shutdown for up to its timeout. Its request is gone; cancel it.
      await pool
        .query('SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [kpiApplication])
        .catch((error: unknown) => console.error('hearth-collector: could not cancel running KPI queries', error));
      await Promise.all([pool.end(), kpiPool.end()]);
    },
  };
}

/** Applies pending migrations while holding an advisory lock, so several collectors may start at once. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    // Another collector may be migrating: wait for it, however long it takes.
    await client.query('SET lock_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS hearth_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = await client.query<{ version: number }>('SELECT version FROM hearth_migrations');
    for (const migration of pendingMigrations(postgresMigrations, new Set(applied.rows.map((r) => r.version)))) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO hearth_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.query('RESET lock_timeout').catch(() => undefined);
    client.release();
  }
}
