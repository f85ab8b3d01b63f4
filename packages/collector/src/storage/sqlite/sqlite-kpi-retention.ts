import type { Database } from 'better-sqlite3';
import type { ActiveUserCount } from '../../kpi/active-users.js';
import type { CohortCount } from '../../kpi/retention-cohorts.js';
import { PERIOD_MS } from '../../kpi/retention-periods.js';
import type { ActivityQuery, RetentionKpiStore } from '../kpi/retention-store.js';

const DAY = PERIOD_MS.day;

/** The user's trait `@segTrait` is the JSON string `@segValue`; every user when no segment. */
const IN_SEGMENT = `(@segTrait IS NULL OR EXISTS (
  SELECT 1 FROM json_each(u.traits) j WHERE j.key = @segTrait AND j.type = 'text' AND j.value = @segValue))`;

/**
 * Events in [@lo, @hi) as (subject, t). Identified users are read from `users` and each user's
 * events seeked through events_by_user_time (covering), so the cost follows the range, not the
 * table; never-linked visitors are the `user_id IS NULL` prefix of the same index. `extra` narrows
 * the events (adoption: one event name, then events_by_user_name_time serves it).
 */
const activity = (extra = '') => `
  SELECT 'u:' || u.user_id AS subject, e.timestamp AS t
  FROM users u JOIN events e ON e.project_id = u.project_id AND e.user_id = u.user_id
    AND e.timestamp >= @lo AND e.timestamp < @hi ${extra}
  WHERE u.project_id = @projectId AND ${IN_SEGMENT}
  UNION ALL
  SELECT 'a:' || e.anonymous_id, e.timestamp FROM events e
  WHERE e.project_id = @projectId AND e.user_id IS NULL AND e.timestamp >= @lo AND e.timestamp < @hi ${extra}
    AND @segTrait IS NULL`;

/** Subjects whose first activity ever is in [@from, @to): `users.first_seen`, or a visitor's first event. */
const FIRSTS = `
  SELECT u.user_id, NULL AS anonymous_id, u.first_seen AS first_at FROM users u
  WHERE u.project_id = @projectId AND u.first_seen >= @from AND u.first_seen < @to AND ${IN_SEGMENT}
  UNION ALL
  SELECT NULL, e.anonymous_id, MIN(e.timestamp) FROM events e
  WHERE e.project_id = @projectId AND e.user_id IS NULL AND @segTrait IS NULL
  GROUP BY e.anonymous_id HAVING MIN(e.timestamp) >= @from AND MIN(e.timestamp) < @to`;

const ACTIVE_USERS = `
  WITH act AS (SELECT DISTINCT subject, (t - @from) / ${DAY} AS day FROM (${activity()}))
  SELECT 'day' AS period, day AS idx, COUNT(*) AS users FROM act GROUP BY day
  UNION ALL SELECT 'week', day / 7, COUNT(DISTINCT subject) FROM act GROUP BY day / 7
  UNION ALL SELECT 'month', day / 30, COUNT(DISTINCT subject) FROM act GROUP BY day / 30`;

// Reads (from − N, to): customers at the start had an event in (from − N, from); retained ones
// also one in (to − N, to). @lo = from − N is excluded by the HAVING, not by the scan.
const RETENTION = `
  SELECT COUNT(*) AS at_start, COALESCE(SUM(active_end), 0) AS retained FROM (
    SELECT MAX(t > @to - @inactivity) AS active_end FROM (${activity()})
    GROUP BY subject HAVING MAX(t > @lo AND t < @from) = 1)`;

// Both sides are materialized with the subject computed once, so SQLite joins them through an
// automatic index; joining on a per-row CASE compared every cohort row with every activity row
// (over 60 s at 1M events in `pnpm bench`).
const COHORTS = `
  WITH c AS MATERIALIZED (
    SELECT CASE WHEN user_id IS NULL THEN 'a:' || anonymous_id ELSE 'u:' || user_id END AS subject,
           (first_at - @from) / @period AS cohort
    FROM (${FIRSTS})),
  act AS MATERIALIZED (SELECT DISTINCT subject, (t - @from) / @period AS idx FROM (${activity()}))
  SELECT c.cohort, a.idx - c.cohort AS period_offset, COUNT(*) AS users
  FROM c JOIN act a ON a.subject = c.subject
  GROUP BY 1, 2`;

