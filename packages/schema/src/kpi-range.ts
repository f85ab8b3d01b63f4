import { z } from 'zod';

/**
 * The `?from=&to=` range every KPI route reads. A range is what a KPI's cost and answer size grow
 * with (a daily series, a cohort matrix, the rows scanned), so it is bounded here, once, for all of
 * them: a year and a day is plenty for a dashboard.
 */
export const KPI_MAX_RANGE_DAYS = 366;
/** `from` when absent: this many days before `to`. */
export const KPI_DEFAULT_RANGE_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * An instant on a real calendar date (2026-02-30 is refused, not rolled over to March) with an
 * explicit offset (`Z` or `±hh:mm`): without one, the same text names a different instant in every
 * time zone.
 */
export const kpiInstantSchema = z.iso.datetime({
  offset: true,
  error: 'expected an ISO 8601 date-time on a real calendar date with an explicit offset (Z or ±hh:mm), e.g. 2026-03-01T00:00:00Z',
});

/** `[from, to)` as the KPI routes compute it. */
export interface KpiRange {
  from: Date;
  to: Date;
}

/**
 * The `from`/`to` part of a KPI route's query (other parameters pass through untouched), giving
 * the range. `to` defaults to `defaultTo` (epoch ms: the request's "now"), `from` to
 * {@link KPI_DEFAULT_RANGE_DAYS} days before `to`. Refused, naming the field: `from` after `to`,
 * and a range longer than {@link KPI_MAX_RANGE_DAYS} days, whether `to` was given (names `to`) or
 * defaulted (names `from`).
 */
export function kpiRangeSchema(defaultTo: number) {
  return z.looseObject({ from: kpiInstantSchema.optional(), to: kpiInstantSchema.optional() }).transform((query, ctx): KpiRange => {
    const to = query.to === undefined ? defaultTo : Date.parse(query.to);
    const from = query.from === undefined ? to - KPI_DEFAULT_RANGE_DAYS * DAY_MS : Date.parse(query.from);
    if (from > to) {
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: query.to === undefined ? 'from must not be in the future' : 'from must not be after to',
      });
      return z.NEVER;
    }
    if (to - from > KPI_MAX_RANGE_DAYS * DAY_MS) {
      ctx.addIssue({
        code: 'custom',
        path: [query.to === undefined ? 'from' : 'to'],
        message: `the range must not exceed ${KPI_MAX_RANGE_DAYS} days`,
      });
      return z.NEVER;
    }
    return { from: new Date(from), to: new Date(to) };
  });
}
