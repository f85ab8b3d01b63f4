import { jsonText } from '../sql/dialect.js';
import type { Dialect } from '../sql/runner.js';
import { DIALECTS, edgeCtes, int, isUser, retentionSubjects, ROLLUP_DAYS } from './retention-sql.js';
import { memberOf } from './segment-sql.js';

/**
 * Each identified user at @to with the program-impact groups they are in
 * (docs/reference/kpi-definitions.md, "Loyalty program impact"): `member` (the `member` segment's
 * rule), `held` (1: listed in @holdout, the holdout's hash is not SQL; 0: exposed; null: outside the
 * experiment, a user in no account when @byAccount = 1 samples accounts) and `tier` (the index @tiers
 * gives the member, `{"<user id>": n}`; null for none). Every group is a set of these flags, so one
 * pass over the users counts them all (program-groups.ts sums the flag combinations per group).
 */
function flagsCtes(d: Dialect): string {
  const listed =
    d === 'sqlite' ? 'SELECT value AS user_id FROM json_each(@holdout)' : 'SELECT jsonb_array_elements_text(CAST(@holdout AS jsonb))';
  const tiers =
    d === 'sqlite'
      ? 'SELECT key AS user_id, value AS tier FROM json_each(@tiers)'
      : 'SELECT key AS user_id, value AS tier FROM jsonb_each_text(CAST(@tiers AS jsonb))';
  return `
  held(user_id) AS MATERIALIZED (${listed}),
  tiers(user_id, tier) AS MATERIALIZED (${tiers}),
  flags AS (
    SELECT u.user_id, 'u:' || u.user_id AS subject, CASE WHEN ${memberOf(d, 'u.user_id')} THEN 1 ELSE 0 END AS member,
      CASE WHEN u.user_id IN (SELECT user_id FROM held) THEN 1
        WHEN ${int('byAccount')} = 0 OR EXISTS (SELECT 1 FROM account_members m WHERE m.project_id = @projectId AND m.user_id = u.user_id)
        THEN 0 END AS held, t.tier
    FROM users u LEFT JOIN tiers t ON t.user_id = u.user_id WHERE u.project_id = @projectId)`;
}

/**
 * Program impact's counts for every group at once: one statement per metric over the same
 * activity the retention statements read (retention-sql.ts), each subject's figures worked out
 * once and summed per combination of group flags, instead of one statement per metric and group.
 * Engagement sums each rollup row's count once: listing a day's last event too (as
 * `activityCtes` does) would add rows that count nothing.
 */
export function programGroupSql(dialect: Dialect) {
  const d = DIALECTS[dialect];
  const perFlags = (columns: string) => `
    SELECT f.member, f.held, f.tier, ${columns} FROM per_subject p JOIN flags f ON f.subject = p.subject
    GROUP BY f.member, f.held, f.tier`;
  return {
    // As `retention`: customers at the start had an event in (from − N, from); retained ones also one in (to − N, to).
    groupRetention: `
      WITH ${flagsCtes(dialect)}, per_subject AS (${retentionSubjects(d, `AND ${isUser('s.subject')}`)})
      ${perFlags('COUNT(*) AS at_start, COALESCE(SUM(p.active_end), 0) AS retained')}`,
    // As `engagement`: active users, their events and Σ events² (a day's last event adds no count).
    groupEngagement: `
      WITH ${edgeCtes(d)}, ${flagsCtes(dialect)},
      counted(subject, n) AS (
        SELECT subject, events ${ROLLUP_DAYS} AND ${isUser('subject')}
        UNION ALL SELECT subject, n FROM edge_activity WHERE ${isUser('subject')}),
      per_subject AS (SELECT subject, SUM(n) AS n FROM counted GROUP BY subject)
      ${perFlags('COUNT(*) AS active_users, COALESCE(SUM(p.n), 0) AS events, COALESCE(SUM(p.n * p.n), 0) AS events_squared')}`,
    // As the NPS KPI over [from, to): the survey's NPS answers of identified users (an anonymous
    // answer's id is the browser's, never proof of a user), counted per promoter / detractor.
    groupNps: `
      WITH ${flagsCtes(dialect)},
      scores AS (SELECT r.user_id, CAST(${jsonText(dialect, 'r.answer', 'score')} AS integer) AS score FROM survey_responses r
        WHERE r.project_id = @projectId AND r.survey_id = CAST(@surveyId AS text) AND r.anonymous = ${dialect === 'sqlite' ? '0' : 'false'}
          AND r.answered_at >= ${d.eventTime(int('from'))} AND r.answered_at < ${d.eventTime(int('to'))}
          AND ${jsonText(dialect, 'r.answer', 'type')} = 'nps')
      SELECT f.member, f.held, f.tier, COUNT(*) AS responses, COALESCE(SUM(CASE WHEN s.score >= 9 THEN 1 ELSE 0 END), 0) AS promoters,
        COALESCE(SUM(CASE WHEN s.score <= 6 THEN 1 ELSE 0 END), 0) AS detractors
      FROM scores s JOIN flags f ON f.user_id = s.user_id
      GROUP BY f.member, f.held, f.tier`,
  };
}

export type ProgramGroupStatement = keyof ReturnType<typeof programGroupSql>;
