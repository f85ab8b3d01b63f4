import type { Column } from '../../models/csv.js';
import type { ChurnKpis, DropOffKpis, FullSurveyKpis, UsageKpis } from '../../api/kpi-dashboard.js';
import type { AnnouncementKpisAnswer, ChecklistKpisAnswer, RevenueKpisAnswer } from '@hearth/schema';

/** One-click comparisons: the segments (docs/kpis.md, "Segments") shown beside everyone. */
export const SPLIT_PRESETS: { label: string; segments: string[] }[] = [
  { label: 'Trial vs long-time', segments: ['lifecycle:trial', 'lifecycle:long-time'] },
  { label: 'New vs long-time', segments: ['lifecycle:new', 'lifecycle:long-time'] },
  { label: 'Members vs non-members', segments: ['program:member', 'program:non-member'] },
  { label: 'Exposed vs holdout', segments: ['program:exposed', 'program:holdout'] },
  { label: 'At risk', segments: ['lifecycle:at-risk'] },
];

const SEGMENT = /^(trait:[^:]+:.*|lifecycle:(trial|new|long-time|at-risk)|program:(member|non-member|holdout|exposed))$/;

/** The segments typed as a comma-separated list, or the first one that is not a segment. */
export function parseSegments(text: string): { segments: string[] } | { error: string } {
  const segments = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const bad = segments.find((segment) => !SEGMENT.test(segment));
  if (bad !== undefined)
    return { error: `"${bad}" is not a segment: use trait:key:value, trait:key:gte:10, lifecycle:<stage> or program:<group>` };
  if (segments.length > 4) return { error: 'at most 4 segments side by side' };
  return { segments };
}

/** One group's answers; null while loading, when a request failed, or when there is nothing to ask (no checklist, no announcement, no revenue). */
export interface GroupFigures {
  churn: ChurnKpis | null;
  usage: UsageKpis | null;
  dropOff: DropOffKpis | null;
  checklist: ChecklistKpisAnswer | null;
  survey: FullSurveyKpis | null;
  announcement: AnnouncementKpisAnswer | null;
  revenue: RevenueKpisAnswer | null;
}

/** The KPI answers a row reads: the retention ones always, the others when the project has them. */
export type FigureSource = 'retention' | 'checklist' | 'survey' | 'announcement' | 'revenue';

interface SplitRow {
  metric: string;
  values: (number | null)[];
}

const METRICS: { metric: string; source: FigureSource; of: (g: GroupFigures) => number | null | undefined }[] = [
  { metric: 'Active users', source: 'retention', of: (g) => g.usage?.activeUsers },
  { metric: 'Events per active user per week', source: 'retention', of: (g) => g.usage?.eventsPerUserPerWeek },
  { metric: 'Customers at the start', source: 'retention', of: (g) => g.churn?.customersAtStart },
  { metric: 'Retention rate (%)', source: 'retention', of: (g) => g.churn?.retentionRate },
  { metric: 'Churn rate (%)', source: 'retention', of: (g) => g.churn?.churnRate },
  { metric: 'New users', source: 'retention', of: (g) => g.dropOff?.newUsers },
  { metric: 'Early drop-off rate (%)', source: 'retention', of: (g) => g.dropOff?.dropOffRate },
  { metric: 'Checklist: shown', source: 'checklist', of: (g) => g.checklist?.shown },
  { metric: 'Checklist: completion rate (%)', source: 'checklist', of: (g) => g.checklist?.completionRate },
  { metric: 'Survey: NPS', source: 'survey', of: (g) => g.survey?.nps?.score },
  { metric: 'Survey: response rate (%)', source: 'survey', of: (g) => g.survey?.responseRate.rate },
  { metric: 'Announcement: reach', source: 'announcement', of: (g) => g.announcement?.reach },
  { metric: 'Announcement: read rate (%)', source: 'announcement', of: (g) => g.announcement?.readRate },
  { metric: 'Announcement: CTA click rate (%)', source: 'announcement', of: (g) => g.announcement?.ctaClickRate },
  { metric: 'Announcement: adoption lift (points)', source: 'announcement', of: (g) => g.announcement?.adoption?.lift },
  { metric: 'MRR (minor units)', source: 'revenue', of: (g) => g.revenue?.mrr },
  { metric: 'Paying customers', source: 'revenue', of: (g) => g.revenue?.payingCustomers },
];

/**
 * Rows are metrics (those of `sources`), columns the groups ("All users" first), cells the API's
 * numbers unchanged: a segment that holds nobody shows its null rates as such, never as 0.
 */
export function splitTable(
  groups: readonly { label: string; figures: GroupFigures }[],
  sources: ReadonlySet<FigureSource>,
): { rows: SplitRow[]; columns: Column<SplitRow>[] } {
  return {
    rows: METRICS.filter((m) => sources.has(m.source)).map(({ metric, of }) => ({
      metric,
      values: groups.map((g) => of(g.figures) ?? null),
    })),
    columns: [
      { header: 'Metric', value: (row) => row.metric },
      ...groups.map((g, i) => ({ header: g.label, value: (row: SplitRow) => row.values[i] ?? null })),
    ],
  };
}
