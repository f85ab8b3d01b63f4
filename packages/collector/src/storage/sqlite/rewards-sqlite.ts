import type { Database, Statement } from 'better-sqlite3';
import { runSync } from '../rewards-ops.js';
import { createSqlRewardsStore, type Transact } from '../rewards-sql-store.js';
import { ledgerOps, type SqlRunner } from '../rewards-sql.js';
import type { RewardsStore } from '../rewards-store.js';
import { sqliteKpiRows, type KpiRows } from './sqlite-kpi-rows.js';

interface Prepared {
  statement: Statement<unknown[]>;
  /** For each `?` in order, the index of the `$n` parameter it stands for. */
  order: number[];
}

/** Statements are written with `$n`; here each becomes a positional `?`, with the index of its `$n`. */
function positional(sql: string): { text: string; order: number[] } {
  const order: number[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => (order.push(Number(n) - 1), '?'));
  return { text, order };
}

/** Runs `$n` statements on `db`; each is prepared once, reused. */
export function sqliteRunner(db: Database): SqlRunner {
  const cache = new Map<string, Prepared>();
  const prepare = (sql: string): Prepared => {
    const { text, order } = positional(sql);
    return { statement: db.prepare<unknown[]>(text), order };
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
/** The rewards KPI's reads, through `kpiRows` (the reader process on a file store). */
function kpiRunner(kpiRows: KpiRows): SqlRunner {
  return {
    dialect: 'sqlite',
    time: (ms) => ms,
    all<T>(sql: string, params: readonly unknown[]) {
      const { text, order } = positional(sql);
      return kpiRows<T>(text, order.map((index) => params[index]));
    },
  };
}

export function sqliteRewardsStore(db: Database, kpiRows: KpiRows = sqliteKpiRows(db, null)): RewardsStore {
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
  return createSqlRewardsStore(transact, sql, kpiRunner(kpiRows));
}
