import type { Awaitable, SqlReader } from '../sql/runner.js';
import { checklistRows } from './checklist-sql.js';
import type { KpiStore } from './kpi-store.js';
import { sqlRetentionKpis } from './retention-kpis.js';

/**
 * `store.kpi` over either dialect: `refresh` folds new events into the rollup (on the writer's
 * side, `rollup-fold.ts`), the reads go through `read` and, for the retention KPIs, `retentionRead`
 * (PostgreSQL runs those with their own planner settings).
 */
export function sqlKpiStore(read: SqlReader, refresh: () => Awaitable<void>, retentionRead: SqlReader = read): KpiStore {
  return {
    ...sqlRetentionKpis(retentionRead, refresh),
    async refreshRollups() {
      await refresh();
    },
    checklistRows: checklistRows(read),
  };
}
