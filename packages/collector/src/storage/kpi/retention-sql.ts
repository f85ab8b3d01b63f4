import { DAY_MS } from '../../domain/time.js';
import { epochMs, fromEpochMs } from '../sql/dialect.js';
import type { Dialect } from '../sql/runner.js';
import { activeOnWholeDays, subjectsActiveOnWholeDays } from './activity-blocks.js';
import type { ActivityQuery } from './retention-store.js';
import { dayOf, dayOfSql, IS_VISITOR, subjectSql } from './rollup-sql.js';
import { accountSegmentCte, segmentCte, segmentParams, type SegmentKind } from './segment-sql.js';

/**
 * The retention KPIs' SQL, written once for both stores (`@name` parameters, numbered by the
 * caller). A subject's activity is read from the `kpi_activity_days` rollup: per UTC day
 * its first and last event time and its event count. A KPI period is ≥ 24 h, so the events of
 * one UTC day fall into at most two periods, those of its first and its last event: the pair
 * answers "which periods was the subject active in" exactly. Only the partial UTC days at the
 * ends of the scanned range are read from `events`, for the subjects active on those days.
 */
export interface RetentionDialect {
  /** An `events.timestamp` column as epoch ms. */
  eventMs(column: string): string;
  /** Epoch ms as a value comparable with `events.timestamp`. */
  eventTime(ms: string): string;
  /**
   * `events.timestamp` where a probe seeks one visitor's events by anonymous id: SQLite's
   * statistics cannot tell that `user_id IS NULL` matches most events, so a time range beside it
   * made it walk every visitor's events of the window by time instead. Its unary `+` keeps the
   * column off the indexes; PostgreSQL's statistics choose the anonymous id by themselves.
   */
  probeTime(column: string): string;
}

export const DIALECTS: Record<Dialect, RetentionDialect> = {
  sqlite: {
    eventMs: (column) => epochMs('sqlite', column),
    eventTime: (ms) => fromEpochMs('sqlite', ms),
    probeTime: (column) => `+${column}`,
  },
  postgres: {
    eventMs: (column) => epochMs('postgres', column),
    eventTime: (ms) => fromEpochMs('postgres', ms),
    probeTime: (column) => column,
  },
};

export const int = (name: string) => `CAST(@${name} AS bigint)`;
export const isUser = (subject: string) => `substr(${subject}, 1, 2) = 'u:'`;

/**
 * The partial UTC days at the ends of the scanned range, read from `events`: `edge_activity` as
 * (subject, t, 1) per event of the subjects the rollup has on those days.
 */
export function edgeCtes(d: RetentionDialect): string {
  // The edge days' events, in the rollup's subjects of that day. CROSS JOIN fixes SQLite's join
  // order (PostgreSQL plans it as any inner join). Users: each edge subject's events, by user id
  // and time. Visitors: the edge window's events without a user, each checked against the
  // rollup's row: from the subject side SQLite would walk the day's whole rollup per event
  // (`'a:' || anonymous_id` is no key; at 3 M events 21–25 s of CPU for active users and
  // engagement), or every visitor event of the window per subject.
  const window = (s: string) => `e.timestamp >= ${d.eventTime(`${s}.lo`)} AND e.timestamp < ${d.eventTime(`${s}.hi`)}`;
  return `
  edge(day, lo, hi) AS (VALUES (${int('e1day')}, ${int('e1lo')}, ${int('e1hi')}), (${int('e2day')}, ${int('e2lo')}, ${int('e2hi')})),
  edge_subjects AS (SELECT k.subject, w.lo, w.hi FROM edge w CROSS JOIN kpi_activity_days k WHERE k.project_id = @projectId AND k.day = w.day),
  edge_activity(subject, t, n) AS (
    SELECT s.subject, ${d.eventMs('e.timestamp')}, 1 FROM edge_subjects s CROSS JOIN events e
    WHERE ${isUser('s.subject')} AND e.project_id = @projectId AND e.user_id = substr(s.subject, 3) AND ${window('s')}
    UNION ALL
    SELECT 'a:' || e.anonymous_id, ${d.eventMs('e.timestamp')}, 1 FROM edge w CROSS JOIN events e
    WHERE e.project_id = @projectId AND e.user_id IS NULL AND ${window('w')} AND EXISTS (
      SELECT 1 FROM kpi_activity_days k WHERE k.project_id = @projectId AND k.day = w.day AND k.subject = 'a:' || e.anonymous_id)
  )`;
}

