import { PROMPT_EVENTS, SURVEY_EVENTS, type JsonValue } from '@hearth/schema';
import { countKey, matchKey, type EventMatchQuery, type FactEvent } from '../../domain/targeting/facts.js';
import { DAY_MS } from '../../domain/time.js';
import { VISIT_GAP_MS } from '../../domain/visit.js';
import { duration, jsonContains, readJson } from '../sql/dialect.js';
import type { Dialect, SqlRunner } from '../sql/runner.js';
import type { FactStore, Subject, SubjectProfile } from './fact-store.js';

type Time = number | Date;
const ms = (time: Time | null | undefined) => (time === null || time === undefined ? null : new Date(time).getTime());

/**
 * The subject's events ($2); each form seeks an index led by (project_id, user_id | anonymous_id
 * | account_id). `account` is every member's events attributed to the account (shared checklists).
 */
const SUBJECT = {
  user: 'e.user_id = $2',
  anonymous: 'e.anonymous_id = $2 AND e.user_id IS NULL',
  account: 'e.account_id = $2',
};
const bind = (subject: Subject) =>
  'userId' in subject ? { where: SUBJECT.user, id: subject.userId } : { where: SUBJECT.anonymous, id: subject.anonymousId };

/** Sent emails of user $2 as `$prompt_shown` displays `{ promptId: campaign, kind, channel: 'email' }`. */
const EMAIL_DISPLAYS: Record<Dialect, string> = {
  sqlite: `SELECT '${PROMPT_EVENTS.shown}', s.sent_at, json_object('promptId', s.campaign, 'kind', s.kind, 'channel', 'email')
    FROM email_sends s WHERE s.project_id = $1 AND s.user_id = $2 AND s.status = 'sent'`,
  postgres: `SELECT '${PROMPT_EVENTS.shown}', s.sent_at, jsonb_build_object('promptId', s.campaign, 'kind', s.kind, 'channel', 'email')
    FROM email_sends s WHERE s.project_id = $1 AND s.user_id = $2 AND s.status = 'sent'`,
};

const PROMPT_EVENT_NAMES = [...Object.values(PROMPT_EVENTS), ...Object.values(SURVEY_EVENTS)].map((name) => `'${name}'`).join(', ');

/**
 * The queries as rows `q`, one per query, in query order: a JSON array on SQLite (`[event,
 * sinceMs]` pairs, `{ event, where }` objects), column arrays on PostgreSQL.
 */
const QUERY_ROWS = {
  sqlite: {
    counts: { from: 'json_each($3) q', event: "json_extract(q.value, '$[0]')", since: "json_extract(q.value, '$[1]')", order: 'q.key' },
    matches: { from: 'json_each($3) q', event: "json_extract(q.value, '$.event')", filter: "q.value, '$.where'", order: 'q.key' },
  },
  postgres: {
    counts: {
      from: 'unnest($3::text[], $4::timestamptz[]) WITH ORDINALITY AS q(event, since, ord)',
      event: 'q.event',
      since: 'q.since',
      order: 'q.ord',
    },
    matches: {
      from: 'unnest($3::text[], $4::jsonb[]) WITH ORDINALITY AS q(event, filter, ord)',
      event: 'q.event',
      filter: 'q.filter',
      order: 'q.ord',
    },
  },
};

const countsSql = (d: Dialect, subject: string) => {
  const q = QUERY_ROWS[d].counts;
  return `
    SELECT (SELECT COUNT(*) FROM events e
            WHERE e.project_id = $1 AND ${subject} AND e.name = ${q.event} AND e.timestamp >= ${q.since}) AS n
    FROM ${q.from} ORDER BY ${q.order}`;
};
const matchesSql = (d: Dialect, subject: string) => {
  const q = QUERY_ROWS[d].matches;
  return `
    SELECT (SELECT MIN(e.timestamp) FROM events e
            WHERE e.project_id = $1 AND ${subject} AND e.name = ${q.event} AND ${jsonContains(d, 'e.properties', q.filter)}) AS first_at
    FROM ${q.from} ORDER BY ${q.order}`;
};

