import { PROMPT_EVENTS } from '@hearth/schema';
import type { Database } from 'better-sqlite3';
import type { StoredResponse } from '../../domain/survey/response.js';
import { ATTEMPT_COLUMNS, RESPONSE_COLUMNS, groupMarks, respondentKey, toAttempt, toStoredResponse, type AttemptRow, type ResponseRow } from '../responses/response-rows.js';
import type { Respondent, ResponseStore } from '../responses/response-store.js';
import { sqliteKpiRows, type KpiRows } from './sqlite-kpi-rows.js';

const params = (projectId: string, r: StoredResponse) => ({
  projectId,
  surveyId: r.surveyId,
  userId: r.userId,
  anonymous: r.anonymous ? 1 : 0,
  cycle: r.cycle,
  answer: JSON.stringify(r.answer),
  comment: r.comment,
  traits: JSON.stringify(r.traits),
  locale: r.locale,
  answeredAt: r.answeredAt.getTime(),
  updatedAt: r.updatedAt.getTime(),
});

/**
 * `ResponseStore.claim`, also run by the write path inside its transaction when an identify links
 * an anonymous id for the first time (before the link is written, so "not linked yet" holds).
 * `UPDATE OR IGNORE` leaves the anonymous answers of cycles the user already answered; those
 * duplicates are then dropped.
 */
export function sqliteClaimResponses(db: Database): (projectId: string, anonymousId: string, userId: string) => number {
  const unlinked = 'NOT EXISTS (SELECT 1 FROM identities i WHERE i.project_id = @projectId AND i.anonymous_id = @anonymousId)';
  const move = db.prepare<{ projectId: string; anonymousId: string; userId: string }>(`
    UPDATE OR IGNORE survey_responses SET user_id = @userId, anonymous = 0
    WHERE project_id = @projectId AND user_id = @anonymousId AND anonymous = 1 AND ${unlinked}`);
  const drop = db.prepare<{ projectId: string; anonymousId: string }>(`
    DELETE FROM survey_responses WHERE project_id = @projectId AND user_id = @anonymousId AND anonymous = 1 AND ${unlinked}`);
  return (projectId, anonymousId, userId) => {
    const moved = move.run({ projectId, anonymousId, userId }).changes;
    drop.run({ projectId, anonymousId });
    return moved;
  };
}

