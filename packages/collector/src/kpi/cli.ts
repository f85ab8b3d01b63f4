import { mean, selectRows, type SurveyKpiQuery, type SurveyResponseRow } from './survey-rows.js';

/**
 * Customer Loyalty Index (kpi-definitions.md): each question rated 1–10; CLI = mean rating
 * across the questions × 10 (a mean of 8.5 gives 85). Each question's mean counts equally, so a
 * question people skip (partial answers) does not weigh less. Null with no ratings.
 *
 * SQL shape: per question, `avg(score)` and `count(*)` over the answer's scores
 * (PostgreSQL `jsonb_each_text(answer->'scores')`, SQLite `json_each(answer, '$.scores')`).
 */
export interface CliKpi {
  /** Responses with at least one rating. */
  count: number;
  questions: { questionId: string; count: number; mean: number | null }[];
  cli: number | null;
}

export function cliKpi(rows: readonly SurveyResponseRow[], query: SurveyKpiQuery & { questionIds: readonly string[] }): CliKpi {
  const ratings = new Map<string, number[]>(query.questionIds.map((id) => [id, []]));
  let count = 0;
  for (const row of selectRows(rows, query)) {
    if (row.answer.type !== 'cli') continue;
    count += 1;
    for (const [id, score] of Object.entries(row.answer.scores)) ratings.get(id)?.push(score);
  }
  const questions = [...ratings].map(([questionId, scores]) => ({ questionId, count: scores.length, mean: mean(scores) }));
  const means = questions.flatMap((q) => (q.mean === null ? [] : [q.mean]));
  const overall = mean(means);
  return { count, questions, cli: overall === null ? null : overall * 10 };
}
