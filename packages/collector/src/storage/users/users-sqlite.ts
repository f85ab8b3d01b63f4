import type { Database } from 'better-sqlite3';
import { runSync } from '../rewards-ops.js';
import { sqliteRunner } from '../sqlite/rewards-sqlite.js';
import { createSqlUserStore, type UserTransact } from './users-sql-store.js';
import type { UserStore } from './user-store.js';

/**
 * Users on the embedded store, on the event writer's connection (see rewards-sqlite.ts for why).
 * The erasure runs synchronously from BEGIN IMMEDIATE to COMMIT, between the writer's transactions.
 */
export function sqliteUserStore(db: Database): UserStore {
  const sql = sqliteRunner(db);
  const transact: UserTransact = (logic) =>
    new Promise((resolve, reject) => {
      const attempt = () => {
        if (db.inTransaction) return void setImmediate(attempt);
        try {
          resolve(db.transaction(() => runSync(logic(sql))).immediate());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      attempt();
    });
  return createSqlUserStore(transact, sql);
}
