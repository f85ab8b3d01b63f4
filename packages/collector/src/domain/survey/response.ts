import type { ErrorIssue, JsonValue, SurveyAnswer, SurveyPrompt, SurveyResponse } from '@hearth/schema';
import { DAY_MS } from '../time.js';
import type { ResponseMark } from './cadence.js';
import { answerIssues } from './validate-answer.js';

/** One response as stored: one row per (project, survey, user, cycle). */
export interface StoredResponse {
  surveyId: string;
  /** The user, or for an `anonymous` answer the visitor's anonymous id. */
  userId: string;
  /** Answered by a visitor who had not identified: `userId` is an anonymous id, never a user's. */
  anonymous: boolean;
  cycle: number;
  answer: SurveyAnswer;
  comment: string | null;
  /** The user's traits when the first score was chosen, for segments that do not drift. */
  traits: Readonly<Record<string, JsonValue>>;
  locale: string | null;
  answeredAt: Date;
  updatedAt: Date;
}

export interface ResponseContext {
  survey: SurveyPrompt;
  userId: string;
  /** `userId` is the anonymous id of a visitor. */
  anonymous: boolean;
  /** The stored response of the same cycle, if any. */
  existing: StoredResponse | null;
  /** This user's latest response to this survey (any cycle). */
  latest: ResponseMark | null;
  /**
   * A later score replaces the stored one instead of being refused: the score links of an NPS
   * email, where a mail filter may have fetched another score's link before the person clicked.
   */
  rescore?: boolean;
  traits: Readonly<Record<string, JsonValue>>;
  now: Date;
}

/**
 * What to do with a response: `created` / `updated` rows to write, `duplicate` (a retry or another
 * tab: nothing changes), or `refused` with the HTTP status to answer (422 does not fit the survey,
 * 409 conflicts with what is stored or with the cadence).
 */
export type ResponseDecision =
  | { outcome: 'created' | 'updated'; record: StoredResponse }
  | { outcome: 'duplicate'; record: StoredResponse }
  | { outcome: 'refused'; status: 409 | 422; issues: ErrorIssue[] };

const refused = (status: 409 | 422, path: string, message: string): ResponseDecision => ({
  outcome: 'refused',
  status,
  issues: [{ path, message }],
});

/** The stored answer with the incoming one folded in, or the path of the first disagreement. */
function mergeAnswer(stored: SurveyAnswer, incoming: SurveyAnswer): SurveyAnswer | string {
  if (stored.type === 'cli' && incoming.type === 'cli') {
    const clash = Object.keys(incoming.scores).find((id) => id in stored.scores && stored.scores[id] !== incoming.scores[id]);
    return clash ? `answer.scores.${clash}` : { type: 'cli', scores: { ...stored.scores, ...incoming.scores } };
  }
  if (stored.type !== incoming.type) return 'answer.type';
  return 'score' in stored && 'score' in incoming && stored.score !== incoming.score ? 'answer.score' : stored;
}

const sameAnswer = (a: SurveyAnswer, b: SurveyAnswer) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One response per user per survey cycle. The first request of a cycle creates it (with the
 * traits snapshot); later ones may add CLI scores or the comment, never change a score (except a
 * `rescore`, see ResponseContext). A new
 * cycle is accepted only once the cadence opened it, so a forged or stale request cannot answer twice.
 */
export function decideResponse(response: SurveyResponse, ctx: ResponseContext): ResponseDecision {
  const { survey, existing, latest, now } = ctx;
  if (survey.status !== 'live' && survey.status !== 'scheduled')
    return refused(409, 'surveyId', `survey "${survey.id}" is ${survey.status} and takes no responses`);
  const issues = answerIssues(survey, response);
  if (issues.length) return { outcome: 'refused', status: 422, issues };
  const comment = response.comment || null;

  if (existing) {
    const answer =
      ctx.rescore && existing.answer.type === response.answer.type ? response.answer : mergeAnswer(existing.answer, response.answer);
    if (typeof answer === 'string') return refused(409, answer, `cycle ${existing.cycle} was already answered with a different score`);
    const nextComment = comment ?? existing.comment;
    if (sameAnswer(answer, existing.answer) && nextComment === existing.comment) return { outcome: 'duplicate', record: existing };
    return { outcome: 'updated', record: { ...existing, answer, comment: nextComment, updatedAt: now } };
  }
  const expected = (latest?.cycle ?? 0) + 1;
  if (response.cycle !== expected) return refused(409, 'cycle', `cycle ${response.cycle} is not open; the open cycle is ${expected}`);
  if (latest) {
    const opensAt = latest.answeredAt.getTime() + survey.cadence.reaskAfterDays * DAY_MS;
    if (now.getTime() < opensAt) return refused(409, 'cycle', `cycle ${expected} opens at ${new Date(opensAt).toISOString()}`);
  }
  return {
    outcome: 'created',
    record: {
      surveyId: survey.id,
      userId: ctx.userId,
      anonymous: ctx.anonymous,
      cycle: response.cycle,
      answer: response.answer,
      comment,
      traits: ctx.traits,
      locale: response.locale ?? null,
      answeredAt: now,
      updatedAt: now,
    },
  };
}
