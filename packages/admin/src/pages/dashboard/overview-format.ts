import type { OverviewCard, OverviewPoint } from '@hearth/schema';
import { formatMoney } from '../../models/money.js';

/**
 * How the overview's cards print their figures. The numbers are the API's; only their look is
 * decided here: money from minor units in the project's currency, scores and rates to two decimals,
 * a change signed with a true minus sign, and null as "—".
 */

const MINUS = '\u2212';
const signed = (value: number, digits: string) => (value > 0 ? `+${digits}` : value < 0 ? `${MINUS}${digits.replace('-', '')}` : digits);
const twoDecimals = (value: number) => String(Math.round(value * 100) / 100);

export function formatFigure(card: Pick<OverviewCard, 'unit'>, value: number | null, currency: string | null): string {
  if (value === null) return '—';
  if (card.unit === 'money') return currency ? formatMoney(value, currency) : String(value);
  const text = twoDecimals(value).replace('-', MINUS);
  return card.unit === 'percent' ? `${text}%` : text;
}

/** "+5 pts" for scores and rates, "−25.71%" for money (relative to the previous period). */
export function formatChange(card: Pick<OverviewCard, 'change' | 'changeKind'>): string {
  if (card.change === null) return '—';
  const digits = twoDecimals(card.change);
  return card.changeKind === 'points' ? `${signed(card.change, digits)} pts` : `${signed(card.change, digits)}%`;
}

/** A period as its first and last UTC day: `[from, to)` ends the day before `to` when `to` is midnight. */
export function periodLabel(point: Pick<OverviewPoint, 'from' | 'to'>): string {
  const first = point.from.slice(0, 10);
  const last = new Date(Date.parse(point.to) - 1).toISOString().slice(0, 10);
  return first === last ? first : `${first} – ${last}`;
}

/** The sparkline's text alternative: every period's figure, oldest first. */
export function seriesSummary(card: Pick<OverviewCard, 'label' | 'unit' | 'series'>, currency: string | null): string {
  const points = card.series.map(
    (point) => `${periodLabel(point)}: ${point.value === null ? 'no data' : formatFigure(card, point.value, currency)}`,
  );
  return `${card.label} over the last ${card.series.length} periods, oldest first: ${points.join('; ')}`;
}
