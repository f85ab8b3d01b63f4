import type { LedgerOps } from './rewards-ops.js';
import type { RedemptionStatus, StoredEntry, StoredRedemption, StoredReferral } from '../domain/rewards/ledger.js';
import { andThen, type Awaitable, type SqlRunner } from './sql/runner.js';

/** SQLite hands back epoch ms, Postgres `Date`; Postgres hands bigint and sums back as strings. */
type Time = number | Date;
type Int = number | string;

const iso = (time: Time): string => new Date(time).toISOString();

export interface EntryRow {
  id: string;
  user_id: string;
  amount: Int;
  reason: string;
  rule_id: string | null;
  created_at: Time;
}
export interface RedemptionRow {
  id: string;
  user_id: string;
  item_id: string;
  cost: Int;
  status: RedemptionStatus;
  created_at: Time;
  settled_at: Time | null;
  failure_reason: string | null;
}
export interface ReferralRow {
  referrer_user_id: string;
  referred_user_id: string;
  created_at: Time;
  converted_at: Time | null;
}

export const ENTRY_COLUMNS = 'id, user_id, amount, reason, rule_id, created_at';
export const REDEMPTION_COLUMNS = 'id, user_id, item_id, cost, status, created_at, settled_at, failure_reason';
export const REFERRAL_COLUMNS = 'referrer_user_id, referred_user_id, created_at, converted_at';

export const toEntry = (row: EntryRow): StoredEntry => ({
  id: row.id,
  userId: row.user_id,
  amount: Number(row.amount),
  reason: row.reason,
  ruleId: row.rule_id,
  at: iso(row.created_at),
});
export const toRedemption = (row: RedemptionRow): StoredRedemption => ({
  id: row.id,
  userId: row.user_id,
  itemId: row.item_id,
  cost: Number(row.cost),
  status: row.status,
  createdAt: iso(row.created_at),
  settledAt: row.settled_at === null ? null : iso(row.settled_at),
  failureReason: row.failure_reason,
});
export const toReferral = (row: ReferralRow): StoredReferral => ({
  referrerUserId: row.referrer_user_id,
  referredUserId: row.referred_user_id,
  createdAt: iso(row.created_at),
  convertedAt: row.converted_at === null ? null : iso(row.converted_at),
});

const first = <T, U>(rows: Awaitable<T[]>, map: (row: T) => U): Awaitable<U | null> => andThen(rows, (r) => (r[0] ? map(r[0]) : null));
const count = (rows: Awaitable<{ n: Int }[]>): Awaitable<number> => andThen(rows, (r) => Number(r[0]?.n ?? 0));

