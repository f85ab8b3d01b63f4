import type { JsonValue } from '@hearth/schema';
import type { EventMatchQuery, FactAnswers, FactEvent, FactQueries } from '../../domain/targeting/facts.js';

/**
 * Whose facts: an identified user (events attributed to the user id, linked anonymous ids
 * included), or a visitor who has not identified (only events of that anonymous id that no user
 * claimed — a linked id's events belong to its user and are not readable anonymously).
 */
export type Subject = { userId: string } | { anonymousId: string };

export interface SubjectProfile {
  traits: Record<string, JsonValue>;
  /** Epoch ms; null when nothing is stored for the subject. */
  firstSeen: number | null;
  lastSeen: number | null;
  /** End of the visit before the latest one (domain/visit.ts). */
  previousSeen: number | null;
}

/** `store.facts`: what targeting reads about one subject, each answer one indexed query. */
export interface FactStore {
  profile(projectId: string, subject: Subject): Promise<SubjectProfile>;
  /** Answers `factQueries(prompts)`: all counts in one query, all first matches in another. */
  answer(projectId: string, subject: Subject, queries: FactQueries, now: Date): Promise<FactAnswers>;
  /** The first-match answers over the events attributed to an account (any member's), by `matchKey`. */
  accountMatches(projectId: string, accountId: string, matches: readonly EventMatchQuery[]): Promise<Map<string, Date | null>>;
  /**
   * The subject's `$prompt_shown` / `$prompt_dismissed` / `$prompt_completed` events, for
   * `historyFromEvents`, and `$survey_snoozed` for the survey cadence (`surveyAsksFromEvents`).
   */
  promptEvents(projectId: string, subject: Subject): Promise<FactEvent[]>;
}
