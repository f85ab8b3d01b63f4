import type { Awaitable, SqlReader } from '../sql/runner.js';
import { programGroupSql, type ProgramGroupStatement } from './program-groups-sql.js';
import { rollupReader, type RetentionRow } from './retention-kpis.js';
import { scanParams } from './retention-sql.js';
import type { GroupCountRow, ProgramGroupKpiStore } from './retention-store.js';

/** One combination of group flags, as a row of either statement carries it. */
interface Flags {
  member: boolean;
  /** In the holdout, exposed, or (null) outside the experiment: no account under the account unit. */
  held: boolean | null;
  tier: number | null;
}

const flagsOf = (row: RetentionRow): Flags => ({
  member: Number(row.member) === 1,
  held: row.held === null || row.held === undefined ? null : Number(row.held) === 1,
  tier: row.tier === null || row.tier === undefined ? null : Number(row.tier),
});

/** `programGroupCounts` over `read`: two statements (three with an NPS survey), each row the counts of one flag combination. */
export function sqlProgramGroups(read: SqlReader, refresh: () => Awaitable<void>): ProgramGroupKpiStore {
  const run = rollupReader(read, refresh);
  const statement = (name: ProgramGroupStatement, params: Record<string, unknown>) =>
    run(name, () => programGroupSql(read.dialect)[name], params);
  return {
    async programGroupCounts(projectId, query) {
      const tiers: Record<string, number> = {};
      query.tiers.forEach((ids, index) => ids.forEach((id) => (tiers[id] = index)));
      const groups = {
        to: query.to.getTime(),
        holdout: JSON.stringify(query.holdout ?? []),
        byAccount: query.holdoutUnit === 'account' ? 1 : 0,
        tiers: JSON.stringify(tiers),
      };
      const lo = query.from.getTime() - query.inactivityMs;
      const survey = query.npsSurveyId ?? null;
      const [retention, engagement, nps] = await Promise.all([
        statement('groupRetention', { ...scanParams(projectId, query, lo), ...groups, inactivity: query.inactivityMs }),
        statement('groupEngagement', { ...scanParams(projectId, query), ...groups }),
        survey === null ? null : statement('groupNps', { projectId, from: query.from.getTime(), ...groups, surveyId: survey }),
      ]);
      // A group's counts: the sum over the flag combinations in it.
      const sum = (rows: RetentionRow[], inGroup: (flags: Flags) => boolean, column: string) =>
        rows.reduce((total, row) => total + (inGroup(flagsOf(row)) ? Number(row[column] ?? 0) : 0), 0);
      const group = (inGroup: (flags: Flags) => boolean): GroupCountRow => ({
        retention: { customersAtStart: sum(retention, inGroup, 'at_start'), retained: sum(retention, inGroup, 'retained') },
        engagement: {
          activeUsers: sum(engagement, inGroup, 'active_users'),
          events: sum(engagement, inGroup, 'events'),
          eventsSquared: sum(engagement, inGroup, 'events_squared'),
        },
        ...(nps && {
          nps: {
            responses: sum(nps, inGroup, 'responses'),
            promoters: sum(nps, inGroup, 'promoters'),
            detractors: sum(nps, inGroup, 'detractors'),
          },
        }),
      });
      return {
        identified: group(() => true),
        member: group((f) => f.member),
        nonMember: group((f) => !f.member),
        holdout: query.holdout ? group((f) => f.held === true) : null,
        exposed: query.holdout ? group((f) => f.held === false) : null,
        tiers: query.tiers.map((_, index) => group((f) => f.tier === index)),
      };
    },
    async holdoutUnits(projectId, unit) {
      const rows = await read.all<{ user_id: string; unit_id: string }>(
        unit === 'user'
          ? 'SELECT user_id, user_id AS unit_id FROM users WHERE project_id = $1'
          : 'SELECT user_id, account_id AS unit_id FROM account_members WHERE project_id = $1',
        [projectId],
      );
      return rows.map((row) => ({ userId: row.user_id, unitId: row.unit_id }));
    },
  };
}
