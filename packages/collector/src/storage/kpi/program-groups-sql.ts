import { jsonText } from '../sql/dialect.js';
import type { Dialect } from '../sql/runner.js';
import { DIALECTS, edgeCtes, int, isUser, retentionSubjects, ROLLUP_DAYS } from './retention-sql.js';
import { subscriptionArrSql } from '../revenue/revenue-sql.js';
import { memberOf } from './segment-sql.js';
import { SAMPLE_BUCKETS } from '../../domain/targeting/sampling.js';

/**
 * The program's tiers, as `tiers(user_id, tier)`: each member with a ledger (`reward_balances`)
 * and how many tiers their lifetime points reach, @tierMins being the tiers' minimum points in
 * ascending order: 0 below every tier, k in the k-th tier from the bottom (`membersByTier`'s
 * order). No rows when the program has no tiers.
 */
function tierCtes(d: Dialect): string {
  const mins =
    d === 'sqlite'
      ? 'SELECT value AS min_points FROM json_each(@tierMins)'
      : 'SELECT CAST(value AS bigint) AS min_points FROM jsonb_array_elements_text(CAST(@tierMins AS jsonb)) value';
  return `
  tier_mins AS MATERIALIZED (${mins}),
  tiers(user_id, tier) AS MATERIALIZED (
    SELECT b.user_id, (SELECT COUNT(*) FROM tier_mins t WHERE t.min_points <= b.lifetime)
    FROM reward_balances b WHERE b.project_id = @projectId AND EXISTS (SELECT 1 FROM tier_mins))`;
}

/** Whether the row `row` (a user or an account) drew a bucket in the holdout: below @heldBelow (0 without a holdout). */
const heldBucket = (row: string) => `COALESCE(${row}.holdout_bucket, ${SAMPLE_BUCKETS}) < ${int('heldBelow')}`;

/**
 * An account's place in an account-unit experiment: 1 held out (its bucket is in the holdout), 0
 * exposed, null outside it (an account without members: nobody in it could be offered the program).
 */
export const accountHeld = (account: string) => `CASE
    WHEN NOT EXISTS (SELECT 1 FROM account_members m WHERE m.project_id = @projectId AND m.account_id = ${account}) THEN NULL
    WHEN EXISTS (SELECT 1 FROM accounts ha WHERE ha.project_id = @projectId AND ha.account_id = ${account} AND ${heldBucket('ha')}) THEN 1
    ELSE 0 END`;

/**
 * Each identified user at @to with the program-impact groups they are in
 * (docs/reference/kpi-definitions.md, "Loyalty program impact"): `member` (the `member` segment's
 * rule), `held` (under the user unit 1: held out, 0: exposed; null under the account unit, whose
 * groups are accounts: program-accounts-sql.ts) and `tier` (null for none). Every group is a set of
 * these flags, so one pass over the users counts them all (program-groups.ts sums the flag
 * combinations per group).
 */
function flagsCtes(d: Dialect): string {
  // MATERIALIZED: inlined, SQLite recomputed each user's flags per joined row (1M events: 450 ms
  // of program impact's engagement statement against 45 ms).
  return `${tierCtes(d)},
  flags AS MATERIALIZED (
    SELECT u.user_id, 'u:' || u.user_id AS subject, CASE WHEN ${memberOf(d, 'u.user_id')} THEN 1 ELSE 0 END AS member,
      CASE WHEN ${int('byAccount')} = 1 THEN NULL WHEN ${heldBucket('u')} THEN 1 ELSE 0 END AS held, t.tier
    FROM users u LEFT JOIN tiers t ON t.user_id = u.user_id WHERE u.project_id = @projectId)`;
}

/**
 * The survey's NPS answers in [@from, @to) of identified users (an anonymous answer's id is the
 * browser's, never proof of a user), as `scores(user_id, score)`.
 */
