import type { SqlReader } from '../sql/runner.js';
import { checklistRows } from './checklist-sql.js';
import type { KpiStore } from './kpi-store.js';
import { sqlProgramGroups } from './program-groups.js';
import { sqlRetentionKpis } from './retention-kpis.js';
import type { RollupKeeper } from './rollup-keeper.js';
import { segmentCustomers } from './segment-customers.js';

/**
 * `store.kpi` over either dialect: `rollups` folds new events into the rollup (on the writer's
 * side, `rollup-fold.ts`, in the background and a chunk before each read), the reads go through
 * `read` and, for the retention KPIs, `retentionRead` (PostgreSQL runs those with their own
 * planner settings).
 */
export function sqlKpiStore(read: SqlReader, rollups: RollupKeeper, retentionRead: SqlReader = read): KpiStore {
  return {
    ...sqlRetentionKpis(retentionRead, () => rollups.beforeRead()),
    ...sqlProgramGroups(retentionRead, () => rollups.beforeRead()),
    refreshRollups: () => rollups.catchUp(),
    rollupStatus: () => rollups.status(),
    checklistRows: checklistRows(read, () => rollups.beforeRead()),
    segmentCustomers: segmentCustomers(retentionRead, () => rollups.beforeRead()),
  };
}
