import type { Column } from '../../models/csv.js';
import type { ChurnKpis, DropOffKpis, UsageKpis } from '../../api/kpi-dashboard.js';

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
  if (bad !== undefined) return { error: `"${bad}" is not a segment: use trait:key:value, lifecycle:<stage> or program:<group>` };
  if (segments.length > 4) return { error: 'at most 4 segments side by side' };
  return { segments };
}

/** One group's answers; null while loading or when a request failed. */
export interface GroupFigures {
  churn: ChurnKpis | null;
  usage: UsageKpis | null;
  dropOff: DropOffKpis | null;
}

interface SplitRow {
  metric: string;
  values: (number | null)[];
}

const METRICS: { metric: string; of: (g: GroupFigures) => number | null | undefined }[] = [
  { metric: 'Active users', of: (g) => g.usage?.activeUsers },
  { metric: 'Events per active user per week', of: (g) => g.usage?.eventsPerUserPerWeek },
  { metric: 'Customers at the start', of: (g) => g.churn?.customersAtStart },
  { metric: 'Retention rate (%)', of: (g) => g.churn?.retentionRate },
  { metric: 'Churn rate (%)', of: (g) => g.churn?.churnRate },
  { metric: 'New users', of: (g) => g.dropOff?.newUsers },
  { metric: 'Early drop-off rate (%)', of: (g) => g.dropOff?.dropOffRate },
];

/** Rows are metrics, columns the groups ("All users" first), cells the API's numbers unchanged. */
export function splitTable(groups: readonly { label: string; figures: GroupFigures }[]): { rows: SplitRow[]; columns: Column<SplitRow>[] } {
  return {
    rows: METRICS.map(({ metric, of }) => ({ metric, values: groups.map((g) => of(g.figures) ?? null) })),
    columns: [
      { header: 'Metric', value: (row) => row.metric },
      ...groups.map((g, i) => ({ header: g.label, value: (row: SplitRow) => row.values[i] ?? null })),
    ],
  };
}
