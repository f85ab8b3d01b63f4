import type pg from 'pg';
import type { RetentionKpiStore } from '../kpi/retention-store.js';
import { retentionKpis, type RetentionRow } from '../kpi/retention-kpis.js';
import { retentionSql, type RetentionDialect } from '../kpi/retention-sql.js';

const dialect: RetentionDialect = {
  eventMs: (column) => `(extract(epoch from ${column}) * 1000)::bigint`,
  eventTime: (ms) => `(timestamptz 'epoch' + ${ms} * interval '1 millisecond')`,
  // jsonb equality is typed: 5 = 5.0, never "5" or true.
  traitEquals: 'u.traits -> CAST(@segTrait AS text) IN (SELECT value FROM jsonb_array_elements(CAST(@segValues AS jsonb)))',
};

/** `@name` parameters as `$n`, numbered in order of first use (PostgreSQL refuses unused ones). */
function numbered(sql: string): { text: string; names: string[] } {
  const names: string[] = [];
  const text = sql.replace(/@([A-Za-z]\w*)/g, (_, name: string) => {
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}`;
  });
  return { text, names };
}

/** Retention KPIs on PostgreSQL; `refresh` folds new events into the rollup first. */
export function postgresRetentionKpis(pool: pg.Pool, refresh: () => Promise<void>): RetentionKpiStore {
  const statements = [false, true].map((segment) => retentionSql(dialect, segment));
  const cache = new Map<string, { text: string; names: string[] }>();
  return retentionKpis(async (name, segment, params) => {
    const key = `${name}:${segment}`;
    let statement = cache.get(key);
    if (!statement) cache.set(key, (statement = numbered(statements[segment ? 1 : 0]![name])));
    await refresh();
    const client = await pool.connect();
    try {
      // The planner cannot see into the materialized CTEs, so it estimates the joins on them at
      // millions of rows: it would start JIT compilation (seconds) for a ~100k-row query, and
      // sort both sides of a merge join on the subject text (collation-aware, often spilling to
      // disk) where hashing the smaller side costs a third.
      await client.query('BEGIN READ ONLY');
      await client.query('SET LOCAL jit = off');
      await client.query('SET LOCAL enable_mergejoin = off');
      const { rows } = await client.query<RetentionRow>(statement.text, statement.names.map((n) => params[n]));
      await client.query('COMMIT');
      return rows;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  });
}
