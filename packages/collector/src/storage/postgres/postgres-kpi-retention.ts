import type pg from 'pg';
import type { ActiveUserCount } from '../../kpi/active-users.js';
import { PERIOD_MS } from '../../kpi/retention-periods.js';
import type { ActivityQuery, RetentionKpiStore } from '../kpi/retention-store.js';

const DAY = PERIOD_MS.day;
/** Epoch milliseconds of a timestamptz, so the period arithmetic is the SQLite store's. */
const ms = (sql: string) => `(extract(epoch from ${sql}) * 1000)::bigint`;

// Every statement starts with $1 project, $2/$3 segment trait/value (null: none), $4/$5 the
// scanned [lo, hi) as timestamptz; $6… are its own (PostgreSQL refuses unused parameters).
const IN_SEGMENT = '($2::text IS NULL OR u.traits -> $2::text = to_jsonb($3::text))';

/**
 * Events in [$4, $5) as (subject, t in ms). Identified users come from `users`, each user's events
 * read through events_by_user_time; never-linked visitors are its `user_id IS NULL` prefix.
 * `extra` narrows the events (adoption: one name, served by events_by_user_name_time).
 */
const activity = (extra = '') => `
  SELECT 'u:' || u.user_id AS subject, ${ms('e.timestamp')} AS t
  FROM users u JOIN events e ON e.project_id = u.project_id AND e.user_id = u.user_id
    AND e.timestamp >= $4 AND e.timestamp < $5 ${extra}
  WHERE u.project_id = $1 AND ${IN_SEGMENT}
  UNION ALL
  SELECT 'a:' || e.anonymous_id, ${ms('e.timestamp')} FROM events e
  WHERE e.project_id = $1 AND e.user_id IS NULL AND e.timestamp >= $4 AND e.timestamp < $5 ${extra}
    AND $2::text IS NULL`;

/** Subjects whose first activity ever is in [$4, $5): `users.first_seen`, or a visitor's first event. */
const FIRSTS = `
  SELECT u.user_id, NULL::text AS anonymous_id, u.first_seen AS first_at FROM users u
  WHERE u.project_id = $1 AND u.first_seen >= $4 AND u.first_seen < $5 AND ${IN_SEGMENT}
  UNION ALL
  SELECT NULL, e.anonymous_id, MIN(e.timestamp) FROM events e
  WHERE e.project_id = $1 AND e.user_id IS NULL AND $2::text IS NULL
  GROUP BY e.anonymous_id HAVING MIN(e.timestamp) >= $4 AND MIN(e.timestamp) < $5`;

// $6 from (ms).
const ACTIVE_USERS = `
  WITH act AS (SELECT DISTINCT subject, (t - $6::bigint) / ${DAY} AS day FROM (${activity()}) a)
  SELECT 'day' AS period, day AS idx, COUNT(*) AS users FROM act GROUP BY day
  UNION ALL SELECT 'week', day / 7, COUNT(DISTINCT subject) FROM act GROUP BY day / 7
  UNION ALL SELECT 'month', day / 30, COUNT(DISTINCT subject) FROM act GROUP BY day / 30`;

// $4 = from − N, $6 from, $7 to, $8 N (ms): see the SQLite store.
const RETENTION = `
  SELECT COUNT(*) AS at_start, COUNT(*) FILTER (WHERE active_end) AS retained FROM (
    SELECT bool_or(t > $7::bigint - $8::bigint) AS active_end FROM (${activity()}) a
    GROUP BY subject HAVING bool_or(t > $6::bigint - $8::bigint AND t < $6::bigint)) s`;

// $6 from, $7 period (ms).
const COHORTS = `
  WITH firsts AS (${FIRSTS}),
  act AS (SELECT DISTINCT subject, (t - $6::bigint) / $7::bigint AS idx FROM (${activity()}) a)
  SELECT c.cohort, a.idx - c.cohort AS period_offset, COUNT(*) AS users
  FROM (SELECT CASE WHEN user_id IS NULL THEN 'a:' || anonymous_id ELSE 'u:' || user_id END AS subject,
               (${ms('first_at')} - $6::bigint) / $7::bigint AS cohort FROM firsts) c
  JOIN act a ON a.subject = c.subject
  GROUP BY 1, 2`;

