import { rewardsHoldoutBucket } from '../../domain/rewards/holdout.js';
import type { AccountDetail, JsonValue } from '@hearth/schema';
import type { Membership } from '../../domain/accounts/active-account.js';
import { placeholders, readJson } from '../sql/dialect.js';
import { ask, type Transact } from '../sql/transaction.js';
import { rollupReader } from '../kpi/retention-kpis.js';
import { scanParams } from '../kpi/retention-sql.js';
import type { Awaitable, SqlReader } from '../sql/runner.js';
import { accountKpiSql, type AccountKpiStatement } from './account-kpi-sql.js';
import type { ActiveAccountCount } from '../../kpi/accounts.js';
import type { AccountStore } from './account-store.js';

type Time = number | Date;
type Traits = Record<string, JsonValue>;
const ms = (time: Time) => new Date(time).getTime();
const iso = (time: Time | null) => (time === null ? null : new Date(time).toISOString());

interface SummaryRow {
  account_id: string;
  traits: string | Traits;
  created_at: Time;
  members: number | string;
  last_seen: Time | null;
}

/** One account row with its member count and its members' newest activity (the console's list). */
const SUMMARY = `SELECT a.account_id, a.traits, a.created_at,
    (SELECT count(*) FROM account_members m WHERE m.project_id = a.project_id AND m.account_id = a.account_id) AS members,
    (SELECT max(u.last_seen) FROM account_members m JOIN users u ON u.project_id = m.project_id AND u.user_id = m.user_id
      WHERE m.project_id = a.project_id AND m.account_id = a.account_id) AS last_seen
  FROM accounts a`;

const toSummary = (row: SummaryRow) => ({
  accountId: row.account_id,
  traits: readJson<Traits>(row.traits),
  createdAt: iso(row.created_at)!,
  members: Number(row.members),
  lastActiveAt: iso(row.last_seen),
});

/** The account KPIs' reads of the account activity rollup: `read` runs them, `refresh` folds new events in first. */
export interface AccountRollupReads {
  read: SqlReader;
  refresh: () => Awaitable<void>;
}

/**
 * Every membership of these users. The event writer reads them inside its transaction (see
 * `NewEvent.activeAccount`), through that transaction's runner.
 */
export async function membershipsOf(sql: SqlReader, projectId: string, userIds: readonly string[]): Promise<Membership[]> {
  if (userIds.length === 0) return [];
  const rows = await sql.all<{ user_id: string; account_id: string; active_at: Time }>(
    `SELECT user_id, account_id, active_at FROM account_members WHERE project_id = $1 AND user_id IN (${placeholders(2, userIds.length)})`,
    [projectId, ...userIds],
  );
  return rows.map((row) => ({ userId: row.user_id, accountId: row.account_id, activeAt: ms(row.active_at) }));
}

/**
 * The accounts sub-store over either dialect: writes through `transact`, look-ups through `sql`,
 * the KPIs' scans through `kpiRead` (SQLite's KPI reader process) and `rollupReads`.
 */
