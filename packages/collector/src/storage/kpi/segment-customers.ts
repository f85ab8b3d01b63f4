import type { KpiSegment } from '../../kpi/segment.js';
import type { Awaitable, SqlReader } from '../sql/runner.js';
import { rollupReader } from './retention-kpis.js';
import { retentionSql, scanParams } from './retention-sql.js';

/** The revenue customers in a segment: the users in it and the accounts it holds, ids sorted. */
export interface SegmentCustomers {
  userIds: string[];
  accountIds: string[];
}

/**
 * `KpiStore.segmentCustomers` over `read`: one statement per segment kind, the users through the
 * KPIs' one segment filter and the accounts by the account rules beside it (segment-sql.ts);
 * `refresh` folds new events into the rollup the at-risk rule reads.
 */
export function segmentCustomers(read: SqlReader, refresh: () => Awaitable<void>) {
  const run = rollupReader(read, refresh);
  return async (projectId: string, segment: KpiSegment, to: Date): Promise<SegmentCustomers> => {
    const rows = await run(
      `segmentCustomers:${segment.kind}`,
      () => retentionSql(read.dialect, segment.kind).segmentCustomers,
      scanParams(projectId, { from: to, to, segment }),
    );
    const ids = (kind: string) =>
      rows
        .filter((r) => r.kind === kind)
        .map((r) => String(r.id))
        .sort();
    return { userIds: ids('user'), accountIds: ids('account') };
  };
}
