import type { Comparison, GroupMetrics, ProgramImpactAnswer } from '@hearth/schema';
import type { Column } from '../../models/csv.js';
import { comparisonText, groupText } from '../../models/comparison.js';
import { formatRate } from '../../models/funnel.js';
import type { Tile } from './kpi-tiles.js';

/** One metric of a two-group comparison, as a table row. */
export interface ComparisonRow {
  metric: string;
  comparison: Comparison;
  unit: 'pts' | '';
}

const METRICS: { key: keyof GroupMetrics; label: string; unit: 'pts' | '' }[] = [
  { key: 'retention', label: 'Retention rate (%)', unit: 'pts' },
  { key: 'churn', label: 'Churn rate (%)', unit: 'pts' },
  { key: 'usageFrequency', label: 'Events per active user per week', unit: '' },
  { key: 'nps', label: 'NPS', unit: '' },
];

/** The rows of one group pair; NPS is left out when the project has no NPS survey. */
export function comparisonRows(metrics: GroupMetrics): ComparisonRow[] {
  return METRICS.flatMap(({ key, label, unit }) => {
    const comparison = metrics[key];
    return comparison ? [{ metric: label, comparison, unit }] : [];
  });
}

/** Columns headed with the two groups' names ("Members", "Non-members"). */
export function comparisonColumns(exposed: string, control: string): Column<ComparisonRow>[] {
  const text = (row: ComparisonRow) => comparisonText(row.comparison, row.unit);
  const unitOf = (row: ComparisonRow) => (row.unit === 'pts' ? '%' : '');
  return [
    { header: 'Metric', value: (row) => row.metric },
    { header: exposed, value: (row) => groupText(row.comparison.exposed, unitOf(row)) },
    { header: control, value: (row) => groupText(row.comparison.control, unitOf(row)) },
    { header: 'Difference', value: (row) => text(row).difference },
    { header: '95 % interval', value: (row) => text(row).interval },
    { header: 'Verdict', value: (row) => text(row).verdict },
  ];
}

/** The distinct plain-language warnings of a comparison table, once each. */
export function warningsOf(rows: readonly ComparisonRow[]): string[] {
  return [...new Set(rows.flatMap((row) => (row.comparison.warning ? [row.comparison.warning] : [])))];
}

export function programTiles(answer: ProgramImpactAnswer): Tile[] {
  const p = answer.program;
  return [
    {
      label: 'Membership rate',
      value: formatRate(p.membershipRate),
      detail: `${p.activeMembers} of ${p.activeCustomers} active customers are members`,
    },
    {
      label: 'Redemption rate',
      value: formatRate(p.redemptionRate),
      detail: `${p.pointsRedeemed30d} of ${p.pointsIssued30d} points, last 30 days`,
    },
    {
      label: 'Points liability',
      value: p.pointsLiability === null ? '—' : String(Math.round(p.pointsLiability * 100) / 100),
      detail:
        p.pointValue === null
          ? `${p.outstandingPoints} points outstanding; set the program's point value`
          : `${p.outstandingPoints} points × ${p.pointValue}`,
    },
  ];
}
