import type { NpsTrendPoint } from '@hearth/schema';
import type { FullSurveyKpis } from '../../api/kpi-dashboard.js';
import type { Column } from '../../models/csv.js';
import { COLORS, dayOf, type SeriesChartData } from './format.js';

/** Promoters, passives and detractors per week, stacked: each bar's height is that week's answers. */
export function npsTrendChartData(points: readonly NpsTrendPoint[]): SeriesChartData {
  return {
    labels: points.map((point) => dayOf(point.start)),
    datasets: [
      { label: 'Promoters (9–10)', data: points.map((p) => p.promoters), color: COLORS.good },
      { label: 'Passives (7–8)', data: points.map((p) => p.passives), color: COLORS.neutral },
      { label: 'Detractors (0–6)', data: points.map((p) => p.detractors), color: COLORS.bad },
    ],
  };
}

export const TREND_COLUMNS: Column<NpsTrendPoint>[] = [
  { header: 'Week from', value: (p) => dayOf(p.start) },
  { header: 'Until (exclusive)', value: (p) => dayOf(p.end) },
  { header: 'Answers', value: (p) => p.count },
  { header: 'Promoters', value: (p) => p.promoters },
  { header: 'Passives', value: (p) => p.passives },
  { header: 'Detractors', value: (p) => p.detractors },
  { header: 'NPS', value: (p) => p.score },
];

type CliQuestion = NonNullable<FullSurveyKpis['cli']>['questions'][number];

/** One bar per CLI question: its mean rating (1–10) as the API computed it; unanswered ones are gaps. */
export function cliChartData(questions: readonly CliQuestion[], titles: ReadonlyMap<string, string>): SeriesChartData {
  return {
    labels: questions.map((q) => titles.get(q.questionId) ?? q.questionId),
    datasets: [{ label: 'Mean rating (1–10)', data: questions.map((q) => q.mean), color: COLORS.primary }],
  };
}

export const CLI_COLUMNS: Column<CliQuestion & { title: string }>[] = [
  { header: 'Question', value: (q) => q.title },
  { header: 'Question id', value: (q) => q.questionId },
  { header: 'Ratings', value: (q) => q.count },
  { header: 'Mean (1–10)', value: (q) => q.mean },
];
