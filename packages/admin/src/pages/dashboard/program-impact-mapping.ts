import type { Comparison, GroupMetrics, ProgramImpactAnswer } from '@hearth/schema';
import { formatMoney, toMajorUnits } from '../../models/money.js';
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

/** What a comparison's groups are made of: users, or accounts for an account-unit holdout. */
export type Subject = 'user' | 'account';

const metricsOf = (subject: Subject): { key: Exclude<keyof GroupMetrics, 'revenue'>; label: string; unit: 'pts' | '' }[] => [
  { key: 'retention', label: 'Retention rate (%)', unit: 'pts' },
  { key: 'churn', label: 'Churn rate (%)', unit: 'pts' },
  { key: 'usageFrequency', label: `Events per active ${subject} per week`, unit: '' },
  { key: 'nps', label: 'NPS', unit: '' },
];

/**
 * The rows of one group pair; NPS is left out when the project has no NPS survey, ARPA (in major
 * units of `currency`) when it records no revenue.
 */
export function comparisonRows(metrics: GroupMetrics, currency: string | null, subject: Subject = 'user'): ComparisonRow[] {
  const rows = metricsOf(subject).flatMap(({ key, label, unit }) => {
    const comparison = metrics[key];
    return comparison ? [{ metric: label, comparison, unit }] : [];
  });
  if (!metrics.revenue || currency === null) return rows;
  return [...rows, { metric: `ARPA (${currency} per month)`, comparison: inMajorUnits(metrics.revenue.arpa, currency), unit: '' }];
}

function inMajorUnits(comparison: Comparison, currency: string): Comparison {
  const major = (value: number | null) => (value === null ? null : toMajorUnits(value, currency));
  return {
    ...comparison,
    exposed: { ...comparison.exposed, value: major(comparison.exposed.value) },
    control: { ...comparison.control, value: major(comparison.control.value) },
    difference: major(comparison.difference),
    low: major(comparison.low),
    high: major(comparison.high),
  };
}

const CLV_NOTES: Record<NonNullable<NonNullable<GroupMetrics['revenue']>['clv']['exposedNote']>, string> = {
  no_paying_customers: 'no paying customer',
  no_customers_at_start: 'no customer paying at the start',
  no_churn: 'nobody churned, so no lifetime to measure',
  lifetime_capped: 'lifetime capped at 60 months',
};

/**
 * The two groups' CLV side by side: a ratio over the group's churn, so it has no interval; each
 * with the customers paying at the start its churn rests on. Null without revenue.
 */
export function clvText(metrics: GroupMetrics, currency: string | null, exposed: string, control: string): string | null {
  const clv = metrics.revenue?.clv;
  if (!clv || currency === null) return null;
  const side = (name: string, value: number | null, note: keyof typeof CLV_NOTES | null, paying: number) =>
    `${name} ${value === null ? '—' : formatMoney(value, currency)}${note ? ` (${CLV_NOTES[note]})` : ''}, ${paying} paying at the start`;
  return `CLV (no interval: a ratio over each group's churn): ${side(exposed, clv.exposed, clv.exposedNote, clv.exposedPayingAtStart)}; ${side(control, clv.control, clv.controlNote, clv.controlPayingAtStart)}.`;
}

/**
 * Columns headed with the two groups' names ("Members", "Non-members"); for groups of accounts
 * each size says so ("n = 12 accounts").
 */
export function comparisonColumns(exposed: string, control: string, subject: Subject = 'user'): Column<ComparisonRow>[] {
  const text = (row: ComparisonRow) => comparisonText(row.comparison, row.unit);
  const unitOf = (row: ComparisonRow) => (row.unit === 'pts' ? '%' : '');
  const counted = subject === 'account' ? 'accounts' : '';
  return [
    { header: 'Metric', value: (row) => row.metric },
    { header: exposed, value: (row) => groupText(row.comparison.exposed, unitOf(row), counted) },
    { header: control, value: (row) => groupText(row.comparison.control, unitOf(row), counted) },
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
