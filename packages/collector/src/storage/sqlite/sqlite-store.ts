import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { applyWrite } from '../apply-write.js';
import { GroupCommitter } from '../group-commit.js';
import { migrateSqlite } from '../migrations/migrate.js';
import { runSync } from '../sql/transaction.js';
import { fillHoldoutBuckets } from '../users/holdout-buckets.js';
import { EVENT_COLUMNS, eventFilterSql, toStoredEvent, toStoredUser, type EventRow, type UserRow } from '../rows.js';
import type { Store, StoreTuning } from '../store.js';
import { SqliteKpiReader } from './sqlite-kpi-reader.js';
import { sqliteKpiRows } from './sqlite-kpi-rows.js';
import { sqliteWriteOps } from './sqlite-write-ops.js';
import { WalCheckpointer } from './wal-checkpointer.js';
import { sqlPromptStore } from '../prompts/prompt-sql.js';
import { sqlAnnouncementStore } from '../announcements/announcement-sql.js';
import { sqlFactStore } from '../facts/fact-sql.js';
import { sqlJobStore } from '../jobs/job-sql.js';
import { sqlRateLimitStore } from '../rate-limits/rate-limit-sql.js';
import { sqlKpiStore } from '../kpi/kpi-sql.js';
import { ChecklistRollup } from '../kpi/checklist-fold.js';
import { sqliteRollupFolder, type RollupFold } from '../kpi/rollup-fold.js';
import { RollupKeeper } from '../kpi/rollup-keeper.js';
import { DefinitionBuilds } from '../kpi/definition-builds.js';
import { sqlResponseStore } from '../responses/response-sql.js';
import { sqlRevenueStore } from '../revenue/revenue-sql.js';
import { createSqlRewardsStore } from '../rewards-sql-store.js';
import { sqlExpiryStore } from '../expiry/expiry-sql.js';
import { sqlSettingsStore } from '../settings/settings-sql.js';
import { sqlTeamStore } from '../team/team-sql.js';
import { sqlAuditStore } from '../audit/audit-sql.js';
import { sqlEmailStore } from '../email/email-sql.js';
import { SQLITE_BUSY_TIMEOUT_MS, sqliteTransact, sqliteWriteTransaction } from '../sql/sqlite-gate.js';
import { sqliteKpiRunner, sqliteRunner } from '../sql/sqlite-runner.js';
import { createSqlUserStore } from '../users/users-sql-store.js';
import { createSqlAccountStore } from '../accounts/account-sql.js';
import { accountFoldStep } from '../accounts/account-rollup-fold.js';
import { activityBlocksStep } from '../kpi/activity-blocks.js';

const OPTIMIZE_EVERY_MS = 3_600_000;
/**
 * Statistics are refreshed at open only while the file is small. ANALYZE counts every entry of
 * every index whatever `analysis_limit` says (the limit bounds the sampling, not the count), so on a
 * store whose events were never analyzed (a bulk import; indexes rebuilt) the open-time refresh
 * reads the whole file before the collector can listen: 9–14 s at 3 M events on the busy 2-core
 * machine, over 30 s at 10 M. A larger store opens with the statistics it has; the hourly and the
 * close-time `optimize` refresh them as before.
 */
const ANALYZE_AT_OPEN_MAX_BYTES = 64 * 2 ** 20;

/** The database file's size from its header (page count × page size): no scan. */
const fileBytes = (db: Database.Database) =>
  Number(db.pragma('page_count', { simple: true })) * Number(db.pragma('page_size', { simple: true }));

/**
 * The embedded store: one file, no server. WAL lets reads run beside the single writer.
 * `synchronous=NORMAL` in WAL mode means a COMMIT has reached the OS before it returns, so a
 * crashed or killed collector loses nothing it acknowledged; only a power loss or OS crash can
 * drop the last transactions (use PostgreSQL, or `synchronous=FULL`, where that matters).
 */
