import type { NpsSummary } from '@hearth/schema';
import { npsGroup } from '../domain/survey/groups.js';
import { percent } from './median.js';
import { selectRows, type SurveyKpiQuery, type SurveyResponseRow } from './survey-rows.js';

/**
 * Net Promoter Score (docs/reference/kpi-definitions.md, "Net Promoter Score"): promoters 9–10, passives 7–8,
 * detractors 0–6; NPS = % promoters − % detractors, from −100 to +100. Passives count in the
 * denominator only. With no responses every percentage and the score are null, never 0.
 * Figures are unrounded; round for display only. NPS rows are the `answer.type = 'nps'` ones.
 *
 * SQL shape of the summary, pushed down to the store when rows are many:
 *   SELECT count(*) AS count,
 *     count(*) FILTER (WHERE score >= 9) AS promoters,
 *     count(*) FILTER (WHERE score BETWEEN 7 AND 8) AS passives,
 *     count(*) FILTER (WHERE score <= 6) AS detractors
 *   FROM survey_responses WHERE project_id = $1 AND survey_id = $2 AND answered_at >= $3 AND answered_at < $4
 * (SQLite: `sum(score >= 9)` instead of `FILTER`.)
 *
 * NPS of a list of 0–10 scores.
 */
export function npsSummary(scores: readonly number[]): NpsSummary {
  const count = scores.length;
  const groups = { promoter: 0, passive: 0, detractor: 0 };
  for (const score of scores) groups[npsGroup(score)] += 1;
  const promotersPct = percent(groups.promoter, count);
  const detractorsPct = percent(groups.detractor, count);
  return {
    count,
    promoters: groups.promoter,
    passives: groups.passive,
    detractors: groups.detractor,
    promotersPct,
    passivesPct: percent(groups.passive, count),
    detractorsPct,
    score: promotersPct === null || detractorsPct === null ? null : promotersPct - detractorsPct,
  };
}

export const npsScores = (rows: readonly SurveyResponseRow[]): number[] =>
  rows.flatMap((row) => (row.answer.type === 'nps' ? [row.answer.score] : []));

/** NPS over the range, optionally for one trait segment. */
export function npsKpi(rows: readonly SurveyResponseRow[], query: SurveyKpiQuery): NpsSummary {
  return npsSummary(npsScores(selectRows(rows, query)));
}

/** How many responses gave each score: `counts[s]` is the count of score `s`, 0–10. */
export function npsDistribution(rows: readonly SurveyResponseRow[], query: SurveyKpiQuery): { score: number; count: number }[] {
  const counts = Array.from({ length: 11 }, (_, score) => ({ score, count: 0 }));
  for (const score of npsScores(selectRows(rows, query))) (counts[score] as { count: number }).count += 1;
  return counts;
}
