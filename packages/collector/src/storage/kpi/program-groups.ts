import type { SqlReader, Awaitable } from '../sql/runner.js';
import { programGroupSql, type ProgramGroupStatement } from './program-groups-sql.js';
import { rollupReader, type RetentionRow } from './retention-kpis.js';
import { scanParams } from './retention-sql.js';
import type { GroupCountRow, ProgramGroupKpiStore } from './retention-store.js';

/** `programGroupCounts` over `read`: two statements, each row one label's counts. */
export function sqlProgramGroups(read: SqlReader, refresh: () => Awaitable<void>): ProgramGroupKpiStore {
  const run = rollupReader(read, refresh);
  const statement = (name: ProgramGroupStatement, params: Record<string, unknown>) =>
    run(name, () => programGroupSql(read.dialect)[name], params);
  const byLabel = (rows: RetentionRow[]) => new Map(rows.map((row) => [String(row.grp), row]));
  const num = (row: RetentionRow | undefined, column: string) => Number(row?.[column] ?? 0);
  return {
    async programGroupCounts(projectId, query) {
      const tiers: Record<string, number> = {};
      query.tiers.forEach((ids, index) => ids.forEach((id) => (tiers[id] = index)));
      const groups = {
        to: query.to.getTime(),
        holdout: JSON.stringify(query.holdout ?? []),
        withHoldout: query.holdout ? 1 : 0,
        tiers: JSON.stringify(tiers),
      };
      const lo = query.from.getTime() - query.inactivityMs;
      const [retention, engagement] = await Promise.all([
        statement('groupRetention', { ...scanParams(projectId, query, lo), ...groups, inactivity: query.inactivityMs }).then(byLabel),
        statement('groupEngagement', { ...scanParams(projectId, query), ...groups }).then(byLabel),
      ]);
      const group = (label: string): GroupCountRow => {
        const r = retention.get(label);
        const e = engagement.get(label);
        return {
          retention: { customersAtStart: num(r, 'at_start'), retained: num(r, 'retained') },
          engagement: { activeUsers: num(e, 'active_users'), events: num(e, 'events'), eventsSquared: num(e, 'events_squared') },
        };
      };
      return {
        identified: group('identified'),
        member: group('member'),
        nonMember: group('non-member'),
        holdout: query.holdout ? group('holdout') : null,
        exposed: query.holdout ? group('exposed') : null,
        tiers: query.tiers.map((_, index) => group(`tier:${index}`)),
      };
    },
  };
}
