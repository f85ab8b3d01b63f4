import { randomUUID } from 'node:crypto';
import { SUBJECT_ROLLUP_TABLES } from '../kpi/rollup-sql.js';
import type { SqlRunner } from '../sql/runner.js';
import { ask, type TxLogic } from '../sql/transaction.js';
import type { ErasureCounts } from './user-store.js';

/** Ledger ids whose suffix is a redemption id: `redeem:<id>`, `refund:<id>` (the KPIs read the prefix). */
const REDEMPTION_KINDS = new Set(['redeem', 'refund']);
/** What an anonymised entry's reason becomes: adjustments can carry free text naming the person. */
const ANONYMISED_REASON = 'Deleted user';

/**
 * One user's erasure, inside the caller's transaction (written once for both dialects, driven
 * synchronously on SQLite and asynchronously on Postgres, like the rewards logic).
 *
 * Deleted: events (attributed to the user, or sent anonymously under one of their anonymous ids —
 * display history and announcement read state are such events; what another user sent under that
 * id is theirs), identity links, the profile (with trusted traits and checklist holdout groups), survey
 * responses (also those answered before `identify`, under an anonymous id) and the referral code.
 *
 * Anonymised, not deleted: the points ledger, redemptions, balance and referral rows. They are
 * accounting (points issued and redeemed, item stock, expiry), so each row keeps its amount, time,
 * rule and kind, but the user id becomes a random `deleted_<uuid>` stored nowhere else, ids that
 * embedded the user id or a client key are rewritten, and free-text reasons are replaced.
 */
export function* eraseLogic(sql: SqlRunner, projectId: string, userId: string): TxLogic<ErasureCounts> {
  const run = (text: string, params: unknown[]) => ask(sql.all<{ n: number }>(text, params));
  const key = [projectId, userId];
  // Postgres: hold the balance row (if any) so no rewards write for this user runs meanwhile.
  if (sql.dialect === 'postgres') yield* run('SELECT 1 AS n FROM reward_balances WHERE project_id = $1 AND user_id = $2 FOR UPDATE', key);
  const anonymousIds = (yield* ask(
    sql.all<{ anonymous_id: string }>('SELECT anonymous_id FROM identities WHERE project_id = $1 AND user_id = $2', key),
  )).map((row) => row.anonymous_id);
  // Postgres: wait for a KPI rollup fold in flight (it may be adding this person's days), so the
  // rows dropped below cannot come back from a snapshot taken before this erasure.
  if (sql.dialect === 'postgres') yield* run('LOCK TABLE kpi_activity_days IN SHARE ROW EXCLUSIVE MODE', []);
  // One statement per anonymous id, each seeking the partial index of rows without a user: an OR
  // of the two kinds in one DELETE let SQLite scan every anonymous event of the project instead.
  let events = (yield* run('DELETE FROM events WHERE project_id = $1 AND user_id = $2 RETURNING 1 AS n', key)).length;
  for (const anonymousId of anonymousIds) {
    events += (yield* run('DELETE FROM events WHERE project_id = $1 AND anonymous_id = $2 AND user_id IS NULL RETURNING 1 AS n', [
      projectId,
      anonymousId,
    ])).length;
  }
  // The KPI rollups (migrations 009, 025, 026) are keyed by subject id. The person's own subjects have
  // no event left, so their rows and recompute marks are dropped now, not at the next KPI query.
  for (const subject of [`u:${userId}`, ...anonymousIds.map((id) => `a:${id}`)]) {
    for (const table of SUBJECT_ROLLUP_TABLES) {
      yield* run(`DELETE FROM ${table} WHERE project_id = $1 AND subject = $2 RETURNING 1 AS n`, [projectId, subject]);
    }
    yield* run('DELETE FROM kpi_dirty_subjects WHERE project_id = $1 AND subject = $2 RETURNING 1 AS n', [projectId, subject]);
  }
  // `anonymous` keeps the two kinds apart: an anonymous id equal to someone else's user id never erases that user's answers.
  let surveyResponses = (yield* run(
    'DELETE FROM survey_responses WHERE project_id = $1 AND user_id = $2 AND NOT anonymous RETURNING 1 AS n',
    key,
  )).length;
  for (const anonymousId of anonymousIds) {
    surveyResponses += (yield* run('DELETE FROM survey_responses WHERE project_id = $1 AND user_id = $2 AND anonymous RETURNING 1 AS n', [
      projectId,
      anonymousId,
    ])).length;
  }
  const identities = yield* run('DELETE FROM identities WHERE project_id = $1 AND user_id = $2 RETURNING 1 AS n', key);
  const users = yield* run('DELETE FROM users WHERE project_id = $1 AND user_id = $2 RETURNING 1 AS n', key);
  // The backend's trusted traits are part of the user's record: counted with the users rows.
  const trusted = yield* run('DELETE FROM trusted_traits WHERE project_id = $1 AND user_id = $2 RETURNING 1 AS n', key);
  // So are the user's checklist holdout groups (migration 029): without their events they measure nothing.
  const assigned = yield* run('DELETE FROM checklist_assignments WHERE project_id = $1 AND user_id = $2 RETURNING 1 AS n', key);
  // Memberships name the user; the account itself (the company's record) stays.
  const memberships = yield* run('DELETE FROM account_members WHERE project_id = $1 AND user_id = $2 RETURNING 1 AS n', key);
  const referralCodes = yield* run('DELETE FROM reward_referral_codes WHERE project_id = $1 AND user_id = $2 RETURNING 1 AS n', key);
  const ledger = yield* anonymiseLedger(sql, projectId, userId);
  return {
    events,
    identities: identities.length,
    users: users.length + trusted.length + assigned.length,
    surveyResponses,
    referralCodes: referralCodes.length,
    accountMemberships: memberships.length,
    ...ledger,
  };
}

