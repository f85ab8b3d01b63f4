import type { Dialect } from '../sql/runner.js';
import { ACCOUNT_ROLLUP_DAYS, accountActivityCtes, accountEdgeDays, ACCOUNTS_AT_START } from '../accounts/account-kpi-sql.js';
import { DIALECTS } from './retention-sql.js';
import { accountHeld, NPS_COUNTS, npsScoresCte } from './program-groups-sql.js';

/**
 * Exposed against held-out accounts when the program's holdout draws accounts
 * (docs/reference/kpi-definitions.md, "Loyalty program impact"): the unit of analysis follows the
 * unit of randomization, so each statement gives one row per `held` flag (accountHeld) with the
 * accounts' figures, read from the account rollup by the account KPIs' rules
 * (storage/accounts/account-kpi-sql.ts).
 */
export function programAccountSql(dialect: Dialect) {
  const d = DIALECTS[dialect];
  const perHeld = (columns: string) => `
    SELECT held, ${columns} FROM (SELECT ${accountHeld('p.account_id')} AS held, p.* FROM per_account p) a GROUP BY held`;
  return {
    // As account churn: accounts active at @from, retained when also active at @to.
    accountRetention: `
      WITH ${accountActivityCtes(d, '1')}, per_account AS (${ACCOUNTS_AT_START})
      ${perHeld('COUNT(*) AS at_start, COALESCE(SUM(active_end), 0) AS retained')}`,
    // Accounts with an attributed event in [from, to), their events and Σ events².
    accountEngagement: `
      WITH ${accountEdgeDays(d)},
      counted(account_id, n) AS (SELECT account_id, events ${ACCOUNT_ROLLUP_DAYS} UNION ALL SELECT account_id, events FROM edge_days),
      per_account AS (SELECT account_id, SUM(n) AS n FROM counted GROUP BY account_id)
      ${perHeld('COUNT(*) AS active, COALESCE(SUM(n), 0) AS events, COALESCE(SUM(n * n), 0) AS events_squared')}`,
    // As NPS per account (a member of several accounts counts for each), with per account its
    // answers m and net score y = promoters − detractors, and per group Σm², Σy², Σym: the sums the
    // clustered interval needs (kpi/stats/means.ts, `clusterMeanGroup`).
    accountNps: `
      WITH ${npsScoresCte(dialect)},
      per_account AS (
        SELECT m.account_id, ${NPS_COUNTS},
          SUM(CASE WHEN s.score >= 9 THEN 1 WHEN s.score <= 6 THEN -1 ELSE 0 END) AS net
        FROM scores s JOIN account_members m ON m.project_id = @projectId AND m.user_id = s.user_id GROUP BY m.account_id)
      ${perHeld(`COUNT(*) AS accounts, SUM(responses) AS responses, SUM(promoters) AS promoters, SUM(detractors) AS detractors,
        SUM(responses * responses) AS responses_squared, SUM(net * net) AS net_squared, SUM(net * responses) AS net_by_responses`)}`,
  };
}

export type ProgramAccountStatement = keyof ReturnType<typeof programAccountSql>;
