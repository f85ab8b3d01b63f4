import type { Database, Statement } from 'better-sqlite3';
import { PROMPT_EVENTS, SURVEY_EVENTS } from '@hearth/schema';
import { countKey, matchKey, type FactEvent } from '../../domain/targeting/facts.js';
import { DAY_MS } from '../../domain/time.js';
import { VISIT_GAP_MS } from '../../domain/visit.js';
import type { FactStore, Subject, SubjectProfile } from '../facts/fact-store.js';
import { jsonContains } from '../sql/dialect.js';

type Params = { projectId: string; subjectId: string; queries?: string };
type Statements<T> = { user: Statement<Params, T>; anonymous: Statement<Params, T> };

/** The subject's events; both forms seek an index led by (project_id, user_id | anonymous_id). */
const SUBJECT = {
  user: 'e.user_id = @subjectId',
  anonymous: 'e.anonymous_id = @subjectId AND e.user_id IS NULL',
};
/** Timestamps are epoch ms; "ever" starts before any representable date. */
const EVER = -8.64e15;

export function sqliteFactStore(db: Database): FactStore {
  const prepare = <T>(sql: (subject: string) => string): Statements<T> => ({
    user: db.prepare<Params, T>(sql(SUBJECT.user)),
    anonymous: db.prepare<Params, T>(sql(SUBJECT.anonymous)),
  });
  // One row per query, in query order: `[event, sinceMs]` pairs.
  const counts = prepare<{ n: number }>((subject) => `
    SELECT (SELECT COUNT(*) FROM events e
            WHERE e.project_id = @projectId AND ${subject}
              AND e.name = json_extract(q.value, '$[0]') AND e.timestamp >= json_extract(q.value, '$[1]')) AS n
    FROM json_each(@queries) q ORDER BY q.key`);
  // One row per query, in query order: `{ event, where }` objects.
  const matches = prepare<{ first_at: number | null }>((subject) => `
    SELECT (SELECT MIN(e.timestamp) FROM events e
            WHERE e.project_id = @projectId AND ${subject} AND e.name = json_extract(q.value, '$.event')
              AND ${jsonContains('sqlite', 'e.properties', "q.value, '$.where'")}) AS first_at
    FROM json_each(@queries) q ORDER BY q.key`);
  const promptEvents = prepare<{ name: string; timestamp: number; properties: string }>((subject) => `
    SELECT e.name, e.timestamp, e.properties FROM events e
    WHERE e.project_id = @projectId AND ${subject}
      AND e.name IN (${[...Object.values(PROMPT_EVENTS), ...Object.values(SURVEY_EVENTS)].map((name) => `'${name}'`).join(', ')})
    ORDER BY e.timestamp`);
  const userProfile = db.prepare<Params, { traits: string; first_seen: number; last_seen: number; previous_seen: number | null }>(
    'SELECT traits, first_seen, last_seen, previous_seen FROM users WHERE project_id = @projectId AND user_id = @subjectId',
  );
  // Visitors have no users row: the same figures from their few events, gaps found with LEAD.
  const anonymousProfile = db.prepare<Params, { first_seen: number | null; last_seen: number | null; previous_seen: number | null }>(`
    SELECT MIN(timestamp) AS first_seen, MAX(timestamp) AS last_seen,
           MAX(CASE WHEN next_at - timestamp >= ${VISIT_GAP_MS} THEN timestamp END) AS previous_seen
    FROM (SELECT e.timestamp, LEAD(e.timestamp) OVER (ORDER BY e.timestamp) AS next_at
          FROM events e WHERE e.project_id = @projectId AND ${SUBJECT.anonymous})`);

  const bind = (projectId: string, subject: Subject) =>
    'userId' in subject
      ? { kind: 'user' as const, params: { projectId, subjectId: subject.userId } }
      : { kind: 'anonymous' as const, params: { projectId, subjectId: subject.anonymousId } };

  return {
    async profile(projectId, subject): Promise<SubjectProfile> {
      const { kind, params } = bind(projectId, subject);
      if (kind === 'user') {
        const row = userProfile.get(params);
        if (!row) return { traits: {}, firstSeen: null, lastSeen: null, previousSeen: null };
        return { traits: JSON.parse(row.traits), firstSeen: row.first_seen, lastSeen: row.last_seen, previousSeen: row.previous_seen };
      }
      const row = anonymousProfile.get(params);
      return { traits: {}, firstSeen: row?.first_seen ?? null, lastSeen: row?.last_seen ?? null, previousSeen: row?.previous_seen ?? null };
    },
    async answer(projectId, subject, queries, now) {
      const { kind, params } = bind(projectId, subject);
      const countRows = queries.counts.length === 0 ? [] : counts[kind].all({
        ...params,
        queries: JSON.stringify(queries.counts.map((q) => [q.event, q.withinDays === null ? EVER : now.getTime() - q.withinDays * DAY_MS])),
      });
      const matchRows = queries.matches.length === 0 ? [] : matches[kind].all({
        ...params,
        queries: JSON.stringify(queries.matches.map((q) => ({ event: q.event, where: q.where ?? {} }))),
      });
      return {
        counts: new Map(queries.counts.map((q, i) => [countKey(q), countRows[i]?.n ?? 0])),
        firstEvents: new Map(queries.matches.map((q, i) => {
          const at = matchRows[i]?.first_at;
          return [matchKey(q), at === null || at === undefined ? null : new Date(at)];
        })),
      };
    },
    async promptEvents(projectId, subject): Promise<FactEvent[]> {
      const { kind, params } = bind(projectId, subject);
      return promptEvents[kind].all(params).map((row) => ({ name: row.name, at: new Date(row.timestamp), properties: JSON.parse(row.properties) }));
    },
  };
}
