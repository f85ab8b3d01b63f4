import type { JsonValue, SurveyAnswer, TraitCondition } from '@hearth/schema';
import { evaluateTrait } from '../domain/targeting/trait.js';

/**
 * One stored survey response, as every survey KPI reads it. SQL shape (one survey, one range):
 *
 *   SELECT user_id, answered_at, traits, answer FROM survey_responses
 *   WHERE project_id = $1 AND survey_id = $2 AND answered_at >= $3 AND answered_at < $4
 *
 * `traits` is the snapshot taken when the score was chosen, so a user who upgrades later still
 * counts in the segment they answered from. A response belongs to the period of `answeredAt`
 * (its first score), also when the comment came later.
 */
export interface SurveyResponseRow {
  userId: string;
  answeredAt: Date;
  traits: Readonly<Record<string, JsonValue>>;
  answer: SurveyAnswer;
}

export interface SurveyKpiQuery {
  /** `[from, to)`: `to` is exclusive, so adjacent ranges never count a response twice. */
  range: { from: Date; to: Date };
  /** Only responses whose answer-time traits match. */
  segment?: TraitCondition;
  /** Reference time for relative segment conditions (`withinDays`). */
  now: Date;
}

/** The rows in the range and segment; throws a RangeError naming `range.from` when the range is inverted. */
export function selectRows<R extends SurveyResponseRow>(rows: readonly R[], query: SurveyKpiQuery): R[] {
  const from = query.range.from.getTime();
  const to = query.range.to.getTime();
  if (!(from <= to)) throw new RangeError('range.from must not be after range.to');
  const { segment } = query;
  return rows.filter((row) => {
    const at = row.answeredAt.getTime();
    return at >= from && at < to && (!segment || evaluateTrait(segment, row.traits, query.now).ok);
  });
}

/** The arithmetic mean, or null for no values (an average of nobody is undefined, not 0). */
export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;
}
