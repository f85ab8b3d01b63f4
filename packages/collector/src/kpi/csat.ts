import { percent } from './median.js';
import { mean, selectRows, type SurveyKpiQuery, type SurveyResponseRow } from './survey-rows.js';

/**
 * CSAT (1–5): the average score, and the share of satisfied responses (4 or 5), the figure many
 * teams quote as "CSAT %". Both null with no responses.
 *
 * SQL shape: `SELECT count(*), avg(score), count(*) FILTER (WHERE score >= 4)` over the CSAT rows.
 */
export interface CsatKpi {
  count: number;
  average: number | null;
  satisfiedPct: number | null;
}

export function csatKpi(rows: readonly SurveyResponseRow[], query: SurveyKpiQuery): CsatKpi {
  const scores = selectRows(rows, query).flatMap((row) => (row.answer.type === 'csat' ? [row.answer.score] : []));
  return { count: scores.length, average: mean(scores), satisfiedPct: percent(scores.filter((s) => s >= 4).length, scores.length) };
}