export function npsScoresCte(dialect: Dialect): string {
  const d = DIALECTS[dialect];
  return `
  scores AS (SELECT r.user_id, CAST(${jsonText(dialect, 'r.answer', 'score')} AS integer) AS score FROM survey_responses r
    WHERE r.project_id = @projectId AND r.survey_id = CAST(@surveyId AS text) AND r.anonymous = ${dialect === 'sqlite' ? '0' : 'false'}
      AND r.answered_at >= ${d.eventTime(int('from'))} AND r.answered_at < ${d.eventTime(int('to'))}
      AND ${jsonText(dialect, 'r.answer', 'type')} = 'nps')`;
}

/**
 * Each revenue customer's ARR in force at @from and at @to (revenue-sql.ts) with its groups: a
 * user customer is in its user's; an account customer is a member when any of its users is, in
 * the highest tier any of them reached, and (account unit) held out by its own draw. Under the
 * user unit only user customers are in the experiment (an account mixes held-out and exposed
 * users); under the account unit only account customers.
 */
function revenueCustomers(dialect: Dialect): string {
  const d = DIALECTS[dialect];
  const arrAt = (at: string) => subscriptionArrSql('@projectId', d.eventTime(int(at)));
  // Joined, not correlated: SQLite would rebuild the tiers' automatic index for every customer.
  return `
  customer_arr AS (
    SELECT customer_kind, customer_id, SUM(start_arr) AS start_arr, SUM(end_arr) AS end_arr FROM (
      SELECT customer_kind, customer_id, arr AS start_arr, 0 AS end_arr FROM (${arrAt('from')}) s WHERE rank = 1
      UNION ALL SELECT customer_kind, customer_id, 0, arr FROM (${arrAt('to')}) e WHERE rank = 1) a
    GROUP BY customer_kind, customer_id),
  account_flags AS MATERIALIZED (
    SELECT m.account_id, MAX(CASE WHEN ${memberOf(dialect, 'm.user_id')} THEN 1 ELSE 0 END) AS member, MAX(t.tier) AS tier
    FROM account_members m LEFT JOIN tiers t ON t.user_id = m.user_id WHERE m.project_id = @projectId GROUP BY m.account_id),
  customers AS (
    SELECT c.start_arr, c.end_arr,
      CASE WHEN c.customer_kind = 'user' THEN CASE WHEN ${memberOf(dialect, 'c.customer_id')} THEN 1 ELSE 0 END
        ELSE COALESCE(a.member, 0) END AS member,
      CASE WHEN c.customer_kind = 'user' THEN t.tier ELSE a.tier END AS tier,
      CASE WHEN ${int('byAccount')} = 0 THEN
          CASE WHEN c.customer_kind = 'user' THEN CASE WHEN ${heldBucket('hu')} THEN 1 ELSE 0 END END
        WHEN c.customer_kind = 'account' AND a.account_id IS NOT NULL THEN CASE WHEN ${heldBucket('ha')} THEN 1 ELSE 0 END END AS held
    FROM customer_arr c
    LEFT JOIN account_flags a ON c.customer_kind = 'account' AND a.account_id = c.customer_id
    LEFT JOIN tiers t ON c.customer_kind = 'user' AND t.user_id = c.customer_id
    LEFT JOIN users hu ON c.customer_kind = 'user' AND hu.project_id = @projectId AND hu.user_id = c.customer_id
    LEFT JOIN accounts ha ON c.customer_kind = 'account' AND ha.project_id = @projectId AND ha.account_id = c.customer_id)`;
}

/** Answers, promoters (9–10) and detractors (0–6) among `scores` rows `s`, by column. */
const NPS_SUMS = {
  responses: 'COUNT(*)',
  promoters: 'COALESCE(SUM(CASE WHEN s.score >= 9 THEN 1 ELSE 0 END), 0)',
  detractors: 'COALESCE(SUM(CASE WHEN s.score <= 6 THEN 1 ELSE 0 END), 0)',
};
export const NPS_COUNTS = Object.entries(NPS_SUMS)
  .map(([column, sum]) => `${sum} AS ${column}`)
  .join(', ');

