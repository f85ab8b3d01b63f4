import { heldBelow } from '../../domain/rewards/holdout.js';
import type { Awaitable, SqlReader } from '../sql/runner.js';
import { programAccountSql, type ProgramAccountStatement } from './program-accounts-sql.js';
import { programGroupSql, type ProgramGroupStatement } from './program-groups-sql.js';
import { rollupReader, type RetentionRow } from './retention-kpis.js';
import { scanParams } from './retention-sql.js';
import type { GroupCountRow, ProgramGroupKpiStore } from './retention-store.js';

/** One combination of group flags, as a row of the user statements carries it. */
interface Flags {
  member: boolean;
  /** In the holdout, exposed, or (null) outside the experiment (a customer of the other unit). */
  held: boolean | null;
  tier: number | null;
}

const flagsOf = (row: RetentionRow): Flags => ({
  member: Number(row.member) === 1,
  held: row.held === null || row.held === undefined ? null : Number(row.held) === 1,
  tier: row.tier === null || row.tier === undefined ? null : Number(row.tier),
});

const num = (row: RetentionRow, column: string) => Number(row[column] ?? 0);

/** The rows of each statement behind the groups; null for a statement not run. */
interface GroupRows {
  retention: RetentionRow[];
  engagement: RetentionRow[];
  nps: RetentionRow[] | null;
  revenue: RetentionRow[] | null;
  /** The NPS rows are per account (with the sums of the clustered interval). */
  clustered: boolean;
}

/** A group's counts: the sums over the rows (flag combinations) it keeps. */
function groupOf({ retention, engagement, nps, revenue, clustered }: GroupRows, keep: (row: RetentionRow) => boolean): GroupCountRow {
  const sum = (list: RetentionRow[], column: string) => list.reduce((total, row) => total + (keep(row) ? num(row, column) : 0), 0);
  const group: GroupCountRow = {
    retention: { customersAtStart: sum(retention, 'at_start'), retained: sum(retention, 'retained') },
    engagement: { active: sum(engagement, 'active'), events: sum(engagement, 'events'), eventsSquared: sum(engagement, 'events_squared') },
  };
  if (nps)
    group.nps = {
      responses: sum(nps, 'responses'),
      promoters: sum(nps, 'promoters'),
      detractors: sum(nps, 'detractors'),
      ...(clustered && {
        clusters: {
          accounts: sum(nps, 'accounts'),
          responsesSquared: sum(nps, 'responses_squared'),
          netSquared: sum(nps, 'net_squared'),
          netByResponses: sum(nps, 'net_by_responses'),
        },
      }),
    };
  if (revenue)
    group.revenue = {
      payingAtEnd: sum(revenue, 'paying_end'),
      // Exact: ARPA and CLV are computed from it in bigint fractions.
      endArr: revenue.reduce((total, row) => total + (keep(row) ? BigInt(String(row.end_arr ?? 0)) : 0n), 0n),
      endArrSquared: sum(revenue, 'end_arr_squared'),
      payingAtStart: sum(revenue, 'paying_start'),
      lost: sum(revenue, 'lost'),
    };
  return group;
}

/**
 * `programGroupCounts` over `read`: one statement for the user metrics (retention, engagement,
 * NPS) and, with revenue, one for the revenue customers, each row the counts of one flag
 * combination; under an account-unit holdout three more give exposed and held-out accounts
 * (program-accounts-sql.ts).
 */
export function sqlProgramGroups(read: SqlReader, refresh: () => Awaitable<void>): ProgramGroupKpiStore {
  const run = rollupReader(read, refresh);
  const sql = () => ({ ...programGroupSql(read.dialect), ...programAccountSql(read.dialect) });
  const statement = (name: ProgramGroupStatement | ProgramAccountStatement, params: Record<string, unknown>) =>
    run(name, () => sql()[name], params);
  return {
    async programGroupCounts(projectId, query) {
      const byAccount = query.holdout?.unit === 'account';
      const groups = {
        to: query.to.getTime(),
        // Integer buckets: below a fractional bound is below its ceiling, alike on both stores.
        heldBelow: query.holdout ? Math.ceil(heldBelow(query.holdout.percent)) : 0,
        byAccount: byAccount ? 1 : 0,
        tierMins: JSON.stringify(query.tierMinPoints),
      };
      const lo = query.from.getTime() - query.inactivityMs;
      const survey = query.npsSurveyId ?? null;
      const nps = { projectId, from: query.from.getTime(), ...groups, surveyId: survey };
      const retentionScan = { ...scanParams(projectId, query, lo), ...groups, inactivity: query.inactivityMs };
      const [rows, revenue, accountRows] = await Promise.all([
        statement('groupUsers', { ...scanParams(projectId, query), ...groups, inactivity: query.inactivityMs, surveyId: survey }),
        query.revenue ? statement('groupRevenue', { projectId, from: query.from.getTime(), ...groups }) : null,
        byAccount
          ? Promise.all([
              statement('accountRetention', retentionScan),
              statement('accountEngagement', { ...scanParams(projectId, query), ...groups }),
              survey === null ? null : statement('accountNps', nps),
            ])
          : null,
      ]);
      // One row set for the user metrics: each row fills its own metric's columns, the others are 0.
      const users: GroupRows = { retention: rows, engagement: rows, nps: survey === null ? null : rows, revenue, clustered: false };
      const group = (inGroup: (flags: Flags) => boolean) => groupOf(users, (row) => inGroup(flagsOf(row)));
      // Under the account unit, exposed and held-out accounts: their own statements, and the revenue rows' account customers.
      const accounts: GroupRows | null = accountRows && {
        retention: accountRows[0],
        engagement: accountRows[1],
        nps: accountRows[2],
        revenue,
        clustered: true,
      };
      const held = (value: boolean) =>
        accounts ? groupOf(accounts, (row) => flagsOf(row).held === value) : group((f) => f.held === value);
      return {
        identified: group(() => true),
        member: group((f) => f.member),
        nonMember: group((f) => !f.member),
        holdout: query.holdout ? held(true) : null,
        exposed: query.holdout ? held(false) : null,
        // The members below every tier, then each tier (none without tiers).
        tiers: query.tierMinPoints.length === 0 ? [] : [null, ...query.tierMinPoints].map((_, index) => group((f) => f.tier === index)),
      };
    },
  };
}
