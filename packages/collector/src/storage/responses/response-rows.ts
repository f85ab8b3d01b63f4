import type { JsonValue, SurveyAnswer } from '@hearth/schema';
import type { StoredResponse } from '../../domain/survey/response.js';
import type { WebhookAttempt } from '../../webhooks/deliver.js';
import type { Subject as Respondent } from '../facts/fact-store.js';
import { readJson as json } from '../sql/dialect.js';

export const RESPONSE_COLUMNS = 'survey_id, user_id, anonymous, cycle, answer, comment, traits, locale, answered_at, updated_at';
export const ATTEMPT_COLUMNS = 'delivery_id, url, attempt, at, status, error, outcome, next_attempt_at';

type Time = number | Date;
/** SQLite stores JSON as text and times as epoch ms; PostgreSQL returns jsonb parsed and timestamptz as Date. */
type Json<T> = T | string;

export interface ResponseRow {
  survey_id: string;
  user_id: string;
  /** SQLite answers 0/1, PostgreSQL a boolean. */
  anonymous: number | boolean;
  cycle: number;
  answer: Json<SurveyAnswer>;
  comment: string | null;
  traits: Json<Record<string, JsonValue>>;
  locale: string | null;
  answered_at: Time;
  updated_at: Time;
}

export interface AttemptRow {
  delivery_id: string;
  url: string;
  attempt: number;
  at: Time;
  status: number | null;
  error: string | null;
  outcome: WebhookAttempt['outcome'];
  next_attempt_at: Time | null;
}

/** A response row's key of who answered: a user, or a visitor by anonymous id (never mixed up). */
export const respondentKey = (respondent: Respondent) =>
  'userId' in respondent ? { id: respondent.userId, anonymous: false } : { id: respondent.anonymousId, anonymous: true };

const date = (value: Time) => new Date(value);

export function toStoredResponse(row: ResponseRow): StoredResponse {
  return {
    surveyId: row.survey_id,
    userId: row.user_id,
    anonymous: Boolean(row.anonymous),
    cycle: Number(row.cycle),
    answer: json(row.answer),
    comment: row.comment,
    traits: json(row.traits),
    locale: row.locale,
    answeredAt: date(row.answered_at),
    updatedAt: date(row.updated_at),
  };
}

export function toAttempt(row: AttemptRow): WebhookAttempt {
  return {
    deliveryId: row.delivery_id,
    url: row.url,
    attempt: Number(row.attempt),
    at: date(row.at),
    status: row.status === null ? null : Number(row.status),
    error: row.error,
    outcome: row.outcome,
    nextAttemptAt: row.next_attempt_at === null ? null : date(row.next_attempt_at),
  };
}

/** Rows of `(survey_id, cycle, answered_at)` grouped by survey. */
export function groupMarks(rows: readonly { survey_id: string; cycle: number; answered_at: Time }[]) {
  const marks = new Map<string, { cycle: number; answeredAt: Date }[]>();
  for (const row of rows) {
    const list = marks.get(row.survey_id) ?? [];
    list.push({ cycle: Number(row.cycle), answeredAt: date(row.answered_at) });
    marks.set(row.survey_id, list);
  }
  return marks;
}
