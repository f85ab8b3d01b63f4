import { DAY_MS } from '../../domain/time.js';
import type { Dialect } from '../sql/runner.js';
import { activityCtes, DIALECTS, isUser, retentionSubjects } from './retention-sql.js';
import { memberOf } from './segment-sql.js';

/**
 * Each identified user at @to with the program-impact groups they are in
 * (docs/reference/kpi-definitions.md, "Loyalty program impact"): `member` (the `member` segment's
 * rule), `held` (listed in @holdout: the holdout's hash is not SQL) and `tier` (the index @tiers
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
    SELECT 'u:' || u.user_id AS subject, CASE WHEN ${memberOf(d, 'u.user_id')} THEN 1 ELSE 0 END AS member,
      CASE WHEN u.user_id IN (SELECT user_id FROM held) THEN 1 ELSE 0 END AS held, t.tier
    FROM users u LEFT JOIN tiers t ON t.user_id = u.user_id WHERE u.project_id = @projectId)`;
}

/**
 * Program impact's counts for every group at once: one statement per metric over the same
 * activity the retention statements read (retention-sql.ts), each subject's figures worked out
 * once and summed per combination of group flags, instead of one statement per metric and group.
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
    // As `engagement`: active users, their events and Σ events².
    groupEngagement: `
      WITH ${activityCtes(d, null, String(DAY_MS))}, ${flagsCtes(dialect)},
      per_subject AS (SELECT subject, SUM(n) AS n FROM activity WHERE ${isUser('subject')} GROUP BY subject)
      ${perFlags('COUNT(*) AS active_users, COALESCE(SUM(p.n), 0) AS events, COALESCE(SUM(p.n * p.n), 0) AS events_squared')}`,
  };
}

export type ProgramGroupStatement = keyof ReturnType<typeof programGroupSql>;
