import type { Comparison } from '@hearth/schema';

/**
 * How the console words a two-group comparison (docs/reference/kpi-definitions.md, "Comparing two
 * groups"): the difference with its sign, the 95 % interval, and a verdict a PM can act on. Rates
 * differ in percentage points ("pts"), means in the metric's own unit.
 */
export interface ComparisonText {
  difference: string;
  interval: string;
  verdict: string;
}

const round = (value: number) => Math.round(value * 100) / 100;
/** Rounded half away from zero, so −0.255 and +0.255 show the same digits. */
const plain = (value: number) => `${value < 0 ? '−' : ''}${round(Math.abs(value))}`;
const signed = (value: number) => (value > 0 ? `+${plain(value)}` : value < 0 ? plain(value) : '±0');

const VERDICTS: Record<Comparison['verdict'], string> = {
  higher: 'Higher',
  lower: 'Lower',
  'no-difference': 'No difference detectable',
  'too-small': 'Too few to tell',
};

export function comparisonText(comparison: Comparison, unit: 'pts' | ''): ComparisonText {
  const suffix = unit ? ` ${unit}` : '';
  const { difference, low, high } = comparison;
  return {
    difference: difference === null ? '—' : `${signed(difference)}${suffix}`,
    interval: low === null || high === null ? '—' : `${plain(low)} to ${plain(high)}${suffix}`,
    verdict: VERDICTS[comparison.verdict],
  };
}

/** A group's figure with its sample size: "50% (n = 70)", "— (n = 0)", or with what is counted "50% (n = 7 accounts)". */
export function groupText(group: Comparison['exposed'], unit: '%' | '', counted = ''): string {
  return `${group.value === null ? '—' : `${round(group.value)}${unit}`} (n = ${group.n}${counted ? ` ${counted}` : ''})`;
}
