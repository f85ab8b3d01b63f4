import type { SqlReader } from '../sql/runner.js';
import { checklistRows } from './checklist-rollup-read.js';
import { checklistRowsFromEvents } from './checklist-sql.js';
import { checklistUpliftCounts } from './checklist-uplift-sql.js';
import type { DefinitionBuilds } from './definition-builds.js';
import type { KpiStore } from './kpi-store.js';
import { sqlProgramGroups } from './program-groups.js';
import { sqlRetentionKpis } from './retention-kpis.js';
import type { RollupKeeper } from './rollup-keeper.js';
import { segmentCustomers } from './segment-customers.js';

/**
 * `store.kpi` over either dialect: `rollups` folds new events into the rollup (on the writer's
 * side, `rollup-fold.ts`, in the background and a chunk before each read; `builds` are the
 * checklist rollup's definition builds, which its reads enqueue), the reads go through
 * `read` and, for the retention KPIs, `retentionRead` (PostgreSQL runs those with their own
 * planner settings).
 */
export function sqlKpiStore(read: SqlReader, rollups: RollupKeeper, builds: DefinitionBuilds, retentionRead: SqlReader = read): KpiStore {
  return {
    ...sqlRetentionKpis(retentionRead, () => rollups.beforeRead()),
    ...sqlProgramGroups(retentionRead, () => rollups.beforeRead()),
    refreshRollups: async () => {
      await rollups.catchUp();
      await builds.runDue();
    },
    rollupStatus: () => ({ ...rollups.status(), checklistItemsBuilding: builds.backlog() }),
    pruneItemDefinitions: (projectId, keep) => builds.prune(projectId, keep),
    checklistRows: checklistRows(
      read,
      (projectId, items) => builds.request(projectId, items),
      () => rollups.beforeRead(),
    ),
    checklistRowsFromEvents: checklistRowsFromEvents(read, () => rollups.beforeRead()),
    checklistUplift: checklistUpliftCounts(read, () => rollups.beforeRead()),
    segmentCustomers: segmentCustomers(retentionRead, () => rollups.beforeRead()),
  };
}
