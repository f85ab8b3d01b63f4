import type { NpsGroup, SurveyAnswer } from '@hearth/schema';

/** docs/reference/kpi-definitions.md: promoters 9–10, passives 7–8, detractors 0–6. */
export function npsGroup(score: number): NpsGroup {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/**
 * A response the team should follow up on: an NPS detractor (0–6), a CSAT of 1–2, or a CLI mean
 * rating of 6 or less (the detractor line on a 1–10 scale). Partial CLI answers use the questions
 * rated so far.
 */
export function isUnhappy(answer: SurveyAnswer): boolean {
  if (answer.type === 'nps') return npsGroup(answer.score) === 'detractor';
  if (answer.type === 'csat') return answer.score <= 2;
  const scores = Object.values(answer.scores);
  return scores.length > 0 && scores.reduce((sum, s) => sum + s, 0) / scores.length <= 6;
}
