import type { Database, Statement } from 'better-sqlite3';
import type { RetentionKpiStore } from '../kpi/retention-store.js';
import { retentionKpis, type RetentionRow } from '../kpi/retention-kpis.js';
import { retentionSql, type RetentionDialect, type RetentionStatement } from '../kpi/retention-sql.js';

const dialect: RetentionDialect = {
  eventMs: (column) => column,
  eventTime: (ms) => ms,
  // Same type family and same value: 5 matches 5.0 (integer/real), never the text "5" or true (1).
  traitEquals: `EXISTS (SELECT 1 FROM json_each(u.traits) j JOIN json_each(@segValues) v ON j.value = v.value
    AND (j.type = v.type OR (j.type IN ('integer', 'real') AND v.type IN ('integer', 'real'))) WHERE j.key = @segTrait)`,
};

/** Runs one retention statement on `db`, synchronously (in the KPI reader's thread, or inline). */
export type SqliteRetentionRunner = (name: RetentionStatement, segment: boolean, params: Record<string, unknown>) => RetentionRow[];

export function sqliteRetentionRunner(db: Database): SqliteRetentionRunner {
  const prepared = new Map<string, Statement<Record<string, unknown>, RetentionRow>>();
  // Times and spans are bound as BigInt, i.e. SQLite INTEGER: a JS number binds as REAL, and
  // `(t - from) / 86400000` would then divide exactly instead of giving the day index.
  const bind = (params: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'number' ? BigInt(value) : value]));
  return (name, segment, params) => {
    const key = `${name}:${segment}`;
    let statement = prepared.get(key);
    if (!statement) prepared.set(key, (statement = db.prepare(retentionSql(dialect, segment)[name])));
    return statement.all(bind(params));
  };
}

/** Retention KPIs on SQLite; `refresh` folds new events into the rollup first, then `run` reads. */
export function sqliteRetentionKpis(refresh: () => void, run: (...args: Parameters<SqliteRetentionRunner>) => Promise<RetentionRow[]>): RetentionKpiStore {
  return retentionKpis(async (name, segment, params) => {
    refresh();
    return run(name, segment, params);
  });
}
