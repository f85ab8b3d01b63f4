import { randomInt } from 'node:crypto';
import { insertJob } from './jobs/job-sql.js';
import { appendLogic, attachReferralLogic, earnLogic, expireUserLogic, redeemLogic, settleLogic } from './rewards-logic.js';
import {
  ENTRY_COLUMNS,
  REDEMPTION_COLUMNS,
  REFERRAL_COLUMNS,
  toEntry,
  toRedemption,
  ledgerOps,
  toReferral,
  type EntryRow,
  type RedemptionRow,
  type ReferralRow,
} from './rewards-sql.js';
import type { RewardsStore } from './rewards-store.js';
import type { SqlReader, SqlRunner } from './sql/runner.js';
import { ask, type Transact, type TxLogic } from './sql/transaction.js';

/**
 * PostgreSQL races the row locks cannot prevent, retried from the start: the same new idempotency
 * key used for two *different* users (unique violation; the retry then sees the winner's entry
 * and answers 409) and deadlocks between a user lock and an item lock.
 */
export const REWARDS_POSTGRES_RETRY: ReadonlySet<string> = new Set(['23505', '40P01']);

/** Unambiguous when read aloud or typed: no 0/O, 1/I/L. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

function* codeLogic(sql: SqlRunner, projectId: string, userId: string): TxLogic<string> {
  const select = () =>
    ask(sql.all<{ code: string }>('SELECT code FROM reward_referral_codes WHERE project_id = $1 AND user_id = $2', [projectId, userId]));
  // A new code may collide with another user's (unique per project): try another.
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = yield* select();
    if (row) return row.code;
    yield* ask(
      sql.all('INSERT INTO reward_referral_codes (project_id, user_id, code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        projectId,
        userId,
        newCode(),
      ]),
    );
  }
  throw new Error('could not allocate a unique referral code');
}

/**
 * The rewards store over either dialect: `transact` for writes, `read` for plain reads, `kpiRead`
 * for the KPI's reads (a store may run them away from its event loop).
 */
