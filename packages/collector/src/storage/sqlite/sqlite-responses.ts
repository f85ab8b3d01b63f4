import { PROMPT_EVENTS } from '@hearth/schema';
import type { Database } from 'better-sqlite3';
import type { StoredResponse } from '../../domain/survey/response.js';
import { ATTEMPT_COLUMNS, RESPONSE_COLUMNS, groupMarks, toAttempt, toStoredResponse, type AttemptRow, type ResponseRow } from '../responses/response-rows.js';
import type { ResponseStore } from '../responses/response-store.js';

const params = (projectId: string, r: StoredResponse) => ({
  projectId,
  surveyId: r.surveyId,
  userId: r.userId,
  cycle: r.cycle,
  answer: JSON.stringify(r.answer),
  comment: r.comment,
  traits: JSON.stringify(r.traits),
  locale: r.locale,
  answeredAt: r.answeredAt.getTime(),
  updatedAt: r.updatedAt.getTime(),
});

export function sqliteResponseStore(db: Database): ResponseStore {
  const get = db.prepare<[string, string, string, number], ResponseRow>(
    `SELECT ${RESPONSE_COLUMNS} FROM survey_responses WHERE project_id = ? AND survey_id = ? AND user_id = ? AND cycle = ?`,
  );
  const latest = db.prepare<[string, string, string], ResponseRow>(
    `SELECT ${RESPONSE_COLUMNS} FROM survey_responses WHERE project_id = ? AND survey_id = ? AND user_id = ? ORDER BY cycle DESC LIMIT 1`,
  );
  const insert = db.prepare<ReturnType<typeof params>>(`
    INSERT INTO survey_responses (project_id, survey_id, user_id, cycle, answer, comment, traits, locale, answered_at, updated_at)
    VALUES (@projectId, @surveyId, @userId, @cycle, @answer, @comment, @traits, @locale, @answeredAt, @updatedAt)
    ON CONFLICT DO NOTHING`);
  const update = db.prepare<ReturnType<typeof params> & { previousAnswer: string; previousComment: string | null }>(`
    UPDATE survey_responses SET answer = @answer, comment = @comment, updated_at = @updatedAt
    WHERE project_id = @projectId AND survey_id = @surveyId AND user_id = @userId AND cycle = @cycle
      AND answer = @previousAnswer AND comment IS @previousComment`);
  const list = db.prepare<[string, string, number, number], ResponseRow>(
    `SELECT ${RESPONSE_COLUMNS} FROM survey_responses
     WHERE project_id = ? AND survey_id = ? AND answered_at >= ? AND answered_at < ? ORDER BY answered_at, user_id, cycle`,
  );
  const marks = db.prepare<[string, string], { survey_id: string; cycle: number; answered_at: number }>(
    'SELECT survey_id, cycle, answered_at FROM survey_responses WHERE project_id = ? AND user_id = ?',
  );
  const shownSince = db.prepare<{ projectId: string; ids: string; since: number }, { survey_id: string; n: number }>(`
    SELECT json_extract(e.properties, '$.promptId') AS survey_id, COUNT(DISTINCT COALESCE(e.user_id, e.anonymous_id)) AS n
    FROM events e
    WHERE e.project_id = @projectId AND e.name = '${PROMPT_EVENTS.shown}' AND e.timestamp >= @since
      AND json_extract(e.properties, '$.promptId') IN (SELECT value FROM json_each(@ids))
    GROUP BY 1`);
  const displays = db.prepare<[string, string, number, number], { timestamp: number }>(`
    SELECT e.timestamp FROM events e
    WHERE e.project_id = ? AND e.name = '${PROMPT_EVENTS.shown}' AND json_extract(e.properties, '$.promptId') = ?
      AND e.timestamp >= ? AND e.timestamp < ? ORDER BY e.timestamp`);
  const recordAttempt = db.prepare(`
    INSERT INTO webhook_attempts (project_id, delivery_id, url, attempt, at, status, error, outcome, next_attempt_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
  const attempts = db.prepare<[string, string], AttemptRow>(
    `SELECT ${ATTEMPT_COLUMNS} FROM webhook_attempts WHERE project_id = ? AND delivery_id = ? ORDER BY url, attempt`,
  );
  const one = (row: ResponseRow | undefined) => (row ? toStoredResponse(row) : null);

  return {
    get: async (projectId, surveyId, userId, cycle) => one(get.get(projectId, surveyId, userId, cycle)),
    latest: async (projectId, surveyId, userId) => one(latest.get(projectId, surveyId, userId)),
    insert: async (projectId, record) => insert.run(params(projectId, record)).changes > 0,
    update: async (projectId, previous, next) =>
      update.run({ ...params(projectId, next), previousAnswer: JSON.stringify(previous.answer), previousComment: previous.comment }).changes > 0,
    list: async (projectId, surveyId, range) => list.all(projectId, surveyId, range.from.getTime(), range.to.getTime()).map(toStoredResponse),
    marks: async (projectId, userId) => groupMarks(marks.all(projectId, userId)),
    usersShownSince: async (projectId, surveyIds, since) =>
      new Map(surveyIds.length ? shownSince.all({ projectId, ids: JSON.stringify(surveyIds), since: since.getTime() }).map((r) => [r.survey_id, r.n]) : []),
    displays: async (projectId, surveyId, range) =>
      displays.all(projectId, surveyId, range.from.getTime(), range.to.getTime()).map((r) => new Date(r.timestamp)),
    recordAttempt: async (projectId, a) =>
      void recordAttempt.run(projectId, a.deliveryId, a.url, a.attempt, a.at.getTime(), a.status, a.error, a.outcome, a.nextAttemptAt?.getTime() ?? null),
    attempts: async (projectId, deliveryId) => attempts.all(projectId, deliveryId).map(toAttempt),
  };
}
