import type { Database, Statement } from 'better-sqlite3';
import { runSync } from '../rewards-ops.js';
import { createSqlRewardsStore, type Transact } from '../rewards-sql-store.js';
import { ledgerOps, type SqlRunner } from '../rewards-sql.js';
import type { RewardsStore } from '../rewards-store.js';

interface Prepared {
  statement: Statement<unknown[]>;
  /** For each `?` in order, the index of the `$n` parameter it stands for. */
  order: number[];
}

/** Statements are written with `$n`; here each becomes a positional `?`. Prepared once, reused. */
export function sqliteRunner(db: Database): SqlRunner {
  const cache = new Map<string, Prepared>();
  const prepare = (sql: string): Prepared => {
    const order: number[] = [];
    const statement = db.prepare<unknown[]>(sql.replace(/\$(\d+)/g, (_, n: string) => (order.push(Number(n) - 1), '?')));
    return { statement, order };
  };
  return {
    dialect: 'sqlite',
    time: (ms) => ms,
    all<T>(sql: string, params: readonly unknown[]): T[] {
      const prepared = cache.get(sql) ?? prepare(sql);
      cache.set(sql, prepared);
      const values = prepared.order.map((index) => params[index]);
      if (prepared.statement.reader) return prepared.statement.all(...values) as T[];
      prepared.statement.run(...values);
      return [];
    },
  };
}

/**
 * Rewards on the embedded store. It must share the event store's connection (a second one would
 * wait on the writer lock synchronously and stall the event loop the writer needs). Each rewards
 * transaction runs synchronously from BEGIN IMMEDIATE to COMMIT, so nothing interleaves inside it;
 * it starts only while the event writer has no transaction open on the connection.
 */
export function sqliteRewardsStore(db: Database): RewardsStore {
  const sql = sqliteRunner(db);
  const ops = ledgerOps(sql);
  const transact: Transact = (logic) =>
    new Promise((resolve, reject) => {
      const attempt = () => {
        // The event writer's transaction spans awaits; ours go between its transactions.
        if (db.inTransaction) return void setImmediate(attempt);
        try {
          resolve(db.transaction(() => runSync(logic(ops, sql))).immediate());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      attempt();
    });
  return createSqlRewardsStore(transact, sql);
}