export function createSqlAccountStore(
  transact: Transact,
  sql: SqlReader,
  kpiRead: SqlReader,
  rollupReads: AccountRollupReads,
): AccountStore {
  const run = rollupReader(rollupReads.read, rollupReads.refresh);
  const rollup = (name: AccountKpiStatement, params: Record<string, unknown>) =>
    run(name, () => accountKpiSql(rollupReads.read.dialect)[name], params);
  return {
    setTraits: (projectId, accountId, traits, at) =>
      transact(function* (tx) {
        const rows = yield* ask(
          tx.all<{ traits: string | Traits; traits_at: Time }>(
            'SELECT traits, traits_at FROM accounts WHERE project_id = $1 AND account_id = $2',
            [projectId, accountId],
          ),
        );
        const stored = rows[0];
        // A late-arriving older signature must not undo newer traits (like users.traits_at).
        if (stored && ms(stored.traits_at) > at) return;
        // Shallow merge: a trait sent replaces that trait; traits left out are kept.
        const merged = JSON.stringify({ ...(stored ? readJson<Traits>(stored.traits) : {}), ...traits });
        yield* ask(
          tx.run(
            `INSERT INTO accounts (project_id, account_id, traits, traits_at, created_at, holdout_bucket) VALUES ($1, $2, $3, $4, $4, $5)
             ON CONFLICT (project_id, account_id) DO UPDATE SET traits = excluded.traits, traits_at = excluded.traits_at`,
            [projectId, accountId, merged, tx.time(at), rewardsHoldoutBucket(projectId, accountId)],
          ),
        );
      }),
    addMember: (projectId, accountId, userId, { joinedAt, activeAt }) =>
      transact(function* (tx) {
        yield* ask(
          tx.run(
            `INSERT INTO accounts (project_id, account_id, created_at, holdout_bucket) VALUES ($1, $2, $3, $4)
             ON CONFLICT (project_id, account_id) DO NOTHING`,
            [projectId, accountId, tx.time(joinedAt), rewardsHoldoutBucket(projectId, accountId)],
          ),
        );
        // Earliest join and latest activation win, so retries and late calls cannot move them back.
        yield* ask(
          tx.run(
            `INSERT INTO account_members (project_id, account_id, user_id, joined_at, active_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (project_id, account_id, user_id) DO UPDATE SET
               joined_at = CASE WHEN excluded.joined_at < account_members.joined_at THEN excluded.joined_at ELSE account_members.joined_at END,
               active_at = CASE WHEN excluded.active_at > account_members.active_at THEN excluded.active_at ELSE account_members.active_at END`,
            [projectId, accountId, userId, tx.time(joinedAt), tx.time(activeAt)],
          ),
        );
      }),
    removeMember: (projectId, accountId, userId) =>
      transact(function* (tx) {
        const changed = yield* ask(
          tx.run('DELETE FROM account_members WHERE project_id = $1 AND account_id = $2 AND user_id = $3', [projectId, accountId, userId]),
        );
        return changed > 0;
      }),
    async accountsOf(projectId, userId) {
      const rows = await sql.all<{ account_id: string; traits: string | Traits; active_at: Time }>(
        `SELECT m.account_id, a.traits, m.active_at FROM account_members m
         JOIN accounts a ON a.project_id = m.project_id AND a.account_id = m.account_id
         WHERE m.project_id = $1 AND m.user_id = $2 ORDER BY m.active_at DESC, m.account_id`,
        [projectId, userId],
      );
      return rows.map((row) => ({ accountId: row.account_id, traits: readJson<Traits>(row.traits), activeAt: ms(row.active_at) }));
    },
    async activeMembers(projectId, accountId, since) {
      const rows = await sql.all<{ n: number | string }>(
        `SELECT count(*) AS n FROM account_members m JOIN users u ON u.project_id = m.project_id AND u.user_id = m.user_id
         WHERE m.project_id = $1 AND m.account_id = $2 AND u.last_seen >= $3`,
        [projectId, accountId, sql.time(since)],
      );
      return Number(rows[0]?.n ?? 0);
    },
    async list(projectId, query) {
      const params: unknown[] = [projectId];
      const where = ['a.project_id = $1'];
      const param = (value: unknown) => (params.push(value), `$${params.length}`);
      if (query.idPrefix) {
        const prefix = param(query.idPrefix);
        where.push(`substr(a.account_id, 1, length(${prefix})) = ${prefix}`);
      }
      if (query.after !== undefined) where.push(`a.account_id > ${param(query.after)}`);
      // One extra row tells whether there is a next page.
      const limit = param(query.limit + 1);
      const rows = (await sql.all<SummaryRow>(`${SUMMARY} WHERE ${where.join(' AND ')} ORDER BY a.account_id LIMIT ${limit}`, params)).map(
        toSummary,
      );
      const accounts = rows.slice(0, query.limit);
      return { accounts, nextAfter: rows.length > query.limit ? (accounts.at(-1)?.accountId ?? null) : null };
    },
    async get(projectId, accountId): Promise<AccountDetail | null> {
      const [row] = await sql.all<SummaryRow>(`${SUMMARY} WHERE a.project_id = $1 AND a.account_id = $2`, [projectId, accountId]);
      if (!row) return null;
      const members = await sql.all<{ user_id: string; joined_at: Time; active_at: Time; last_seen: Time | null }>(
        `SELECT m.user_id, m.joined_at, m.active_at, u.last_seen FROM account_members m
         LEFT JOIN users u ON u.project_id = m.project_id AND u.user_id = m.user_id
         WHERE m.project_id = $1 AND m.account_id = $2 ORDER BY m.joined_at, m.user_id`,
        [projectId, accountId],
      );
      return {
        ...toSummary(row),
        memberList: members.map((m) => ({
          userId: m.user_id,
          joinedAt: iso(m.joined_at)!,
          activeAt: iso(m.active_at)!,
          lastSeen: iso(m.last_seen),
        })),
      };
    },
    async activeAccountCounts(projectId, range) {
      const rows = await rollup('active', scanParams(projectId, range));
      return rows.map((r) => ({ period: r.period as ActiveAccountCount['period'], index: Number(r.idx), accounts: Number(r.accounts) }));
    },
    async churnAccounts(projectId, range, inactivityMs) {
      const params = { ...scanParams(projectId, range, range.from.getTime() - inactivityMs), inactivity: inactivityMs };
      const rows = await rollup('churn', params);
      return rows.map((r) => ({ accountId: String(r.account_id), activeAtEnd: Number(r.active_end) === 1 }));
    },
    async accountCohortCounts(projectId, range, periodMs) {
      const rows = await rollup('cohorts', { ...scanParams(projectId, range), period: periodMs });
      return rows.map((r) => ({ cohort: Number(r.cohort), offset: Number(r.period_offset), accounts: Number(r.accounts) }));
    },
    async npsAnswers(projectId, from, to) {
      const rows = await kpiRead.all<{ account_id: string; answer: string | { type: string; score?: number } }>(
        `SELECT m.account_id, r.answer FROM survey_responses r
         JOIN account_members m ON m.project_id = r.project_id AND m.user_id = r.user_id
         WHERE r.project_id = $1 AND NOT r.anonymous AND r.answered_at >= $2 AND r.answered_at < $3
         ORDER BY m.account_id`,
        [projectId, kpiRead.time(from), kpiRead.time(to)],
      );
      return rows.flatMap((row) => {
        const answer = readJson<{ type: string; score?: number }>(row.answer);
        return answer.type === 'nps' && typeof answer.score === 'number' ? [{ accountId: row.account_id, score: answer.score }] : [];
      });
    },
    async createdAt(projectId, to) {
      const rows = await kpiRead.all<{ account_id: string; created_at: Time }>(
        'SELECT account_id, created_at FROM accounts WHERE project_id = $1 AND created_at < $2 ORDER BY account_id',
        [projectId, kpiRead.time(to)],
      );
      return rows.map((row) => ({ accountId: row.account_id, createdAt: ms(row.created_at) }));
    },
  };
}
