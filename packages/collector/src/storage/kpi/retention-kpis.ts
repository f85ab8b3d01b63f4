import type { ActiveUserCount } from '../../kpi/active-users.js';
import type { ActivityQuery, RetentionKpiStore } from './retention-store.js';
import { scanParams, type RetentionStatement } from './retention-sql.js';

/** Counts as either driver returns them (pg: COUNT is bigint and SUM numeric, so strings). */
export type RetentionRow = Record<string, string | number | bigint | null>;

/** Runs statement `name` of `retentionSql(dialect, segment)` with `@name` parameters. */
export type RunRetention = (name: RetentionStatement, segment: boolean, params: Record<string, unknown>) => Promise<RetentionRow[]>;

/** The retention KPIs over a store's `RunRetention`: parameters in, counts out. */
export function retentionKpis(execute: RunRetention): RetentionKpiStore {
  const run = (name: RetentionStatement, projectId: string, query: ActivityQuery, extra: Record<string, unknown> = {}, lo?: number) =>
    execute(name, query.segment !== undefined, { ...scanParams(projectId, query, lo), ...extra });
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
      return { activeUsers: num(row, 'active_users'), events: num(row, 'events'), activeDays: num(row, 'active_days'), adopters: num(row, 'adopters') };
    },
  };
}
