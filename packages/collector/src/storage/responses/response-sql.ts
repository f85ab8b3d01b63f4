import { PROMPT_EVENTS } from '@hearth/schema';
import type { StoredResponse } from '../../domain/survey/response.js';
import { flag, jsonText, placeholders, typed } from '../sql/dialect.js';
import { insertJob } from '../jobs/job-sql.js';
import type { NewJob } from '../jobs/job-store.js';
import { andThen, type Awaitable, type SqlReader, type SqlRunner } from '../sql/runner.js';
import { ask, type Transact } from '../sql/transaction.js';
import {
  ATTEMPT_COLUMNS,
  RESPONSE_COLUMNS,
  groupMarks,
  respondentKey,
  toAttempt,
  toStoredResponse,
  type AttemptRow,
  type ResponseRow,
} from './response-rows.js';
import type { Respondent, ResponseStore } from './response-store.js';

const KEY = 'project_id = $1 AND survey_id = $2 AND user_id = $3 AND anonymous = $4';
const UNLINKED = 'NOT EXISTS (SELECT 1 FROM identities i WHERE i.project_id = $1 AND i.anonymous_id = $2)';

/**
 * `ResponseStore.claim`, also run by the write path inside its transaction when an identify links
 * an anonymous id for the first time (before the link is written, so "not linked yet" holds).
 * A copy under the user's key, not an UPDATE of the key: a user answer for the same cycle that
 * commits meanwhile (PostgreSQL) makes ON CONFLICT skip the copy (the user's answer stands)
 * instead of raising a unique violation that would fail the answer or the whole identify batch.
 * The anonymous answers, copied or not, are then dropped.
 */
export function claimResponses(sql: SqlRunner, projectId: string, anonymousId: string, userId: string): Awaitable<number> {
  const moved = sql.run(
    `INSERT INTO survey_responses (project_id, survey_id, user_id, anonymous, cycle, answer, comment, traits, locale, answered_at, updated_at)
     SELECT r.project_id, r.survey_id, $3, false, r.cycle, r.answer, r.comment, r.traits, r.locale, r.answered_at, r.updated_at
     FROM survey_responses r
     WHERE r.project_id = $1 AND r.user_id = $2 AND r.anonymous AND ${UNLINKED}
     ON CONFLICT DO NOTHING`,
    [projectId, anonymousId, userId],
  );
  return andThen(moved, (count) =>
    andThen(
      sql.run(`DELETE FROM survey_responses WHERE project_id = $1 AND user_id = $2 AND anonymous AND ${UNLINKED}`, [
        projectId,
        anonymousId,
      ]),
      () => count,
    ),
  );
}

/**
 * One statement's change and the jobs it causes, in one transaction of the write gate: the jobs
 * only when the statement changed a row. (On SQLite a bare statement could also join the event
 * writer's open transaction and be acknowledged before it commits.)
 */
function writeWithJobs(transact: Transact, statement: (tx: SqlRunner) => Awaitable<number>, jobs: readonly NewJob[]): Promise<boolean> {
  return transact(function* (tx) {
    if ((yield* ask(statement(tx))) !== 1) return false;
    for (const job of jobs) yield* ask(insertJob(tx, job, job.runAt));
    return true;
  });
}

