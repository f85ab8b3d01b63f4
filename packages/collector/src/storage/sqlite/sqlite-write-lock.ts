import type { Database } from 'better-sqlite3';
import { isStoreBusy, StoreBusyError } from '../store-busy.js';

/**
 * SQLite waits for a lock by sleeping inside the call, which on better-sqlite3 is the event loop:
 * with a 5 s busy timeout, another process holding the write lock froze every request, health
 * checks included. The connection's own wait is kept this short; longer waits happen here.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 50;
/** How long a group commit waits for the write lock before its requests get 503. */
export const WRITE_LOCK_WAIT_MS = 4_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `BEGIN IMMEDIATE`, retried between event-loop turns while another connection holds the write lock. */
export async function beginImmediate(db: Database, waitMs = WRITE_LOCK_WAIT_MS): Promise<void> {
  const deadline = performance.now() + waitMs;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      if (!isStoreBusy(error)) throw error;
      if (performance.now() >= deadline) throw new StoreBusyError(`SQLite's write lock stayed held by another connection for ${waitMs} ms`, { cause: error });
    }
    await sleep(pause);
  }
}
