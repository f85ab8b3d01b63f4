import type { SurveyPrompt } from '@hearth/schema';
import { cliKpi } from '../kpi/cli.js';
import { csatKpi } from '../kpi/csat.js';
import { npsDistribution, npsKpi } from '../kpi/nps.js';
import { npsByTrait, npsTrend, type TrendInterval } from '../kpi/nps-trend.js';
import { responseRate } from '../kpi/response-rate.js';
import type { SurveyKpiQuery } from '../kpi/survey-rows.js';
import type { Store } from '../storage/store.js';

export interface SurveyKpisInput extends SurveyKpiQuery {
  interval: TrendInterval;
  /** NPS per value of this answer-time trait. */
  by?: string | undefined;
  /**
   * Only these identified users' responses and displays: the users of a `segment=` at the
   * range's end (`store.kpi.segmentUserIds`, the KPIs' one segment filter). Visitors are in none.
   */
  users?: ReadonlySet<string> | undefined;
}

/**
 * A survey's figures over `[from, to)`: its responses and displays read at once, then each figure
 * computed by its `kpi/` function (the NPS ones for NPS surveys, CLI or CSAT for those types).
 */
export async function surveyKpis(store: Pick<Store, 'responses'>, projectId: string, survey: SurveyPrompt, input: SurveyKpisInput) {
  const { range, interval, by, users, ...rest } = input;
  const kpiQuery: SurveyKpiQuery = { range, ...rest };
  const [listed, shown] = await Promise.all([
    store.responses.list(projectId, survey.id, range),
    store.responses.displays(projectId, survey.id, range),
  ]);
  const inSegment = (userId: string | null) => !users || (userId !== null && users.has(userId));
  const responses = listed.filter((r) => inSegment(r.anonymous ? null : r.userId));
  const displays = shown.flatMap((d) => (inSegment(d.userId) ? [d.at] : []));
  const nps = survey.content.type === 'nps';
  return {
    nps: nps ? npsKpi(responses, kpiQuery) : null,
    trend: nps ? { interval, points: npsTrend(responses, { ...kpiQuery, interval }) } : null,
    byTrait: nps && by ? { trait: by, groups: npsByTrait(responses, { ...kpiQuery, trait: by }) } : null,
    distribution: nps ? npsDistribution(responses, kpiQuery) : null,
    // Displays are events without an answer-time trait snapshot, so the rate ignores `trait` (not `users`).
    responseRate: responseRate(
      displays,
      responses.map((r) => r.answeredAt),
      range,
    ),
    cli: survey.content.type === 'cli' ? cliKpi(responses, { ...kpiQuery, questionIds: survey.content.questions.map((q) => q.id) }) : null,
    csat: survey.content.type === 'csat' ? csatKpi(responses, kpiQuery) : null,
  };
}