/** The rollup's rows of the scanned range's whole UTC days. */
export const ROLLUP_DAYS = `FROM kpi_activity_days WHERE project_id = @projectId AND day >= ${int('dLo')} AND day < ${int('dHi')}`;

/**
 * Activity as (subject, t, n): n events stand behind the row (0 for a day's last event). A day's
 * last event is only listed when it falls into another `split`-long period from @from than its
 * first (`split` divides every period the statement counts; 1 lists it whenever it differs).
 */
export function activityCtes(d: RetentionDialect, segment: SegmentKind | null, split: string): string {
  return `${edgeCtes(d)},
  all_activity(subject, t, n) AS (
    SELECT subject, first_at, events ${ROLLUP_DAYS}
    UNION ALL SELECT subject, last_at, 0 ${ROLLUP_DAYS} AND (last_at - ${int('from')}) / ${split} <> (first_at - ${int('from')}) / ${split}
    UNION ALL SELECT * FROM edge_activity
  ),
  ${segment ? 'activity AS (SELECT * FROM all_activity WHERE subject IN (SELECT subject FROM segment))' : 'activity AS (SELECT * FROM all_activity)'}`;
}

/**
 * Subjects whose first activity ever is in [@from, @to): `users.first_seen` (it includes the
 * linked anonymous id's events), or a never-identified visitor's first event (no segment has
 * visitors). The visitors' branch stays in the segmented statement too, switched off by its
 * parameter: without it SQLite misjudges the size and joins the cohorts with no index.
 */
const firsts = (d: RetentionDialect, segment: SegmentKind | null) => `
  firsts(subject, first_at) AS (
    SELECT 'u:' || u.user_id, ${d.eventMs('u.first_seen')} FROM users u
    WHERE u.project_id = @projectId AND u.first_seen >= ${d.eventTime(int('from'))} AND u.first_seen < ${d.eventTime(int('to'))}
      ${segment ? "AND 'u:' || u.user_id IN (SELECT subject FROM segment)" : ''}
    UNION ALL
    SELECT subject, first_at FROM kpi_activity_subjects WHERE project_id = @projectId AND ${IS_VISITOR} AND CAST(@segKind AS text) IS NULL
      AND first_at >= ${int('from')} AND first_at < ${int('to')})`;

/**
 * Subject `subject` has an event in [L, H): on a whole UTC day inside it (its activity blocks,
 * activity-blocks.ts), or on one of the two days holding L and H, whose day rows (read through
 * kpi_activity_days_by_subject) have their first or last event in it. Only a day holding both L
 * and H, with its first event before L and its last at or after H, is probed in `events`: a window
 * shorter than a day, which the KPIs' windows of whole days never are. A visitor's events are
 * found by anonymous id through events_by_anonymous_name_time (migration 027), which holds only
 * events with `user_id IS NULL`: the probe must name that condition for the index to apply, or it
 * reads every event of the window (and see `probeTime`). `fixed`: the window is the same for every subject.
 */
type Window = readonly [L: string, H: string, fixed: boolean];
const activeIn = (d: RetentionDialect, subject: string, [L, H, fixed]: Window) => `(${
  fixed ? `${subject} IN (${subjectsActiveOnWholeDays(L, H)})` : activeOnWholeDays(subject, L, H)
} OR EXISTS (
    SELECT 1 FROM kpi_activity_days k WHERE k.project_id = @projectId AND k.subject = ${subject}
      AND k.day IN (${dayOfSql(L)}, ${dayOfSql(H)}) AND k.last_at >= ${L} AND k.first_at < ${H}
      AND (k.first_at >= ${L} OR k.last_at < ${H} OR CASE WHEN ${isUser(subject)}
        THEN EXISTS (SELECT 1 FROM events e WHERE e.project_id = @projectId AND e.user_id = substr(${subject}, 3)
          AND e.timestamp >= ${d.eventTime(L)} AND e.timestamp < ${d.eventTime(H)})
        ELSE EXISTS (SELECT 1 FROM events e WHERE e.project_id = @projectId AND e.anonymous_id = substr(${subject}, 3) AND e.user_id IS NULL
          AND ${d.probeTime('e.timestamp')} >= ${d.eventTime(L)} AND ${d.probeTime('e.timestamp')} < ${d.eventTime(H)}) END)))`;

/** The inactivity window ending at `end`: (end − N, end), N = @inactivity. */
const inactivityWindow = (end: string): Window => [`(${end} - ${int('inactivity')} + 1)`, end, true];

/**
 * Subject `s` (kpi_activity_subjects) is a customer at `bound`: an event in (bound − N, bound),
 * probed only for subjects active around it; `filter` narrows the subjects (`AND …` on `s.subject`).
 */
