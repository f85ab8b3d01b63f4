import type { JsonValue } from '@hearth/schema';
import { npsGroup } from '../domain/survey/groups.js';
import type { StoredResponse } from '../domain/survey/response.js';
import { toCsv, type CsvCell } from './csv.js';

export interface ResponsesCsvOptions {
  /** Answer-time traits to export as `trait:<name>` columns (e.g. plan, role). */
  traits?: readonly string[];
  /** CLI question ids, one `score:<id>` column each, in this order. */
  questionIds?: readonly string[];
  bom?: boolean;
}

const traitCell = (value: JsonValue | undefined): CsvCell =>
  value === undefined || value === null || typeof value !== 'object' ? value : JSON.stringify(value);

/**
 * Responses as CSV for follow-up work in a spreadsheet: one row per response (user × cycle), the
 * score and NPS group (so detractors filter in one click), CLI scores per question, the comment
 * and chosen answer-time traits. Times are ISO 8601 UTC.
 */
export function responsesCsv(responses: readonly StoredResponse[], options: ResponsesCsvOptions = {}): string {
  const traits = options.traits ?? [];
  const questionIds = options.questionIds ?? [];
  const header = [
    'answered_at',
    'updated_at',
    'survey_id',
    'user_id',
    'cycle',
    'type',
    'score',
    'nps_group',
    ...questionIds.map((id) => `score:${id}`),
    'comment',
    'locale',
    ...traits.map((name) => `trait:${name}`),
  ];
  const rows = responses.map((r): CsvCell[] => {
    const { answer } = r;
    const score = answer.type === 'cli' ? null : answer.score;
    return [
      r.answeredAt.toISOString(),
      r.updatedAt.toISOString(),
      r.surveyId,
      r.userId,
      r.cycle,
      answer.type,
      score,
      answer.type === 'nps' ? npsGroup(answer.score) : null,
      ...questionIds.map((id) => (answer.type === 'cli' ? answer.scores[id] : null)),
      r.comment,
      r.locale,
      ...traits.map((name) => traitCell(Object.hasOwn(r.traits, name) ? r.traits[name] : undefined)),
    ];
  });
  return toCsv(header, rows, { bom: options.bom });
}