export function createSqlRewardsStore(transact: Transact, read: SqlReader, kpiRead: SqlReader = read): RewardsStore {
  const all = async <T>(sql: string, params: unknown[]) => await read.all<T>(sql, params);
  const kpiAll = async <T>(sql: string, params: unknown[]) => await kpiRead.all<T>(sql, params);
  const entryRows = (projectId: string, from: number, to: number) =>
    kpiAll<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM reward_entries WHERE project_id = $1 AND created_at >= $2 AND created_at < $3 ORDER BY created_at`,
      [projectId, kpiRead.time(from), kpiRead.time(to)],
    );
  const users = async (projectId: string, cutoff: number) =>
    (
      await all<{ user_id: string }>(
        'SELECT DISTINCT user_id FROM reward_entries WHERE project_id = $1 AND amount > 0 AND created_at < $2',
        [projectId, read.time(cutoff)],
      )
    ).map((row) => row.user_id);

  return {
    append: (entry) => transact((sql) => appendLogic(ledgerOps(sql), entry)),
    earn: (entry, caps) => transact((sql) => earnLogic(ledgerOps(sql), entry, caps)),
    redeem: (request, jobsFor) =>
      transact(function* (sql) {
        const result = yield* redeemLogic(ledgerOps(sql), request);
        if (result.status === 'created') for (const job of jobsFor?.(result.redemption) ?? []) yield* ask(insertJob(sql, job, request.at));
        return result;
      }),
    settle: (projectId, id, outcome, at, reason) =>
      transact((sql) => settleLogic(ledgerOps(sql), projectId, id, outcome, at, reason ?? null)),
    attachReferral: (projectId, code, referred, at) =>
      transact((sql) => attachReferralLogic(ledgerOps(sql), projectId, code, referred, at)),
    referralCode: (projectId, userId) => transact((sql) => codeLogic(sql, projectId, userId)),
    markReferralConverted: (projectId, referred, at) =>
      transact(function* (sql) {
        yield* ask(
          sql.all(
            'UPDATE reward_referrals SET converted_at = $3 WHERE project_id = $1 AND referred_user_id = $2 AND converted_at IS NULL',
            [projectId, referred, sql.time(at)],
          ),
        );
      }),
    async expire(projectId, cutoff, at) {
      let written = 0;
      // One short transaction per user: expiry never holds many users' locks at once.
      for (const userId of await users(projectId, cutoff)) {
        if (await transact((sql) => expireUserLogic(ledgerOps(sql), projectId, userId, cutoff, at))) written += 1;
      }
      return written;
    },
    async balance(projectId, userId) {
      const [row] = await all<{ balance: number | string; lifetime: number | string }>(
        'SELECT balance, lifetime FROM reward_balances WHERE project_id = $1 AND user_id = $2',
        [projectId, userId],
      );
      return { balance: Number(row?.balance ?? 0), lifetime: Number(row?.lifetime ?? 0) };
    },
    async entries(projectId, userId, limit = 100) {
      const order = read.dialect === 'postgres' ? 'seq' : 'rowid';
      const rows = await all<EntryRow>(
        `SELECT ${ENTRY_COLUMNS} FROM reward_entries WHERE project_id = $1 AND user_id = $2 ORDER BY created_at DESC, ${order} DESC LIMIT $3`,
        [projectId, userId, limit],
      );
      return rows.map(toEntry);
    },
    async ruleCounts(projectId, userId) {
      const rows = await all<{ rule_id: string; n: number | string }>(
        'SELECT rule_id, count(*) AS n FROM reward_entries WHERE project_id = $1 AND user_id = $2 AND rule_id IS NOT NULL GROUP BY rule_id',
        [projectId, userId],
      );
      return new Map(rows.map((row) => [row.rule_id, Number(row.n)]));
    },
    async redemptions(projectId, userId) {
      const rows = await all<RedemptionRow>(
        `SELECT ${REDEMPTION_COLUMNS} FROM reward_redemptions WHERE project_id = $1 AND user_id = $2 ORDER BY created_at DESC, id`,
        [projectId, userId],
      );
      return rows.map(toRedemption);
    },
    async itemUsage(projectId, userId) {
      const rows = await all<{ item_id: string; total: number | string; mine: number | string }>(
        `SELECT item_id, count(*) AS total, sum(CASE WHEN user_id = $2 THEN 1 ELSE 0 END) AS mine
         FROM reward_redemptions WHERE project_id = $1 AND status <> 'failed' GROUP BY item_id`,
        [projectId, userId],
      );
      return { total: new Map(rows.map((r) => [r.item_id, Number(r.total)])), mine: new Map(rows.map((r) => [r.item_id, Number(r.mine)])) };
    },
    async referralOf(projectId, referred) {
      const [row] = await all<ReferralRow>(
        `SELECT ${REFERRAL_COLUMNS} FROM reward_referrals WHERE project_id = $1 AND referred_user_id = $2`,
        [projectId, referred],
      );
      return row ? toReferral(row) : null;
    },
    async entriesBetween(projectId, from, to) {
      return (await entryRows(projectId, from, to)).map(toEntry);
    },
    async activity(projectId, from, to) {
      const range = [projectId, kpiRead.time(from), kpiRead.time(to)];
      const [entries, redemptions, referrals, balances] = await Promise.all([
        entryRows(projectId, from, to),
        kpiAll<RedemptionRow>(
          `SELECT ${REDEMPTION_COLUMNS} FROM reward_redemptions WHERE project_id = $1 AND created_at >= $2 AND created_at < $3 ORDER BY created_at`,
          range,
        ),
        kpiAll<ReferralRow>(`SELECT ${REFERRAL_COLUMNS} FROM reward_referrals WHERE project_id = $1 ORDER BY created_at`, [projectId]),
        kpiAll<{ user_id: string; lifetime: number | string; balance: number | string }>(
          'SELECT user_id, lifetime, balance FROM reward_balances WHERE project_id = $1',
          [projectId],
        ),
      ]);
      return {
        entries: entries.map(toEntry),
        redemptions: redemptions.map(toRedemption),
        referrals: referrals.map(toReferral),
        lifetimes: new Map(balances.map((b) => [b.user_id, Number(b.lifetime)])),
        outstanding: balances.reduce((total, b) => total + Number(b.balance), 0),
      };
    },
  };
}