// "Came back" probes one index range per new subject: events_by_user_time for users,
// events_by_anonymous for visitors.
const DROP_OFF = `
  WITH firsts AS (${FIRSTS}),
  judged AS (
    SELECT first_at + @firstDays < @to AS eligible,
      CASE WHEN first_at + @firstDays >= @to THEN 0
        WHEN user_id IS NOT NULL THEN EXISTS (SELECT 1 FROM events e WHERE e.project_id = @projectId
          AND e.user_id = f.user_id AND e.timestamp >= f.first_at + @firstDays AND e.timestamp < @to)
        ELSE EXISTS (SELECT 1 FROM events e WHERE e.project_id = @projectId AND e.anonymous_id = f.anonymous_id
          AND e.user_id IS NULL AND e.timestamp >= f.first_at + @firstDays AND e.timestamp < @to)
      END AS returned
    FROM firsts f)
  SELECT COUNT(*) AS new_users, COALESCE(SUM(eligible), 0) AS eligible, COALESCE(SUM(returned), 0) AS returned FROM judged`;

const ENGAGEMENT = `
  WITH days AS (SELECT subject, COUNT(*) AS n FROM (${activity()}) GROUP BY subject, (t - @from) / ${DAY})
  SELECT COUNT(DISTINCT subject) AS active_users, COALESCE(SUM(n), 0) AS events, COUNT(*) AS active_days,
    (SELECT COUNT(DISTINCT subject) FROM (${activity('AND e.name = @event')})) AS adopters
  FROM days`;

interface Counts {
  [column: string]: number;
}

export function sqliteRetentionKpis(db: Database): RetentionKpiStore {
  const statement = (sql: string) => db.prepare<Record<string, unknown>, Counts>(sql);
  const activeUsers = db.prepare<Record<string, unknown>, { period: ActiveUserCount['period']; idx: number; users: number }>(ACTIVE_USERS);
  const retention = statement(RETENTION);
  const cohorts = db.prepare<Record<string, unknown>, { cohort: number; period_offset: number; users: number }>(COHORTS);
  const dropOff = statement(DROP_OFF);
  const engagement = statement(ENGAGEMENT);
  // Times and spans are bound as BigInt, i.e. SQLite INTEGER: a JS number binds as REAL, and
  // `(t - @from) / 86400000` would then divide exactly instead of giving the day index.
  const int = (ms: number) => BigInt(ms);
  const params = (projectId: string, q: ActivityQuery) => ({
    projectId,
    from: int(q.from.getTime()),
    to: int(q.to.getTime()),
    lo: int(q.from.getTime()),
    hi: int(q.to.getTime()),
    segTrait: q.segment?.trait ?? null,
    segValue: q.segment?.value ?? null,
  });
  const one = (rows: Counts[]): Counts => rows[0] ?? {};

  return {
    async activeUserCounts(projectId, query) {
      return activeUsers.all(params(projectId, query)).map((r) => ({ period: r.period, index: r.idx, users: r.users }));
    },
    async retentionCounts(projectId, query) {
      const lo = int(query.from.getTime() - query.inactivityMs);
      const row = one(retention.all({ ...params(projectId, query), lo, inactivity: int(query.inactivityMs) }));
      return { customersAtStart: row.at_start ?? 0, retained: row.retained ?? 0 };
    },
    async cohortCounts(projectId, query) {
      const rows = cohorts.all({ ...params(projectId, query), period: int(query.periodMs) });
      return rows.map((r): CohortCount => ({ cohort: r.cohort, offset: r.period_offset, users: r.users }));
    },
    async dropOffCounts(projectId, query) {
      const row = one(dropOff.all({ ...params(projectId, query), firstDays: int(query.firstDaysMs) }));
      return { newUsers: row.new_users ?? 0, eligible: row.eligible ?? 0, returned: row.returned ?? 0 };
    },
    async engagementCounts(projectId, query) {
      const row = one(engagement.all({ ...params(projectId, query), event: query.event ?? null }));
      return { activeUsers: row.active_users ?? 0, events: row.events ?? 0, activeDays: row.active_days ?? 0, adopters: row.adopters ?? 0 };
    },
  };
}