/** The ledger's SQL, for either store, run inside the caller's transaction. */
export function ledgerOps(sql: SqlRunner): LedgerOps {
  const { time } = sql;
  const forUpdate = sql.dialect === 'postgres' ? ' FOR UPDATE' : '';
  return {
    lockBalance(projectId, userId) {
      const created = sql.all(
        'INSERT INTO reward_balances (project_id, user_id, balance, lifetime) VALUES ($1, $2, 0, 0) ON CONFLICT DO NOTHING',
        [projectId, userId],
      );
      const select = () =>
        sql.all<{ balance: Int; lifetime: Int }>(
          `SELECT balance, lifetime FROM reward_balances WHERE project_id = $1 AND user_id = $2${forUpdate}`,
          [projectId, userId],
        );
      const rows = created instanceof Promise ? created.then(select) : select();
      return andThen(rows, (r) => ({ balance: Number(r[0]!.balance), lifetime: Number(r[0]!.lifetime) }));
    },
    setBalance: (projectId, userId, { balance, lifetime }) =>
      andThen(
        sql.all('UPDATE reward_balances SET balance = $3, lifetime = $4 WHERE project_id = $1 AND user_id = $2', [
          projectId,
          userId,
          balance,
          lifetime,
        ]),
        () => undefined,
      ),
    lockName: (projectId, name) =>
      sql.dialect === 'postgres'
        ? andThen(sql.all('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${projectId}/${name}`]), () => undefined)
        : undefined,
    getEntry: (projectId, id) =>
      first(sql.all<EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM reward_entries WHERE project_id = $1 AND id = $2`, [projectId, id]), toEntry),
    insertEntry: (projectId, e) =>
      andThen(
        sql.all(
          'INSERT INTO reward_entries (project_id, id, user_id, amount, reason, rule_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [projectId, e.id, e.userId, e.amount, e.reason, e.ruleId, time(e.at)],
        ),
        () => undefined,
      ),
    countRuleEntries: (projectId, userId, ruleId, since) =>
      count(
        sql.all('SELECT count(*) AS n FROM reward_entries WHERE project_id = $1 AND user_id = $2 AND rule_id = $3 AND created_at >= $4', [
          projectId,
          userId,
          ruleId,
          time(since),
        ]),
      ),
    getRedemption: (projectId, id) =>
      first(
        sql.all<RedemptionRow>(`SELECT ${REDEMPTION_COLUMNS} FROM reward_redemptions WHERE project_id = $1 AND id = $2`, [projectId, id]),
        toRedemption,
      ),
    insertRedemption: (projectId, r) =>
      andThen(
        sql.all(
          "INSERT INTO reward_redemptions (project_id, id, user_id, item_id, cost, status, created_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6)",
          [projectId, r.id, r.userId, r.itemId, r.cost, time(r.at)],
        ),
        () => undefined,
      ),
    countRedemptions: (projectId, itemId, userId) =>
      count(
        userId === null
          ? sql.all("SELECT count(*) AS n FROM reward_redemptions WHERE project_id = $1 AND item_id = $2 AND status <> 'failed'", [
              projectId,
              itemId,
            ])
          : sql.all(
              "SELECT count(*) AS n FROM reward_redemptions WHERE project_id = $1 AND item_id = $2 AND user_id = $3 AND status <> 'failed'",
              [projectId, itemId, userId],
            ),
      ),
    settleRedemption: (projectId, id, status, at, reason) =>
      andThen(
        sql.all('UPDATE reward_redemptions SET status = $3, settled_at = $4, failure_reason = $5 WHERE project_id = $1 AND id = $2', [
          projectId,
          id,
          status,
          time(at),
          reason,
        ]),
        () => undefined,
      ),
    userOfCode: (projectId, code) =>
      first(
        sql.all<{ user_id: string }>('SELECT user_id FROM reward_referral_codes WHERE project_id = $1 AND code = $2', [projectId, code]),
        (r) => r.user_id,
      ),
    getReferral: (projectId, referred) =>
      first(
        sql.all<ReferralRow>(`SELECT ${REFERRAL_COLUMNS} FROM reward_referrals WHERE project_id = $1 AND referred_user_id = $2`, [
          projectId,
          referred,
        ]),
        toReferral,
      ),
    insertReferral: (projectId, referrer, referred, at) =>
      andThen(
        sql.all('INSERT INTO reward_referrals (project_id, referred_user_id, referrer_user_id, created_at) VALUES ($1, $2, $3, $4)', [
          projectId,
          referred,
          referrer,
          time(at),
        ]),
        () => undefined,
      ),
    expirySums: (projectId, userId, cutoff) =>
      andThen(
        sql.all<{ old_earned: Int | null; debited: Int | null }>(
          `SELECT sum(CASE WHEN amount > 0 AND created_at < $3 THEN amount ELSE 0 END) AS old_earned,
                  sum(CASE WHEN amount < 0 THEN -amount ELSE 0 END) AS debited
           FROM reward_entries WHERE project_id = $1 AND user_id = $2`,
          [projectId, userId, time(cutoff)],
        ),
        (rows) => ({ oldEarned: Number(rows[0]?.old_earned ?? 0), debited: Number(rows[0]?.debited ?? 0) }),
      ),
  };
}