export function openSqliteStore(file: string, options: StoreTuning = {}): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Migrations may wait for another process starting at the same time; see sql/sqlite-gate.ts after.
  db.pragma('busy_timeout = 5000');
  // The default 2 MiB page cache cannot hold the events indexes' hot pages, so every insert and
  // every KPI scan went back to the OS; 64 MiB (a cap, allocated as pages are used) keeps them.
  // Reads through a memory map skip the copy into that cache: a fresh process's first checklist
  // KPI at 1M events went from ~450 to ~180 ms with 256 MiB mapped. The map now covers the file up
  // to SQLite's 2 GiB limit: on the growth benchmark's 1M-event store (~550 MiB) the per-user
  // indexes lie past 256 MiB, and each insert read their pages with a system call and a copy
  // (7–11 µs of main-thread CPU per event more than mapped). Mapped pages are the OS's file cache,
  // shared and reclaimable, not memory of the process's own.
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 2147418112');
  migrateSqlite(db);
  runSync(fillHoldoutBuckets(sqliteRunner(db)));
  db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  // The planner's statistics (sqlite_stat1) are only as fresh as the last ANALYZE, and SQLite never
  // runs one by itself: refresh what changed at open and hourly (a sample of 1,000 rows per index).
  db.pragma('analysis_limit = 1000');
  if (fileBytes(db) <= ANALYZE_AT_OPEN_MAX_BYTES) db.pragma('optimize = 0x10002');
  const optimizer = setInterval(() => db.pragma('optimize'), OPTIMIZE_EVERY_MS);
  optimizer.unref();

  // An in-memory database cannot be opened by a second connection: its KPIs are read inline, and
  // it has no WAL to checkpoint.
  const reader = file === ':memory:' ? null : new SqliteKpiReader(file);
  if (options.startKpiReader) reader?.start();
  const checkpointer = file === ':memory:' ? null : new WalCheckpointer(db, file);
  const paused = () => checkpointer?.writesPaused() ?? null;
  const kpiRows = sqliteKpiRows(db, reader);
  const ops = sqliteWriteOps(db);
  const committer = new GroupCommitter((groups) => sqliteWriteTransaction(db, () => applyWrite(ops, groups), paused), options.groupCommit);
  // Every write shares the event writer's connection: see sql/sqlite-gate.ts.
  const sql = sqliteRunner(db);
  const transact = sqliteTransact(db, sql, paused);
  const kpiSql = sqliteKpiRunner(kpiRows);
  // The fold writes, so it stays on this connection (and waits out a WAL truncation, as every
  // write does); the reads go to the reader process.
  const checklists = new ChecklistRollup();
  const folder = sqliteRollupFolder(db, [activityBlocksStep, checklists, accountFoldStep]);
  const fold: RollupFold = async (limit) => {
    await paused();
    return folder(limit);
  };
  const rollups = new RollupKeeper(fold, options.rollups);
  rollups.start();
  const jobs = sqlJobStore(sql, transact);
  const builds = new DefinitionBuilds({ jobs, sql, transact, fold, step: checklists }, options.rollups);
  builds.start();

  const listEvents = (projectId: string, filter: { userId?: string; anonymousId?: string } = {}) => {
    const { where, values } = eventFilterSql(projectId, filter, () => '?');
    const rows = db
      .prepare<string[], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE ${where} ORDER BY timestamp, message_id`)
      .all(...values);
    return Promise.resolve(rows.map(toStoredEvent));
  };

  const getUser = (projectId: string, userId: string) => {
    const row = db
      .prepare<[string, string], UserRow>('SELECT user_id, traits, first_seen, last_seen FROM users WHERE project_id = ? AND user_id = ?')
      .get(projectId, userId);
    if (!row) return Promise.resolve(null);
    const anonymousIds = db
      .prepare<[string, string], { anonymous_id: string }>(
        'SELECT anonymous_id FROM identities WHERE project_id = ? AND user_id = ? ORDER BY linked_at, anonymous_id',
      )
      .all(projectId, userId)
      .map((r) => r.anonymous_id);
    return Promise.resolve(toStoredUser(row, anonymousIds));
  };

  return {
    kind: 'sqlite',
    prompts: sqlPromptStore(sql, transact),
    facts: sqlFactStore(sql),
    kpi: sqlKpiStore(kpiSql, rollups, builds),
    rewards: createSqlRewardsStore(transact, sql, kpiSql),
    announcements: sqlAnnouncementStore(sql, kpiSql, () => rollups.beforeRead()),
    responses: sqlResponseStore(sql, transact, kpiSql),
    revenue: sqlRevenueStore(sql, kpiSql),
    users: createSqlUserStore(transact, sql),
    accounts: createSqlAccountStore(transact, sql, kpiSql, { read: kpiSql, refresh: () => rollups.beforeRead() }),
    settings: sqlSettingsStore(sql),
    team: sqlTeamStore(sql),
    audit: sqlAuditStore(sql),
    expiry: sqlExpiryStore(transact),
    email: sqlEmailStore(sql),
    jobs,
    rateLimits: sqlRateLimitStore(transact),
    writeEvents: (events) => committer.write(events),
    pendingEvents: () => committer.pending,
    writeWaitMs: () => committer.oldestWaitMs(),
    listEvents,
    getUser,
    // Migrations ran when this connection opened (under a write lock); the file needs no network.
    readiness: () => {
      try {
        db.prepare('SELECT 1').get();
        return Promise.resolve(reader?.readiness() ?? null);
      } catch (error) {
        return Promise.resolve(`the SQLite file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    async close() {
      // Ends a KPI statement still running: its request is gone.
      await reader?.close();
      await builds.stop();
      await rollups.stop();
      await committer.drain();
      await checkpointer?.close();
      clearInterval(optimizer);
      db.pragma('optimize');
      // The last connection to close copies what is left in the WAL and deletes it.
      db.close();
    },
  };
}
