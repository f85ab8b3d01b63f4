import { DAY_MS } from '../../domain/time.js';
import type { Dialect } from '../sql/runner.js';
import { activityCtes, DIALECTS, int, isUser } from './retention-sql.js';
import { memberOf } from './segment-sql.js';

/**
 * The program-impact groups of identified users at @to, each user once per kind of split
 * (docs/reference/kpi-definitions.md, "Loyalty program impact"): everyone (`identified`),
 * `member` or `non-member`, `holdout` or `exposed` (when @withHoldout = 1; the holdout's hash is
 * not SQL, so its ids come listed in @holdout) and `tier:<n>` for the members listed in @tiers
 * (`{"<user id>": n}`). The same rules as the `member`, `non-member` and listed-user segments of
 * segment-sql.ts, written as labels so one statement counts every group.
 */
function labelsCte(d: Dialect): string {
  const users = (label: string, where = '') =>
    `SELECT 'u:' || u.user_id AS subject, ${label} AS grp FROM users u WHERE u.project_id = @projectId ${where}`;
  const holdout = d === 'sqlite' ? 'SELECT value FROM json_each(@holdout)' : 'SELECT jsonb_array_elements_text(CAST(@holdout AS jsonb))';
  const tiers = d === 'sqlite' ? 'json_each(@tiers)' : 'jsonb_each_text(CAST(@tiers AS jsonb))';
  return `labels(subject, grp) AS MATERIALIZED (
    ${users("'identified'")}
    UNION ALL ${users(`CASE WHEN ${memberOf(d, 'u.user_id')} THEN 'member' ELSE 'non-member' END`)}
    UNION ALL ${users(`CASE WHEN u.user_id IN (${holdout}) THEN 'holdout' ELSE 'exposed' END`, `AND ${int('withHoldout')} = 1`)}
    UNION ALL SELECT 'u:' || u.user_id, 'tier:' || t.value FROM ${tiers} t JOIN users u ON u.project_id = @projectId AND u.user_id = t.key)`;
}

/**
 * Program impact's counts for every group at once: one statement per metric over the same
 * activity the retention statements read (retention-sql.ts), each subject's figures worked out
 * once and then summed per label, instead of one statement per metric and group.
 */
export function programGroupSql(dialect: Dialect) {
  const d = DIALECTS[dialect];
  const perLabel = (columns: string) =>
    `SELECT l.grp, ${columns} FROM per_subject p JOIN labels l ON l.subject = p.subject GROUP BY l.grp`;
  return {
    // As `retention`: customers at the start had an event in (from − N, from); retained ones also one in (to − N, to).
    groupRetention: `
      WITH ${labelsCte(dialect)}, ${activityCtes(d, null, '1')},
      per_subject AS (
        SELECT subject, MAX(CASE WHEN t > ${int('to')} - ${int('inactivity')} THEN 1 ELSE 0 END) AS active_end FROM activity
        WHERE ${isUser('subject')} GROUP BY subject
        HAVING MAX(CASE WHEN t > ${int('from')} - ${int('inactivity')} AND t < ${int('from')} THEN 1 ELSE 0 END) = 1)
      ${perLabel('COUNT(*) AS at_start, COALESCE(SUM(p.active_end), 0) AS retained')}`,
    // As `engagement`: active users, their events and Σ events².
    groupEngagement: `
      WITH ${labelsCte(dialect)}, ${activityCtes(d, null, String(DAY_MS))},
      per_subject AS (SELECT subject, SUM(n) AS n FROM activity WHERE ${isUser('subject')} GROUP BY subject)
      ${perLabel('COUNT(*) AS active_users, COALESCE(SUM(p.n), 0) AS events, COALESCE(SUM(p.n * p.n), 0) AS events_squared')}`,
  };
}

export type ProgramGroupStatement = keyof ReturnType<typeof programGroupSql>;
