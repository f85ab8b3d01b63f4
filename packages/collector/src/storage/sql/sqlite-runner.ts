import type { Database, Statement } from 'better-sqlite3';
import type { KpiRows } from '../sqlite/sqlite-kpi-rows.js';
import type { SqlReader, SqlRunner } from './runner.js';

/** Each `$n` becomes a positional `?`; `order` holds, for each `?`, the index of its `$n`. */
export function positional(sql: string): { text: string; order: number[] } {
  const order: number[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => (order.push(Number(n) - 1), '?'));
  return { text, order };
}

interface Prepared {
  statement: Statement<unknown[]>;
  order: number[];
}

/** Runs `$n` statements on `db`, synchronously; each text is prepared once and reused. */
export function sqliteRunner(db: Database): SqlRunner {
  const cache = new Map<string, Prepared>();
  const prepared = (sql: string) => {
    let entry = cache.get(sql);
    if (!entry) {
      const { text, order } = positional(sql);
      cache.set(sql, (entry = { statement: db.prepare<unknown[]>(text), order }));
    }
    return entry;
  };
  const bind = (entry: Prepared, params: readonly unknown[]) => entry.order.map((index) => params[index]);
  return {
    dialect: 'sqlite',
    time: (ms) => ms,
    all<T>(sql: string, params: readonly unknown[]): T[] {
      const entry = prepared(sql);
      if (entry.statement.reader) return entry.statement.all(...bind(entry, params)) as T[];
      entry.statement.run(...bind(entry, params));
      return [];
    },
    run(sql, params) {
      const entry = prepared(sql);
      return entry.statement.run(...bind(entry, params)).changes;
    },
  };
}

/** KPI reads through `kpiRows` (the reader process on a file store): read-only, asynchronous. */
export function sqliteKpiRunner(kpiRows: KpiRows): SqlReader {
  return {
    dialect: 'sqlite',
    time: (ms) => ms,
    all<T>(sql: string, params: readonly unknown[]) {
      const { text, order } = positional(sql);
      return kpiRows<T>(
        text,
        order.map((index) => params[index]),
      );
    },
  };
}
