import { mean, selectRows, type SurveyKpiQuery, type SurveyResponseRow } from './survey-rows.js';

/**
 * Customer Loyalty Index (docs/reference/kpi-definitions.md, "Customer Loyalty Index"): each
 * question rated 1–10; CLI = the mean of every rating given, to every question, × 10, so it spans
 * 10–100 (a mean of 8.5 gives 85). With partial answers a question answered more often weighs
 * more, as in the literature; the per-question means are reported beside it. Null with no ratings.
 *
 * SQL shape: `avg(score)` and `count(*)` over the answers' scores, overall and per question
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
  const overall = mean([...ratings.values()].flat());
  return { count, questions, cli: overall === null ? null : overall * 10 };
}
