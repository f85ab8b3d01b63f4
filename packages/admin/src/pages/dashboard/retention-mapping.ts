import type { ActiveUsersKpis, CohortKpis } from '../../api/kpi-dashboard.js';
import type { Column } from '../../models/csv.js';
import { COLORS, dayOf, type SeriesChartData } from './format.js';

export type Granularity = keyof ActiveUsersKpis;
type ActivePoint = ActiveUsersKpis[Granularity][number];

/** The last period is cut at `to`: its label says so, since a partial week looks like a drop. */
const periodLabel = (point: { start: string; complete: boolean }) => `${dayOf(point.start)}${point.complete ? '' : ' (partial)'}`;

export function activeUsersChartData(kpis: ActiveUsersKpis, granularity: Granularity): SeriesChartData {
  const points = kpis[granularity];
  return {
    labels: points.map(periodLabel),
    datasets: [{ label: 'Active users', data: points.map((p) => p.activeUsers), color: COLORS.primary }],
  };
}

export const ACTIVE_USER_COLUMNS: Column<ActivePoint>[] = [
  { header: 'From', value: (p) => dayOf(p.start) },
  { header: 'Until (exclusive)', value: (p) => dayOf(p.end) },
  { header: 'Complete period', value: (p) => (p.complete ? 'yes' : 'no') },
  { header: 'Active users', value: (p) => p.activeUsers },
];

type Cohort = CohortKpis['cohorts'][number];

export interface HeatCell {
  offset: number;
  active: number;
  retention: number | null;
  /** Background class: `heat-0` (0 %) … `heat-5` (100 %); `heat-none` for an empty cohort. */
  bucket: string;
}

/** Five steps of 20 %: enough to read a pattern, and each step keeps its text legible. */
export const heatBucket = (retention: number | null): string =>
  retention === null ? 'heat-none' : `heat-${Math.ceil(Math.min(100, Math.max(0, retention)) / 20)}`;

/** The triangle as rows of cells, in the API's order; cohort k has one cell per observed period. */
export function heatmapRows(cohorts: readonly Cohort[]): { cohort: Cohort; cells: HeatCell[] }[] {
  return cohorts.map((cohort) => ({
    cohort,
    cells: cohort.retention.map((retention, offset) => ({
      offset,
      active: cohort.active[offset] ?? 0,
      retention,
      bucket: heatBucket(retention),
    })),
  }));
}

/** CSV columns of the heatmap: one per offset, the API's unrounded percentage (empty outside the triangle). */
export function cohortColumns(cohorts: readonly Cohort[], period: CohortKpis['period']): Column<Cohort>[] {
  const offsets = Math.max(0, ...cohorts.map((c) => c.retention.length));
  const unit = period === 'week' ? 'Week' : 'Month';
  return [
    { header: 'Cohort from', value: (c) => dayOf(c.start) },
    { header: 'New users', value: (c) => c.size },
    ...Array.from({ length: offsets }, (_, offset): Column<Cohort> => ({
      header: `${unit} ${offset} (%)`,
      value: (c) => c.retention[offset] ?? null,
    })),
  ];
}