export function sqliteResponseStore(db: Database, kpiRows: KpiRows = sqliteKpiRows(db, null)): ResponseStore {
  const get = db.prepare<[string, string, string, number, number], ResponseRow>(
    `SELECT ${RESPONSE_COLUMNS} FROM survey_responses WHERE project_id = ? AND survey_id = ? AND user_id = ? AND anonymous = ? AND cycle = ?`,
  );
  const latest = db.prepare<[string, string, string, number], ResponseRow>(
    `SELECT ${RESPONSE_COLUMNS} FROM survey_responses WHERE project_id = ? AND survey_id = ? AND user_id = ? AND anonymous = ? ORDER BY cycle DESC LIMIT 1`,
  );
  const insert = db.prepare<ReturnType<typeof params>>(`
    INSERT INTO survey_responses (project_id, survey_id, user_id, anonymous, cycle, answer, comment, traits, locale, answered_at, updated_at)
    VALUES (@projectId, @surveyId, @userId, @anonymous, @cycle, @answer, @comment, @traits, @locale, @answeredAt, @updatedAt)
    ON CONFLICT DO NOTHING`);
  const update = db.prepare<ReturnType<typeof params> & { previousAnswer: string; previousComment: string | null }>(`
    UPDATE survey_responses SET answer = @answer, comment = @comment, updated_at = @updatedAt
    WHERE project_id = @projectId AND survey_id = @surveyId AND user_id = @userId AND anonymous = @anonymous AND cycle = @cycle
      AND answer = @previousAnswer AND comment IS @previousComment`);
  const claim = sqliteClaimResponses(db);
  // The survey KPIs' reads (list, displays) go through `kpiRows`: the reader process on a file store.
  const LIST = `SELECT ${RESPONSE_COLUMNS} FROM survey_responses
     WHERE project_id = ? AND survey_id = ? AND answered_at >= ? AND answered_at < ? ORDER BY answered_at, user_id, cycle`;
  const marks = db.prepare<[string, string, number], { survey_id: string; cycle: number; answered_at: number }>(
    'SELECT survey_id, cycle, answered_at FROM survey_responses WHERE project_id = ? AND user_id = ? AND anonymous = ?',
  );
  const shownSince = db.prepare<{ projectId: string; ids: string; since: number }, { survey_id: string; n: number }>(`
    SELECT json_extract(e.properties, '$.promptId') AS survey_id, COUNT(DISTINCT COALESCE(e.user_id, e.anonymous_id)) AS n
    FROM events e
    WHERE e.project_id = @projectId AND e.name = '${PROMPT_EVENTS.shown}' AND e.timestamp >= @since
      AND json_extract(e.properties, '$.promptId') IN (SELECT value FROM json_each(@ids))
    GROUP BY 1`);
  const DISPLAYS = `
    SELECT e.timestamp FROM events e
    WHERE e.project_id = ? AND e.name = '${PROMPT_EVENTS.shown}' AND json_extract(e.properties, '$.promptId') = ?
      AND e.timestamp >= ? AND e.timestamp < ? ORDER BY e.timestamp`;
  const recordAttempt = db.prepare(`
    INSERT INTO webhook_attempts (project_id, delivery_id, url, attempt, at, status, error, outcome, next_attempt_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
  const attempts = db.prepare<[string, string], AttemptRow>(
    `SELECT ${ATTEMPT_COLUMNS} FROM webhook_attempts WHERE project_id = ? AND delivery_id = ? ORDER BY url, attempt`,
  );
  const one = (row: ResponseRow | undefined) => (row ? toStoredResponse(row) : null);
  const keyOf = (respondent: Respondent) => {
    const { id, anonymous } = respondentKey(respondent);
    return [id, anonymous ? 1 : 0] as const;
  };

  return {
    get: async (projectId, surveyId, respondent, cycle) => one(get.get(projectId, surveyId, ...keyOf(respondent), cycle)),
    latest: async (projectId, surveyId, respondent) => one(latest.get(projectId, surveyId, ...keyOf(respondent))),
    claim: async (projectId, anonymousId, userId) => claim(projectId, anonymousId, userId),
    insert: async (projectId, record) => insert.run(params(projectId, record)).changes > 0,
    update: async (projectId, previous, next) =>
      update.run({ ...params(projectId, next), previousAnswer: JSON.stringify(previous.answer), previousComment: previous.comment }).changes > 0,
    list: async (projectId, surveyId, range) =>
      (await kpiRows<ResponseRow>(LIST, [projectId, surveyId, range.from.getTime(), range.to.getTime()])).map(toStoredResponse),
    marks: async (projectId, respondent) => groupMarks(marks.all(projectId, ...keyOf(respondent))),
    usersShownSince: async (projectId, surveyIds, since) =>
      new Map(surveyIds.length ? shownSince.all({ projectId, ids: JSON.stringify(surveyIds), since: since.getTime() }).map((r) => [r.survey_id, r.n]) : []),
    displays: async (projectId, surveyId, range) =>
      (await kpiRows<{ timestamp: number }>(DISPLAYS, [projectId, surveyId, range.from.getTime(), range.to.getTime()])).map((r) => new Date(r.timestamp)),
    recordAttempt: async (projectId, a) =>
      void recordAttempt.run(projectId, a.deliveryId, a.url, a.attempt, a.at.getTime(), a.status, a.error, a.outcome, a.nextAttemptAt?.getTime() ?? null),
    attempts: async (projectId, deliveryId) => attempts.all(projectId, deliveryId).map(toAttempt),
  };
}