const REVENUE_SUMS = `COALESCE(SUM(CASE WHEN end_arr > 0 THEN 1 ELSE 0 END), 0) AS paying_end,
      COALESCE(SUM(CASE WHEN end_arr > 0 THEN end_arr ELSE 0 END), 0) AS end_arr,
      COALESCE(SUM(CASE WHEN end_arr > 0 THEN CAST(end_arr AS double precision) * end_arr ELSE 0 END), 0) AS end_arr_squared,
      COALESCE(SUM(CASE WHEN start_arr > 0 THEN 1 ELSE 0 END), 0) AS paying_start,
      COALESCE(SUM(CASE WHEN start_arr > 0 AND end_arr = 0 THEN 1 ELSE 0 END), 0) AS lost`;

/** The columns of `groupUsers`: each metric's branch fills its own, the others are 0. */
const USER_COLUMNS = ['at_start', 'retained', 'active', 'events', 'events_squared', 'responses', 'promoters', 'detractors'] as const;

/**
 * Program impact's counts for every group at once, over the same activity the retention
 * statements read (retention-sql.ts): each subject's figures worked out once and summed per
 * combination of group flags, instead of one statement per metric and group. The user metrics
 * share one statement, so the flags (a reward_entries probe per user) are worked out once, not
 * once per metric: on SQLite the KPI reader runs one statement at a time, so each pass added up.
 */
export function programGroupSql(dialect: Dialect) {
  const d = DIALECTS[dialect];
  const perFlags = (rows: string, join: string, sums: Partial<Record<(typeof USER_COLUMNS)[number], string>>) => `
    SELECT f.member, f.held, f.tier, ${USER_COLUMNS.map((column) => `${sums[column] ?? '0'} AS ${column}`).join(', ')}
    FROM ${rows} JOIN flags f ON ${join} GROUP BY f.member, f.held, f.tier`;
  return {
    // Retention (as `retention`): customers at the start had an event in (from − N, from); retained
    // ones also one in (to − N, to). MATERIALIZED: PostgreSQL otherwise probes the subjects once
    // per user of `flags` (9,316 index probes, 50–150 ms at 1M events under load, against 30–40 ms).
    // Engagement (as `engagement`): active users, their events and Σ events²; each rollup row's
    // count once (a day's last event adds no count, so `activityCtes`'s extra rows are left out).
    // NPS over [from, to) per promoter / detractor (no rows without a survey).
    groupUsers: `
      WITH ${edgeCtes(d)}, ${flagsCtes(dialect)},
      retained AS MATERIALIZED (${retentionSubjects(d, `AND ${isUser('s.subject')}`)}),
      counted(subject, n) AS (
        SELECT subject, events ${ROLLUP_DAYS} AND ${isUser('subject')}
        UNION ALL SELECT subject, n FROM edge_activity WHERE ${isUser('subject')}),
      engaged AS (SELECT subject, SUM(n) AS n FROM counted GROUP BY subject),
      ${npsScoresCte(dialect)}
      ${perFlags('retained p', 'f.subject = p.subject', { at_start: 'COUNT(*)', retained: 'COALESCE(SUM(p.active_end), 0)' })}
      UNION ALL ${perFlags('engaged p', 'f.subject = p.subject', {
        active: 'COUNT(*)',
        events: 'COALESCE(SUM(p.n), 0)',
        events_squared: 'COALESCE(SUM(p.n * p.n), 0)',
      })}
      UNION ALL ${perFlags('scores s', 'f.user_id = s.user_id', NPS_SUMS)}`,
    // The revenue customers' sums per combination of groups, in SQL so no customer list comes to Node.
    groupRevenue: `
      WITH ${tierCtes(dialect)}, ${revenueCustomers(dialect)}
      SELECT member, held, tier, ${REVENUE_SUMS} FROM customers GROUP BY member, held, tier`,
  };
}

export type ProgramGroupStatement = keyof ReturnType<typeof programGroupSql>;