/** `store.facts` over either dialect. */
export function sqlFactStore(sql: SqlRunner): FactStore {
  const d = sql.dialect;
  const statements = (build: (d: Dialect, subject: string) => string) => ({
    [SUBJECT.user]: build(d, SUBJECT.user),
    [SUBJECT.anonymous]: build(d, SUBJECT.anonymous),
    [SUBJECT.account]: build(d, SUBJECT.account),
  });
  const counts = statements(countsSql);
  const matches = statements(matchesSql);
  // A count since "ever" starts before any representable time.
  const since = (now: Date, withinDays: number | null) =>
    d === 'sqlite'
      ? withinDays === null
        ? -8.64e15
        : now.getTime() - withinDays * DAY_MS
      : withinDays === null
        ? '-infinity'
        : new Date(now.getTime() - withinDays * DAY_MS).toISOString();

  /** Each query's first matching event of the subject (`where` bound to `id`), by `matchKey`. */
  async function firstMatches(
    projectId: string,
    where: string,
    id: string,
    queries: readonly EventMatchQuery[],
  ): Promise<Map<string, Date | null>> {
    if (queries.length === 0) return new Map();
    const filters = queries.map((q) => ({ event: q.event, where: q.where ?? {} }));
    const rows = await sql.all<{ first_at: Time | null }>(
      matches[where]!,
      d === 'sqlite'
        ? [projectId, id, JSON.stringify(filters)]
        : [projectId, id, filters.map((f) => f.event), filters.map((f) => JSON.stringify(f.where))],
    );
    return new Map(
      queries.map((q, i) => {
        const at = ms(rows[i]?.first_at);
        return [matchKey(q), at === null ? null : new Date(at)];
      }),
    );
  }

  return {
    async profile(projectId, subject): Promise<SubjectProfile> {
      if ('userId' in subject) {
        const [row] = await sql.all<{
          traits: string | Record<string, JsonValue>;
          first_seen: Time;
          last_seen: Time;
          previous_seen: Time | null;
        }>('SELECT traits, first_seen, last_seen, previous_seen FROM users WHERE project_id = $1 AND user_id = $2', [
          projectId,
          subject.userId,
        ]);
        if (!row) return { traits: {}, firstSeen: null, lastSeen: null, previousSeen: null };
        return {
          traits: readJson(row.traits),
          firstSeen: ms(row.first_seen),
          lastSeen: ms(row.last_seen),
          previousSeen: ms(row.previous_seen),
        };
      }
      // Visitors have no users row: the same figures from their few events, gaps found with LEAD.
      const [row] = await sql.all<{ first_seen: Time | null; last_seen: Time | null; previous_seen: Time | null }>(
        `SELECT MIN(timestamp) AS first_seen, MAX(timestamp) AS last_seen,
                MAX(CASE WHEN next_at - timestamp >= ${duration(d, VISIT_GAP_MS)} THEN timestamp END) AS previous_seen
         FROM (SELECT e.timestamp, LEAD(e.timestamp) OVER (ORDER BY e.timestamp) AS next_at
               FROM events e WHERE e.project_id = $1 AND ${SUBJECT.anonymous}) AS visits`,
        [projectId, subject.anonymousId],
      );
      return { traits: {}, firstSeen: ms(row?.first_seen), lastSeen: ms(row?.last_seen), previousSeen: ms(row?.previous_seen) };
    },
    async answer(projectId, subject, queries, now) {
      const { where, id } = bind(subject);
      const countRows =
        queries.counts.length === 0
          ? []
          : await sql.all<{ n: number | string }>(
              counts[where]!,
              d === 'sqlite'
                ? [projectId, id, JSON.stringify(queries.counts.map((q) => [q.event, since(now, q.withinDays)]))]
                : [projectId, id, queries.counts.map((q) => q.event), queries.counts.map((q) => since(now, q.withinDays))],
            );
      const firstEvents = await firstMatches(projectId, where, id, queries.matches);
      return {
        counts: new Map(queries.counts.map((q, i) => [countKey(q), Number(countRows[i]?.n ?? 0)])),
        firstEvents,
      };
    },
    accountMatches: (projectId, accountId, queries) => firstMatches(projectId, SUBJECT.account, accountId, queries),
    async promptEvents(projectId, subject): Promise<FactEvent[]> {
      const { where, id } = bind(subject);
      // A sent email is a display on another channel: the fatigue budget, the campaign's own
      // frequency and the survey cadence count it like one shown in the app.
      const emails = 'userId' in subject ? `UNION ALL ${EMAIL_DISPLAYS[sql.dialect]}` : '';
      const rows = await sql.all<{ name: string; timestamp: Time; properties: string | Record<string, JsonValue> }>(
        `SELECT name, timestamp, properties FROM (
           SELECT e.name, e.timestamp, e.properties FROM events e
           WHERE e.project_id = $1 AND ${where} AND e.name IN (${PROMPT_EVENT_NAMES}) ${emails}) x ORDER BY timestamp`,
        [projectId, id],
      );
      return rows.map((row) => ({ name: row.name, at: new Date(row.timestamp), properties: readJson(row.properties) }));
    },
  };
}
