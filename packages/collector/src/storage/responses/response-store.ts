import type { ResponseMark } from '../../domain/survey/cadence.js';
import type { StoredResponse } from '../../domain/survey/response.js';
import type { WebhookAttempt } from '../../webhooks/deliver.js';
import type { Subject } from '../facts/fact-store.js';
import type { NewJob } from '../jobs/job-store.js';

/** Who answered: a user, or a visitor by anonymous id. The two never share rows, whatever the ids look like. */
export type Respondent = Subject;

/** `[from, to)` in answer time (the first score), like every survey KPI. */
export interface ResponseRange {
  from: Date;
  to: Date;
}

/** One display of a survey: when, and to which identified user (null: a visitor who had not identified). */
export interface SurveyDisplay {
  at: Date;
  userId: string | null;
}

/**
 * `store.responses`: survey responses, one row per (project, survey, respondent, cycle), and the
 * webhook delivery attempts they caused. Writes are compare-and-set so two tabs (or a score and
 * its comment racing) can never lose an update: the route re-reads and decides again on `false`.
 */
export interface ResponseStore {
  get(projectId: string, surveyId: string, respondent: Respondent, cycle: number): Promise<StoredResponse | null>;
  /** The respondent's response with the highest cycle, or null. */
  latest(projectId: string, surveyId: string, respondent: Respondent): Promise<StoredResponse | null>;
  /**
   * One person answers one cycle once: the anonymous answers of `anonymousId` become `userId`'s,
   * except for cycles the user already answered (those anonymous duplicates are dropped). Only
   * while the anonymous id is not linked to a user yet: what a linked id answers anonymously
   * afterwards stays anonymous (it may come from anyone who learnt the id). Returns rows moved.
   */
  claim(projectId: string, anonymousId: string, userId: string): Promise<number>;
  /**
   * False when the (survey, respondent, cycle) row already exists. `jobs` (the webhooks the answer
   * causes) are enqueued in the same transaction: committed with the row, or not at all.
   */
  insert(projectId: string, record: StoredResponse, jobs?: readonly NewJob[]): Promise<boolean>;
  /**
   * Writes `next` only while the row still holds `previous`'s answer and comment; false otherwise.
   * `jobs` commit with the change, and only when it is written.
   */
  update(projectId: string, previous: StoredResponse, next: StoredResponse, jobs?: readonly NewJob[]): Promise<boolean>;
  /** One survey's responses answered in the range, oldest first (KPIs, CSV export). */
  list(projectId: string, surveyId: string, range: ResponseRange): Promise<StoredResponse[]>;
  /** The respondent's (cycle, answeredAt) per survey id, for the cadence. */
  marks(projectId: string, respondent: Respondent): Promise<Map<string, ResponseMark[]>>;
  /** Distinct users (or visitors) shown each survey since `since` (`$prompt_shown`), for a daily cap. */
  usersShownSince(projectId: string, surveyIds: readonly string[], since: Date): Promise<Map<string, number>>;
  /** The survey's `$prompt_shown` events in the range, oldest first, with the user shown (null: a visitor), for the response rate. */
  displays(projectId: string, surveyId: string, range: ResponseRange): Promise<SurveyDisplay[]>;
  recordAttempt(projectId: string, attempt: WebhookAttempt): Promise<void>;
  /** Attempts of one delivery, in attempt order per URL. */
  attempts(projectId: string, deliveryId: string): Promise<WebhookAttempt[]>;
}