// $6 first days (ms). "Came back" probes one index range per new subject.
const DROP_OFF = `
  WITH firsts AS (${FIRSTS}),
  judged AS (
    SELECT f.first_at + $6::bigint * interval '1 millisecond' AS after, f.* FROM firsts f)
  SELECT COUNT(*) AS new_users, COUNT(*) FILTER (WHERE after < $5) AS eligible,
    COUNT(*) FILTER (WHERE after < $5 AND CASE
      WHEN user_id IS NOT NULL THEN EXISTS (SELECT 1 FROM events e WHERE e.project_id = $1
        AND e.user_id = j.user_id AND e.timestamp >= j.after AND e.timestamp < $5)
      ELSE EXISTS (SELECT 1 FROM events e WHERE e.project_id = $1 AND e.anonymous_id = j.anonymous_id
        AND e.user_id IS NULL AND e.timestamp >= j.after AND e.timestamp < $5)
    END) AS returned
  FROM judged j`;

// $6 from (ms), $7 event name (null: no adoption figure).
const ENGAGEMENT = `
  WITH days AS (SELECT subject, COUNT(*) AS n FROM (${activity()}) a GROUP BY subject, (t - $6::bigint) / ${DAY})
  SELECT COUNT(DISTINCT subject) AS active_users, COALESCE(SUM(n), 0) AS events, COUNT(*) AS active_days,
    (SELECT COUNT(DISTINCT subject) FROM (${activity('AND e.name = $7::text')}) a) AS adopters
  FROM days`;

type Counts = Record<string, string | number | null>;

export function postgresRetentionKpis(pool: pg.Pool): RetentionKpiStore {
  const base = (projectId: string, q: ActivityQuery, lo = q.from) => [projectId, q.segment?.trait ?? null, q.segment?.value ?? null, lo, q.to];
  // COUNT is bigint and SUM numeric: pg hands both over as strings.
  const one = async (sql: string, values: unknown[]) => {
    const row = (await pool.query<Counts>(sql, values)).rows[0] ?? {};
    return (column: string) => Number(row[column] ?? 0);
  };

  return {
    async activeUserCounts(projectId, query) {
      const { rows } = await pool.query<{ period: ActiveUserCount['period']; idx: string; users: string }>(ACTIVE_USERS, [
        ...base(projectId, query),
        query.from.getTime(),
      ]);
      return rows.map((r) => ({ period: r.period, index: Number(r.idx), users: Number(r.users) }));
    },
    async retentionCounts(projectId, query) {
      const lo = new Date(query.from.getTime() - query.inactivityMs);
      const get = await one(RETENTION, [...base(projectId, query, lo), query.from.getTime(), query.to.getTime(), query.inactivityMs]);
      return { customersAtStart: get('at_start'), retained: get('retained') };
    },
    async cohortCounts(projectId, query) {
      const { rows } = await pool.query<{ cohort: string; period_offset: string; users: string }>(COHORTS, [
        ...base(projectId, query),
        query.from.getTime(),
        query.periodMs,
      ]);
      return rows.map((r) => ({ cohort: Number(r.cohort), offset: Number(r.period_offset), users: Number(r.users) }));
    },
    async dropOffCounts(projectId, query) {
      const get = await one(DROP_OFF, [...base(projectId, query), query.firstDaysMs]);
      return { newUsers: get('new_users'), eligible: get('eligible'), returned: get('returned') };
    },
    async engagementCounts(projectId, query) {
      const get = await one(ENGAGEMENT, [...base(projectId, query), query.from.getTime(), query.event ?? null]);
      return { activeUsers: get('active_users'), events: get('events'), activeDays: get('active_days'), adopters: get('adopters') };
    },
  };
}
