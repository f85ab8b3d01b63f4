import { DAY_MS } from '../../domain/time.js';
import type { Dialect } from '../sql/runner.js';
import { DIALECTS, int, type RetentionDialect } from '../kpi/retention-sql.js';

/*
 * The account KPIs' SQL, written once for both stores (`@name` parameters; retention-sql.ts's
 * `scanParams` gives the scan's whole days and edges). An account's activity comes per UTC day
 * from the `kpi_account_days` rollup (migration 024): its first and last attributed event. A KPI
 * period is ≥ 24 h, so a day's events fall into at most two periods, those of its first and its
 * last event: the pair answers "in which periods was the account active" exactly, as does "was it
 * active in (T − N, T)" for N ≥ 1 day (a day never holds both ends). Only the partial UTC days at
 * the ends of the scanned range are read from `events` (the partial `events_by_account_time`
 * index), clipped to the range, so every row is a day's activity within [lo, hi).
 */

/**
 * `edge_days(account_id, first_at, last_at, events)`: the partial UTC days at the scan's ends, per
 * account, from `events`. One range scan per edge with its bounds as parameters: joined to a
 * VALUES list of bounds, PostgreSQL scanned every event of the project instead (2.5 s at 1M events).
 */
export function accountEdgeDays(d: RetentionDialect): string {
  const ms = d.eventMs('e.timestamp');
  const edge = (n: 1 | 2) => `
    SELECT e.account_id, MIN(${ms}) AS first_at, MAX(${ms}) AS last_at, COUNT(*) AS events FROM events e
    WHERE e.project_id = @projectId AND e.account_id IS NOT NULL
      AND e.timestamp >= ${d.eventTime(int(`e${n}lo`))} AND e.timestamp < ${d.eventTime(int(`e${n}hi`))}
    GROUP BY e.account_id`;
  return `edge_days AS (${edge(1)} UNION ALL ${edge(2)})`;
}

/** The account rollup's rows of the scanned range's whole UTC days. */
export const ACCOUNT_ROLLUP_DAYS = `FROM kpi_account_days WHERE project_id = @projectId AND day >= ${int('dLo')} AND day < ${int('dHi')}`;

/**
 * `activity(account_id, t)`: each day's first event, and its last one when it falls into another
 * `split`-long period from @from (`split` divides every period the statement counts).
 */
export function accountActivityCtes(d: RetentionDialect, split: string): string {
  const later = `(last_at - ${int('from')}) / ${split} <> (first_at - ${int('from')}) / ${split}`;
  // The rollup is read twice rather than through a CTE: PostgreSQL would materialize its rows
  // (spilling to disk past work_mem) where two index range scans stream.
  return `
  ${accountEdgeDays(d)},
  activity(account_id, t) AS (
    SELECT account_id, first_at ${ACCOUNT_ROLLUP_DAYS}
    UNION ALL SELECT account_id, last_at ${ACCOUNT_ROLLUP_DAYS} AND ${later}
    UNION ALL SELECT account_id, first_at FROM edge_days
    UNION ALL SELECT account_id, last_at FROM edge_days WHERE ${later})`;
}

/**
 * Over `accountActivityCtes(d, '1')` scanning [from − N, to): the accounts active at @from (an
 * event in (from − N, from)), each with whether it is active at @to (an event in (to − N, to)).
 */
export const ACCOUNTS_AT_START = `
  SELECT account_id, MAX(CASE WHEN t > ${int('to')} - ${int('inactivity')} THEN 1 ELSE 0 END) AS active_end FROM activity
  GROUP BY account_id HAVING MAX(CASE WHEN t > ${int('from')} - ${int('inactivity')} AND t < ${int('from')} THEN 1 ELSE 0 END) = 1`;

const periodIndex = (t: string, period: string) => `(${t} - ${int('from')}) / ${period}`;

export function accountKpiSql(dialect: Dialect) {
  const d = DIALECTS[dialect];
  return {
    // Distinct active accounts per day, 7-day week and 30-day month from @from.
    active: `
      WITH ${accountActivityCtes(d, String(DAY_MS))},
      act AS MATERIALIZED (SELECT DISTINCT account_id, ${periodIndex('t', String(DAY_MS))} AS day FROM activity)
      SELECT 'day' AS period, day AS idx, COUNT(*) AS accounts FROM act GROUP BY day
      UNION ALL SELECT 'week', idx, COUNT(*) FROM (SELECT DISTINCT account_id, day / 7 AS idx FROM act) w GROUP BY idx
      UNION ALL SELECT 'month', idx, COUNT(*) FROM (SELECT DISTINCT account_id, day / 30 AS idx FROM act) m GROUP BY idx`,
    // Scans [from − N, to): the accounts active at @from (an event in (from − N, from)), each with
    // whether it is active at @to (an event in (to − N, to)).
    churn: `WITH ${accountActivityCtes(d, '1')} ${ACCOUNTS_AT_START} ORDER BY account_id`,
    // Per (cohort, offset ≥ 0): accounts created in period `cohort` and active in `cohort + offset`.
    cohorts: `
      WITH ${accountActivityCtes(d, int('period'))},
      c AS (SELECT account_id, ${periodIndex(d.eventMs('created_at'), int('period'))} AS cohort FROM accounts
        WHERE project_id = @projectId AND created_at >= ${d.eventTime(int('from'))} AND created_at < ${d.eventTime(int('to'))}),
      cells AS (SELECT DISTINCT c.account_id, c.cohort, ${periodIndex('a.t', int('period'))} - c.cohort AS period_offset
        FROM c JOIN activity a ON a.account_id = c.account_id)
      SELECT cohort, period_offset, COUNT(*) AS accounts FROM cells WHERE period_offset >= 0 GROUP BY 1, 2`,
  };
}

export type AccountKpiStatement = keyof ReturnType<typeof accountKpiSql>;