const customerAt = (d: RetentionDialect, bound: string, filter = '') => `s.project_id = @projectId
      AND s.first_at < ${bound} AND s.last_at > ${bound} - ${int('inactivity')} ${filter}
      AND ${activeIn(d, 's.subject', inactivityWindow(bound))}`;

/**
 * Customers at the start of [@from, @to) (an event in (from − N, from), N = @inactivity), one row
 * each, `active_end` 1 for those retained (also one in (to − N, to)); `filter` narrows the
 * subjects (`AND …` on `s.subject`). Read per subject that was active around the start
 * (kpi_activity_subjects) with at most two probes of its blocks and edge days: grouping the range's day rows by
 * subject instead sorts millions of them once every user is active most days.
 */
export const retentionSubjects = (d: RetentionDialect, filter: string) => `
    SELECT s.subject, CASE WHEN ${activeIn(d, 's.subject', inactivityWindow(int('to')))} THEN 1 ELSE 0 END AS active_end
    FROM kpi_activity_subjects s WHERE ${customerAt(d, int('from'), filter)}`;

/**
 * The `retention` counts of each period between consecutive bounds @b0 … @b{bounds − 1}, in one
 * statement: the customers at each bound are found once, since a bound ends one period and starts
 * the next; a period's retained are its start's customers who are customers at its end too (an
 * event in (to − N, to), as `active_end`; such a subject is also active around the end).
 */
export function retentionSeriesSql(dialect: Dialect, bounds: number): string {
  const d = DIALECTS[dialect];
  const at = Array.from(
    { length: bounds },
    (_, i) => `c${i} AS MATERIALIZED (SELECT s.subject FROM kpi_activity_subjects s WHERE ${customerAt(d, int(`b${i}`))})`,
  );
  const periods = Array.from(
    { length: bounds - 1 },
    (_, i) => `SELECT ${i} AS period, (SELECT COUNT(*) FROM c${i}) AS at_start,
      (SELECT COUNT(*) FROM c${i} JOIN c${i + 1} ON c${i + 1}.subject = c${i}.subject) AS retained`,
  );
  return `WITH ${at.join(',\n    ')}\n    ${periods.join('\n    UNION ALL ')}`;
}

const periodIndex = (t: string, period: string) => `(${t} - ${int('from')}) / ${period}`;