/** `store.responses` over either dialect; the survey KPIs' reads (`list`, `displays`) go through `kpiRead`. */
export function sqlResponseStore(sql: SqlRunner, transact: Transact, kpiRead: SqlReader = sql): ResponseStore {
  const d = sql.dialect;
  const one = async (text: string, values: unknown[]) => {
    const [row] = await sql.all<ResponseRow>(text, values);
    return row ? toStoredResponse(row) : null;
  };
  const who = (respondent: Respondent) => {
    const { id, anonymous } = respondentKey(respondent);
    return [id, flag(d, anonymous)];
  };
  const key = (projectId: string, r: StoredResponse) => [projectId, r.surveyId, r.userId, flag(d, r.anonymous), r.cycle];
  const range = (read: SqlReader, range: { from: Date; to: Date }) => [read.time(range.from.getTime()), read.time(range.to.getTime())];
  return {
    get: (projectId, surveyId, respondent, cycle) =>
      one(`SELECT ${RESPONSE_COLUMNS} FROM survey_responses WHERE ${KEY} AND cycle = $5`, [projectId, surveyId, ...who(respondent), cycle]),
    latest: (projectId, surveyId, respondent) =>
      one(`SELECT ${RESPONSE_COLUMNS} FROM survey_responses WHERE ${KEY} ORDER BY cycle DESC LIMIT 1`, [
        projectId,
        surveyId,
        ...who(respondent),
      ]),
    claim: async (projectId, anonymousId, userId) => claimResponses(sql, projectId, anonymousId, userId),
    insert: (projectId, r, jobs = []) =>
      writeWithJobs(
        transact,
        (tx) =>
          tx.run(
            `INSERT INTO survey_responses (project_id, survey_id, user_id, anonymous, cycle, answer, comment, traits, locale, answered_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
            [
              ...key(projectId, r),
              JSON.stringify(r.answer),
              r.comment,
              JSON.stringify(r.traits),
              r.locale,
              tx.time(r.answeredAt.getTime()),
              tx.time(r.updatedAt.getTime()),
            ],
          ),
        jobs,
      ),
    update: (projectId, previous, next, jobs = []) =>
      writeWithJobs(
        transact,
        (tx) =>
          tx.run(
            `UPDATE survey_responses SET answer = $6, comment = $7, updated_at = $8
         WHERE ${KEY} AND cycle = $5 AND answer = ${typed(d, '$9', 'jsonb')} AND comment IS NOT DISTINCT FROM $10`,
            [
              ...key(projectId, next),
              JSON.stringify(next.answer),
              next.comment,
              tx.time(next.updatedAt.getTime()),
              JSON.stringify(previous.answer),
              previous.comment,
            ],
          ),
        jobs,
      ),
    list: async (projectId, surveyId, answered) =>
      (
        await kpiRead.all<ResponseRow>(
          `SELECT ${RESPONSE_COLUMNS} FROM survey_responses
           WHERE project_id = $1 AND survey_id = $2 AND answered_at >= $3 AND answered_at < $4 ORDER BY answered_at, user_id, cycle`,
          [projectId, surveyId, ...range(kpiRead, answered)],
        )
      ).map(toStoredResponse),
    marks: async (projectId, respondent) =>
      groupMarks(
        await sql.all<{ survey_id: string; cycle: number; answered_at: number | Date }>(
          'SELECT survey_id, cycle, answered_at FROM survey_responses WHERE project_id = $1 AND user_id = $2 AND anonymous = $3',
          [projectId, ...who(respondent)],
        ),
      ),
    async usersShownSince(projectId, surveyIds, since) {
      if (!surveyIds.length) return new Map();
      const promptId = jsonText(d, 'e.properties', 'promptId');
      const rows = await sql.all<{ survey_id: string; n: number | string }>(
        `SELECT ${promptId} AS survey_id, COUNT(DISTINCT COALESCE(e.user_id, e.anonymous_id)) AS n
         FROM events e
         WHERE e.project_id = $1 AND e.name = '${PROMPT_EVENTS.shown}' AND e.timestamp >= $2 AND ${promptId} IN (${placeholders(3, surveyIds.length)})
         GROUP BY 1`,
        [projectId, sql.time(since.getTime()), ...surveyIds],
      );
      return new Map(rows.map((r) => [r.survey_id, Number(r.n)]));
    },
    displays: async (projectId, surveyId, shown) =>
      (
        await kpiRead.all<{ timestamp: number | Date; user_id: string | null }>(
          `SELECT e.timestamp, e.user_id FROM events e
           WHERE e.project_id = $1 AND e.name = '${PROMPT_EVENTS.shown}' AND ${jsonText(kpiRead.dialect, 'e.properties', 'promptId')} = $2
             AND e.timestamp >= $3 AND e.timestamp < $4 ORDER BY e.timestamp`,
          [projectId, surveyId, ...range(kpiRead, shown)],
        )
      ).map((r) => ({ at: new Date(r.timestamp), userId: r.user_id })),
    async recordAttempt(projectId, a) {
      await sql.run(
        `INSERT INTO webhook_attempts (project_id, delivery_id, url, attempt, at, status, error, outcome, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
        [
          projectId,
          a.deliveryId,
          a.url,
          a.attempt,
          sql.time(a.at.getTime()),
          a.status,
          a.error,
          a.outcome,
          a.nextAttemptAt === null ? null : sql.time(a.nextAttemptAt.getTime()),
        ],
      );
    },
    attempts: async (projectId, deliveryId) =>
      (
        await sql.all<AttemptRow>(
          `SELECT ${ATTEMPT_COLUMNS} FROM webhook_attempts WHERE project_id = $1 AND delivery_id = $2 ORDER BY url, attempt`,
          [projectId, deliveryId],
        )
      ).map(toAttempt),
  };
}
