import type { ActiveUserCount } from '../../kpi/active-users.js';
import { numbered } from '../sql/dialect.js';
import type { Awaitable, SqlReader } from '../sql/runner.js';
import type { ActivityQuery, RetentionKpiStore } from './retention-store.js';
import { retentionSeriesSql, retentionSql, scanParams, type RetentionStatement } from './retention-sql.js';
import type { SegmentKind } from './segment-sql.js';

/** Counts as either driver returns them (pg: COUNT is bigint and SUM numeric, so strings). */
export type RetentionRow = Record<string, string | number | bigint | null>;

/** Runs statement `name` of `retentionSql(dialect, segment)` with `@name` parameters. */
type RunRetention = (name: RetentionStatement, segment: SegmentKind | null, params: Record<string, unknown>) => Promise<RetentionRow[]>;

/**
 * PostgreSQL's planner cannot see into the materialized CTEs, so it estimates the joins on them at
 * millions of rows: it would start JIT compilation (seconds) for a ~100k-row query, and sort both
 * sides of a merge join on the subject text (collation-aware, often spilling to disk) where
 * hashing the smaller side costs a third. The PostgreSQL store runs these reads with these settings.
 */
export const RETENTION_POSTGRES_SETTINGS = ['SET LOCAL jit = off', 'SET LOCAL enable_mergejoin = off'];

/**
 * The retention KPIs over `read`; `refresh` folds new events into the rollup before each read.
 * SQLite gets times and spans as BigInt, i.e. INTEGER: a JS number binds as REAL, and
 * `(t - from) / 86400000` would then divide exactly instead of giving the day index.
 */
export function sqlRetentionKpis(read: SqlReader, refresh: () => Awaitable<void>): RetentionKpiStore {
  const run = rollupReader(read, refresh);
  return {
    ...retentionKpis((name, segment, params) => run(`${name}:${segment}`, () => retentionSql(read.dialect, segment)[name], params)),
    async retentionSeries(projectId, { bounds, inactivityMs }) {
      const params = { projectId, inactivity: inactivityMs, ...Object.fromEntries(bounds.map((bound, i) => [`b${i}`, bound])) };
      const rows = await run(`retentionSeries:${bounds.length}`, () => retentionSeriesSql(read.dialect, bounds.length), params);
      return bounds.slice(1).map((_, i) => {
        const row = rows.find((r) => Number(r.period) === i);
        return { customersAtStart: Number(row?.at_start ?? 0), retained: Number(row?.retained ?? 0) };
      });
    },
  };
}

/**
 * Runs a statement over the rollup: `text` written once per `key` (numbered, kept), new events
 * folded in first (`refresh`), `@name` parameters bound from `params`.
 */
export function rollupReader(read: SqlReader, refresh: () => Awaitable<void>) {
  const statements = new Map<string, ReturnType<typeof numbered>>();
  const bind = (value: unknown) => (read.dialect === 'sqlite' && typeof value === 'number' ? BigInt(value) : value);
  return async (key: string, text: () => string, params: Record<string, unknown>): Promise<RetentionRow[]> => {
    let statement = statements.get(key);
    if (!statement) statements.set(key, (statement = numbered(text())));
    await refresh();
    return read.all<RetentionRow>(
      statement.text,
      statement.names.map((n) => bind(params[n])),
    );
  };
}

/** The retention KPIs over a store's `RunRetention`: parameters in, counts out. */
function retentionKpis(execute: RunRetention): Omit<RetentionKpiStore, 'retentionSeries'> {
  const run = (name: RetentionStatement, projectId: string, query: ActivityQuery, extra: Record<string, unknown> = {}, lo?: number) =>
    execute(name, query.segment?.kind ?? null, { ...scanParams(projectId, query, lo), ...extra });
  const num = (row: RetentionRow | undefined, column: string) => Number(row?.[column] ?? 0);

  return {
    async activeUserCounts(projectId, query) {
      const rows = await run('activeUsers', projectId, query);
      return rows.map((r) => ({ period: r.period as ActiveUserCount['period'], index: Number(r.idx), users: Number(r.users) }));
    },
    async retentionCounts(projectId, query) {
      const [row] = await run('retention', projectId, query, { inactivity: query.inactivityMs }, query.from.getTime() - query.inactivityMs);
      return { customersAtStart: num(row, 'at_start'), retained: num(row, 'retained') };
    },
    async cohortCounts(projectId, query) {
      const rows = await run('cohorts', projectId, query, { period: query.periodMs });
      return rows.map((r) => ({ cohort: Number(r.cohort), offset: Number(r.period_offset), users: Number(r.users) }));
    },
    async dropOffCounts(projectId, query) {
      const [row] = await run('dropOff', projectId, query, { firstDays: query.firstDaysMs });
      return { newUsers: num(row, 'new_users'), eligible: num(row, 'eligible'), returned: num(row, 'returned') };
    },
    async engagementCounts(projectId, query) {
      const [row] = await run('engagement', projectId, query, { event: query.event ?? null });
      return {
        activeUsers: num(row, 'active_users'),
        events: num(row, 'events'),
        activeDays: num(row, 'active_days'),
        adopters: num(row, 'adopters'),
        eventsSquared: num(row, 'events_squared'),
      };
    },
    async segmentUserIds(projectId, segment, to) {
      const rows = await run('segmentUsers', projectId, { from: to, to, segment });
      return rows.map((r) => String(r.user_id)).sort();
    },
  };
}