function* anonymiseLedger(sql: SqlRunner, projectId: string, userId: string) {
  const key = [projectId, userId];
  const pseudonym = `deleted_${randomUUID()}`;
  const redemptions = yield* ask(
    sql.all<{ id: string }>('SELECT id FROM reward_redemptions WHERE project_id = $1 AND user_id = $2 ORDER BY id', key),
  );
  const renamed = new Map(redemptions.map((row, index) => [row.id, `${pseudonym}:r${index}`]));
  for (const [from, to] of renamed) {
    yield* ask(
      sql.all('UPDATE reward_redemptions SET id = $3, user_id = $4, failure_reason = NULL WHERE project_id = $1 AND id = $2', [
        projectId,
        from,
        to,
        pseudonym,
      ]),
    );
  }
  const entries = yield* ask(
    sql.all<{ id: string }>('SELECT id FROM reward_entries WHERE project_id = $1 AND user_id = $2 ORDER BY id', key),
  );
  for (const [index, { id }] of entries.entries()) {
    const kind = id.slice(0, Math.max(0, id.indexOf(':'))) || 'entry';
    const redemption = renamed.get(id.slice(kind.length + 1));
    const next = REDEMPTION_KINDS.has(kind) && redemption ? `${kind}:${redemption}` : `${kind}:${pseudonym}:e${index}`;
    yield* ask(
      sql.all('UPDATE reward_entries SET id = $3, user_id = $4, reason = $5 WHERE project_id = $1 AND id = $2', [
        projectId,
        id,
        next,
        pseudonym,
        ANONYMISED_REASON,
      ]),
    );
  }
  const count = (text: string) => ask(sql.all<{ n: number }>(`${text} RETURNING 1 AS n`, [projectId, userId, pseudonym]));
  const balances = yield* count('UPDATE reward_balances SET user_id = $3 WHERE project_id = $1 AND user_id = $2');
  const referred = yield* count('UPDATE reward_referrals SET referred_user_id = $3 WHERE project_id = $1 AND referred_user_id = $2');
  const referring = yield* count('UPDATE reward_referrals SET referrer_user_id = $3 WHERE project_id = $1 AND referrer_user_id = $2');
  return {
    rewardEntriesAnonymised: entries.length,
    rewardRedemptionsAnonymised: redemptions.length,
    rewardBalancesAnonymised: balances.length,
    referralsAnonymised: referred.length + referring.length,
  };
}
