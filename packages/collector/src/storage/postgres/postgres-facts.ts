import type pg from 'pg';
import { PROMPT_EVENTS, SURVEY_EVENTS, type JsonValue } from '@hearth/schema';
import { countKey, matchKey } from '../../domain/targeting/facts.js';
import { DAY_MS } from '../../domain/time.js';
import { VISIT_GAP_MS } from '../../domain/visit.js';
import type { FactStore, Subject } from '../facts/fact-store.js';

/** The subject's events ($2); both forms seek an index led by (project_id, user_id | anonymous_id). */
const SUBJECT = {
  user: 'e.user_id = $2',
  anonymous: 'e.anonymous_id = $2 AND e.user_id IS NULL',
};
const GAP = `make_interval(secs => ${VISIT_GAP_MS / 1000})`;

const bind = (subject: Subject) =>
  'userId' in subject ? { where: SUBJECT.user, id: subject.userId } : { where: SUBJECT.anonymous, id: subject.anonymousId };

export function postgresFactStore(pool: pg.Pool): FactStore {
  return {
    async profile(projectId, subject) {
      if ('userId' in subject) {
        const { rows } = await pool.query<{ traits: Record<string, JsonValue>; first_seen: Date; last_seen: Date; previous_seen: Date | null }>(
          'SELECT traits, first_seen, last_seen, previous_seen FROM users WHERE project_id = $1 AND user_id = $2',
          [projectId, subject.userId],
        );
        const row = rows[0];
        if (!row) return { traits: {}, firstSeen: null, lastSeen: null, previousSeen: null };
        return { traits: row.traits, firstSeen: row.first_seen.getTime(), lastSeen: row.last_seen.getTime(), previousSeen: row.previous_seen?.getTime() ?? null };
      }
      // Visitors have no users row: the same figures from their few events, gaps found with LEAD.
      const { rows } = await pool.query<{ first_seen: Date | null; last_seen: Date | null; previous_seen: Date | null }>(
        `SELECT MIN(timestamp) AS first_seen, MAX(timestamp) AS last_seen,
                MAX(CASE WHEN next_at - timestamp >= ${GAP} THEN timestamp END) AS previous_seen
         FROM (SELECT e.timestamp, LEAD(e.timestamp) OVER (ORDER BY e.timestamp) AS next_at
               FROM events e WHERE e.project_id = $1 AND ${SUBJECT.anonymous}) AS visits`,
        [projectId, subject.anonymousId],
      );
      const row = rows[0];
      return { traits: {}, firstSeen: row?.first_seen?.getTime() ?? null, lastSeen: row?.last_seen?.getTime() ?? null, previousSeen: row?.previous_seen?.getTime() ?? null };
    },
    async answer(projectId, subject, queries, now) {
      const { where, id } = bind(subject);
      const counts = queries.counts.length === 0 ? [] : (await pool.query<{ n: number }>(
        `SELECT (SELECT COUNT(*) FROM events e
                 WHERE e.project_id = $1 AND ${where} AND e.name = q.event AND e.timestamp >= q.since)::int AS n
         FROM unnest($3::text[], $4::timestamptz[]) WITH ORDINALITY AS q(event, since, ord) ORDER BY q.ord`,
        [
          projectId,
          id,
          queries.counts.map((q) => q.event),
          queries.counts.map((q) => (q.withinDays === null ? '-infinity' : new Date(now.getTime() - q.withinDays * DAY_MS).toISOString())),
        ],
      )).rows;
      // `@>` on scalars compares value and JSON type, as the in-memory `===` reference does.
      const matches = queries.matches.length === 0 ? [] : (await pool.query<{ first_at: Date | null }>(
        `SELECT (SELECT MIN(e.timestamp) FROM events e
                 WHERE e.project_id = $1 AND ${where} AND e.name = q.event AND e.properties @> q.filter) AS first_at
         FROM unnest($3::text[], $4::jsonb[]) WITH ORDINALITY AS q(event, filter, ord) ORDER BY q.ord`,
        [projectId, id, queries.matches.map((q) => q.event), queries.matches.map((q) => JSON.stringify(q.where ?? {}))],
      )).rows;
      return {
        counts: new Map(queries.counts.map((q, i) => [countKey(q), counts[i]?.n ?? 0])),
        firstEvents: new Map(queries.matches.map((q, i) => [matchKey(q), matches[i]?.first_at ?? null])),
      };
    },
    async promptEvents(projectId, subject) {
      const { where, id } = bind(subject);
      const { rows } = await pool.query<{ name: string; timestamp: Date; properties: Record<string, JsonValue> }>(
        `SELECT e.name, e.timestamp, e.properties FROM events e
         WHERE e.project_id = $1 AND ${where} AND e.name = ANY($3::text[]) ORDER BY e.timestamp`,
        [projectId, id, [...Object.values(PROMPT_EVENTS), ...Object.values(SURVEY_EVENTS)]],
      );
      return rows.map((row) => ({ name: row.name, at: row.timestamp, properties: row.properties }));
    },
  };
}
