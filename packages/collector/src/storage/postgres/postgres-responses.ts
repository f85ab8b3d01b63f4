import { PROMPT_EVENTS } from '@hearth/schema';
import type pg from 'pg';
import type { StoredResponse } from '../../domain/survey/response.js';
import { ATTEMPT_COLUMNS, RESPONSE_COLUMNS, groupMarks, respondentKey, toAttempt, toStoredResponse, type AttemptRow, type ResponseRow } from '../responses/response-rows.js';
import type { Respondent, ResponseStore } from '../responses/response-store.js';

const KEY = 'project_id = $1 AND survey_id = $2 AND user_id = $3 AND anonymous = $4 AND cycle = $5';
const key = (projectId: string, r: StoredResponse) => [projectId, r.surveyId, r.userId, r.anonymous, r.cycle];
const who = (respondent: Respondent) => {
  const { id, anonymous } = respondentKey(respondent);
  return [id, anonymous];
};

type Query = (sql: string, values: unknown[]) => Promise<{ rowCount: number | null }>;

/**
 * `ResponseStore.claim`, also run by the write path inside its transaction when an identify links
 * an anonymous id for the first time (before the link is written, so "not linked yet" holds).
 * Answers of cycles the user already answered are not moved; those anonymous duplicates are dropped.
 */
export async function postgresClaimResponses(query: Query, projectId: string, anonymousId: string, userId: string): Promise<number> {
  const unlinked = 'NOT EXISTS (SELECT 1 FROM identities i WHERE i.project_id = $1 AND i.anonymous_id = $2)';
  // A copy under the user's key, not an UPDATE of the key: a user answer for the same cycle that
  // commits meanwhile makes ON CONFLICT skip the copy (the user's answer stands) instead of raising
  // a unique violation that would fail the answer or the whole identify batch.
  const moved = await query(
    `INSERT INTO survey_responses (project_id, survey_id, user_id, anonymous, cycle, answer, comment, traits, locale, answered_at, updated_at)
     SELECT r.project_id, r.survey_id, $3, false, r.cycle, r.answer, r.comment, r.traits, r.locale, r.answered_at, r.updated_at
     FROM survey_responses r
     WHERE r.project_id = $1 AND r.user_id = $2 AND r.anonymous AND ${unlinked}
     ON CONFLICT DO NOTHING`,
    [projectId, anonymousId, userId],
  );
  await query(`DELETE FROM survey_responses WHERE project_id = $1 AND user_id = $2 AND anonymous AND ${unlinked}`, [projectId, anonymousId]);
  return moved.rowCount ?? 0;
}

export function postgresResponseStore(pool: pg.Pool): ResponseStore {
  const one = async (sql: string, values: unknown[]) => {
    const { rows } = await pool.query<ResponseRow>(sql, values);
    return rows[0] ? toStoredResponse(rows[0]) : null;
  };
  return {
    get: (projectId, surveyId, respondent, cycle) =>
      one(`SELECT ${RESPONSE_COLUMNS} FROM survey_responses WHERE ${KEY}`, [projectId, surveyId, ...who(respondent), cycle]),
    latest: (projectId, surveyId, respondent) =>
      one(
        `SELECT ${RESPONSE_COLUMNS} FROM survey_responses WHERE project_id = $1 AND survey_id = $2 AND user_id = $3 AND anonymous = $4 ORDER BY cycle DESC LIMIT 1`,
        [projectId, surveyId, ...who(respondent)],
      ),
    claim: (projectId, anonymousId, userId) => postgresClaimResponses((sql, values) => pool.query(sql, values), projectId, anonymousId, userId),
    async insert(projectId, r) {
      const { rowCount } = await pool.query(
        `INSERT INTO survey_responses (project_id, survey_id, user_id, anonymous, cycle, answer, comment, traits, locale, answered_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
        [...key(projectId, r), JSON.stringify(r.answer), r.comment, JSON.stringify(r.traits), r.locale, r.answeredAt, r.updatedAt],
      );
      return rowCount === 1;
    },
    async update(projectId, previous, next) {
      const { rowCount } = await pool.query(
        `UPDATE survey_responses SET answer = $6, comment = $7, updated_at = $8
         WHERE ${KEY} AND answer = $9::jsonb AND comment IS NOT DISTINCT FROM $10`,
        [...key(projectId, next), JSON.stringify(next.answer), next.comment, next.updatedAt, JSON.stringify(previous.answer), previous.comment],
      );
      return rowCount === 1;
    },
    async list(projectId, surveyId, range) {
      const { rows } = await pool.query<ResponseRow>(
        `SELECT ${RESPONSE_COLUMNS} FROM survey_responses
         WHERE project_id = $1 AND survey_id = $2 AND answered_at >= $3 AND answered_at < $4 ORDER BY answered_at, user_id, cycle`,
        [projectId, surveyId, range.from, range.to],
      );
      return rows.map(toStoredResponse);
    },
    async marks(projectId, respondent) {
      const { rows } = await pool.query<{ survey_id: string; cycle: number; answered_at: Date }>(
        'SELECT survey_id, cycle, answered_at FROM survey_responses WHERE project_id = $1 AND user_id = $2 AND anonymous = $3',
        [projectId, ...who(respondent)],
      );
      return groupMarks(rows);
    },
    async usersShownSince(projectId, surveyIds, since) {
      if (!surveyIds.length) return new Map();
      const { rows } = await pool.query<{ survey_id: string; n: number }>(
        `SELECT e.properties->>'promptId' AS survey_id, COUNT(DISTINCT COALESCE(e.user_id, e.anonymous_id))::int AS n
         FROM events e
         WHERE e.project_id = $1 AND e.name = $2 AND e.timestamp >= $3 AND e.properties->>'promptId' = ANY($4::text[])
         GROUP BY 1`,
        [projectId, PROMPT_EVENTS.shown, since, surveyIds],
      );
      return new Map(rows.map((r) => [r.survey_id, r.n]));
    },
    async displays(projectId, surveyId, range) {
      const { rows } = await pool.query<{ timestamp: Date }>(
        `SELECT e.timestamp FROM events e
         WHERE e.project_id = $1 AND e.name = $2 AND e.properties->>'promptId' = $3 AND e.timestamp >= $4 AND e.timestamp < $5
         ORDER BY e.timestamp`,
        [projectId, PROMPT_EVENTS.shown, surveyId, range.from, range.to],
      );
      return rows.map((r) => r.timestamp);
    },
    async recordAttempt(projectId, a) {
      await pool.query(
        `INSERT INTO webhook_attempts (project_id, delivery_id, url, attempt, at, status, error, outcome, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
        [projectId, a.deliveryId, a.url, a.attempt, a.at, a.status, a.error, a.outcome, a.nextAttemptAt],
      );
    },
    async attempts(projectId, deliveryId) {
      const { rows } = await pool.query<AttemptRow>(
        `SELECT ${ATTEMPT_COLUMNS} FROM webhook_attempts WHERE project_id = $1 AND delivery_id = $2 ORDER BY url, attempt`,
        [projectId, deliveryId],
      );
      return rows.map(toAttempt);
    },
  };
}
