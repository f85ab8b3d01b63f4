import type { Database } from 'better-sqlite3';
import { isStoreBusy, StoreBusyError } from '../store-busy.js';
import type { SqlRunner } from './runner.js';
import { runSync, type Transact } from './transaction.js';

/*
 * SQLite transactions. Every write (events, rewards, users, prompts…) goes through ONE connection:
 * a second connection would wait for the first one's write lock, and better-sqlite3 waits by
 * sleeping inside the call, i.e. on the event loop, freezing every request. For the same reason
 * the connection's own busy timeout is kept short (SQLITE_BUSY_TIMEOUT_MS) and a lock held by
 * another process is waited for here, between event-loop turns (`beginImmediate`).
 *
 * Both wait first while the WAL checkpoint thread starts the WAL over (`WritePause`,
 * sqlite/wal-checkpointer.ts): that holds the write lock for a moment, and a BEGIN meeting it would
 * wait inside the call.
 *
 * Two kinds of transaction share the connection:
 * - the event writer's (`sqliteWriteTransaction`): BEGIN IMMEDIATE may wait across awaits, and
 *   its body awaits values that are already there, so it spans microtask turns;
 * - every other write (`sqliteTransact`): generator logic driven synchronously from BEGIN
 *   IMMEDIATE to COMMIT, so nothing interleaves inside it. It starts only while no transaction is
 *   open on the connection (it would otherwise join the event writer's, and share its fate).
 */

/** The connection's own lock wait: a busy wait on the event loop, so only a short one. */
export const SQLITE_BUSY_TIMEOUT_MS = 50;
/** How long a group commit waits for the write lock before its requests get 503. */
export const WRITE_LOCK_WAIT_MS = 4_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The promise writes wait for before their BEGIN, or null when they may begin at once. */
export type WritePause = () => Promise<void> | null;
const noPause: WritePause = () => null;

/** `BEGIN IMMEDIATE`, retried between event-loop turns while another connection holds the write lock. */
export async function beginImmediate(db: Database, waitMs = WRITE_LOCK_WAIT_MS, paused = noPause): Promise<void> {
  const deadline = performance.now() + waitMs;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    const wait = paused();
    if (wait) await wait;
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      if (!isStoreBusy(error)) throw error;
      if (performance.now() >= deadline)
        throw new StoreBusyError(`SQLite's write lock stayed held by another connection for ${waitMs} ms`, { cause: error });
    }
    await sleep(pause);
  }
}

/** The event writer's transaction: `body` runs between BEGIN IMMEDIATE and COMMIT. */
export async function sqliteWriteTransaction<T>(db: Database, body: () => Promise<T>, paused = noPause): Promise<T> {
  await beginImmediate(db, WRITE_LOCK_WAIT_MS, paused);
  try {
    const result = await body();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Synchronous transactions over `sql` (a runner on `db`), each between the event writer's. */
export function sqliteTransact(db: Database, sql: SqlRunner, paused = noPause): Transact {
  return (logic) =>
    new Promise((resolve, reject) => {
      const attempt = () => {
        if (db.inTransaction) return void setImmediate(attempt);
        const pause = paused();
        if (pause) return void pause.then(attempt);
        try {
          resolve(db.transaction(() => runSync(logic(sql))).immediate());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      attempt();
    });
}
