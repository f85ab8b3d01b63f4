import { DAY_MS } from '../domain/time.js';

/**
 * Periods of the retention KPIs. Like every period in Hearth they are elapsed 24-hour multiples
 * (a month is 30 days), counted from the range's `from`, never calendar weeks or months: the
 * figures must not change with a time zone, and the admin chooses where week 0 starts.
 */
export const PERIOD_MS = { day: DAY_MS, week: 7 * DAY_MS, month: 30 * DAY_MS } as const;
export type PeriodName = keyof typeof PERIOD_MS;

export interface Period {
  /** ISO 8601, inclusive. */
  start: string;
  /** ISO 8601, exclusive: `start` + the period, or the range's `to` for a last, shorter period. */
  end: string;
  /** False for a last period cut short by `to` (charts should show it as partial). */
  complete: boolean;
}

export interface Range {
  from: Date;
  to: Date;
}

/** Consecutive periods of `ms` from `range.from`; the last one is clipped to `range.to`. */
export function periodsOf(range: Range, ms: number): Period[] {
  const from = range.from.getTime();
  const to = range.to.getTime();
  if (!(from <= to)) throw new RangeError('range.from must not be after range.to');
  const periods: Period[] = [];
  for (let start = from; start < to; start += ms) {
    const end = Math.min(start + ms, to);
    periods.push({ start: new Date(start).toISOString(), end: new Date(end).toISOString(), complete: end - start === ms });
  }
  return periods;
}