/** The statements, segmented (they start with the `segment` CTE) or not. */
export function retentionSql(dialect: Dialect, segment: SegmentKind | null) {
  const d = DIALECTS[dialect];
  const withSegment = segment ? `${segmentCte(dialect, segment)},` : '';
  const ctes = (split: string) => `${withSegment} ${activityCtes(d, segment, split)}`;
  const dayIdx = periodIndex('t', String(DAY_MS));
  return {
    activeUsers: `
      WITH ${ctes(String(DAY_MS))}, act AS MATERIALIZED (SELECT DISTINCT subject, ${dayIdx} AS day FROM activity)
      SELECT 'day' AS period, day AS idx, COUNT(*) AS users FROM act GROUP BY day
      UNION ALL SELECT 'week', idx, COUNT(*) FROM (SELECT DISTINCT subject, day / 7 AS idx FROM act) w GROUP BY idx
      UNION ALL SELECT 'month', idx, COUNT(*) FROM (SELECT DISTINCT subject, day / 30 AS idx FROM act) m GROUP BY idx`,
    retention: `
      WITH ${withSegment} per_subject AS (${retentionSubjects(d, segment ? 'AND s.subject IN (SELECT subject FROM segment)' : '')})
      SELECT COUNT(*) AS at_start, COALESCE(SUM(active_end), 0) AS retained FROM per_subject`,
    // The cohorts are already narrowed to the segment: joining them is the segment filter. Their
    // days are read per cohort subject through kpi_activity_days_by_subject (covering) rather
    // than by joining the whole range's rollup rows (SQLite: 115 → 42 ms CPU at 280k events; CROSS
    // JOIN keeps SQLite from starting at the rollup's day range).
    cohorts: `
      WITH ${ctes(int('period'))}, ${firsts(d, segment)},
      c AS MATERIALIZED (SELECT subject, ${periodIndex('first_at', int('period'))} AS cohort FROM firsts),
      c_days AS (SELECT c.subject, c.cohort, k.first_at, k.last_at FROM c CROSS JOIN kpi_activity_days k
        WHERE k.project_id = @projectId AND k.subject = c.subject AND k.day >= ${int('dLo')} AND k.day < ${int('dHi')}),
      cells AS (SELECT DISTINCT subject, cohort, period_offset FROM (
        SELECT subject, cohort, ${periodIndex('first_at', int('period'))} - cohort AS period_offset FROM c_days
        UNION ALL SELECT subject, cohort, ${periodIndex('last_at', int('period'))} - cohort FROM c_days
          WHERE ${periodIndex('last_at', int('period'))} <> ${periodIndex('first_at', int('period'))}
        UNION ALL SELECT a.subject, c.cohort, ${periodIndex('a.t', int('period'))} - c.cohort FROM edge_activity a JOIN c ON c.subject = a.subject) t)
      SELECT cohort, period_offset, COUNT(*) AS users FROM cells GROUP BY 1, 2`,
    dropOff: `
      WITH ${withSegment} ${firsts(d, segment)}
      SELECT COUNT(*) AS new_users,
        COALESCE(SUM(CASE WHEN first_at + ${int('firstDays')} < ${int('to')} THEN 1 ELSE 0 END), 0) AS eligible,
        COALESCE(SUM(CASE WHEN first_at + ${int('firstDays')} < ${int('to')} AND ${activeIn(d, 'f.subject', [`(f.first_at + ${int('firstDays')})`, int('to'), false])} THEN 1 ELSE 0 END), 0) AS returned
      FROM firsts f`,
    // Adopters come from the (project_id, name, timestamp) index: one event name, in range.
    engagement: `
      WITH ${ctes(String(DAY_MS))},
      days AS (SELECT subject, SUM(n) AS n FROM activity GROUP BY subject, ${dayIdx}),
      adopters AS (SELECT DISTINCT ${subjectSql('e.')} AS subject FROM events e WHERE e.project_id = @projectId
        AND e.name = CAST(@event AS text) AND e.timestamp >= ${d.eventTime(int('from'))} AND e.timestamp < ${d.eventTime(int('to'))})
      SELECT COUNT(*) AS active_users, COALESCE(SUM(n), 0) AS events, COALESCE(SUM(n * n), 0) AS events_squared,
        COALESCE(SUM(d), 0) AS active_days,
        (SELECT COUNT(*) FROM adopters ${segment ? 'WHERE subject IN (SELECT subject FROM segment)' : ''}) AS adopters
      FROM (SELECT subject, SUM(n) AS n, COUNT(*) AS d FROM days GROUP BY subject) per_subject`,
    // The users of a segment at @to (KPIs folded outside SQL filter their rows by these).
    segmentUsers: `WITH ${withSegment.replace(/,$/, '')} SELECT substr(subject, 3) AS user_id FROM segment`,
    // The customers of a segment at @to, users and accounts (revenue folds its rows by these).
    segmentCustomers: `WITH ${withSegment} ${segment ? accountSegmentCte(dialect, segment) : ''}
      SELECT 'user' AS kind, substr(subject, 3) AS id FROM segment UNION ALL SELECT 'account', account_id FROM segment_accounts`,
  };
}

export type RetentionStatement = keyof ReturnType<typeof retentionSql>;

/**
 * Parameters of a scan of [lo, hi): the whole UTC days inside it come from the rollup, the one or
 * two partial days at its ends (`e1`, `e2`; null day when there is none) from `events`.
 */
export function scanParams(projectId: string, query: ActivityQuery, lo = query.from.getTime()) {
  const hi = query.to.getTime();
  const firstWhole = Math.ceil(lo / DAY_MS);
  const dHi = Math.floor(hi / DAY_MS);
  // Inside one UTC day, no day is whole: [dLo, dHi) is empty and all of the range is an edge.
  const dLo = Math.min(firstWhole, dHi);
  const edges: [number | null, number, number][] = [];
  if (firstWhole > dHi) edges.push([dayOf(lo), lo, hi]);
  else {
    if (lo < dLo * DAY_MS) edges.push([dLo - 1, lo, dLo * DAY_MS]);
    if (dHi * DAY_MS < hi) edges.push([dHi, dHi * DAY_MS, hi]);
  }
  while (edges.length < 2) edges.push([null, 0, 0]);
  const [e1, e2] = edges as [[number | null, number, number], [number | null, number, number]];
  return {
    projectId,
    ...segmentParams(query.segment, hi),
    from: query.from.getTime(),
    to: hi,
    dLo,
    dHi,
    e1day: e1[0],
    e1lo: e1[1],
    e1hi: e1[2],
    e2day: e2[0],
    e2lo: e2[1],
    e2hi: e2[2],
  };
}
