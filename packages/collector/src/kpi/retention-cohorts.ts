import { percent } from './median.js';
import { PERIOD_MS, periodsOf, type Period, type Range } from './retention-periods.js';

/**
 * Cohort retention (docs/reference/kpi-definitions.md, "Churn rate and retention rate → Cohort retention"):
 * subjects grouped by the period (week or 30-day month, counted from `from`) of their *first
 * activity ever*; for each later period, the % of the cohort active in it (at least one event).
 * Subjects first seen before `from` are in no cohort. Offset 0 is always 100 %: a cohort member's
 * first event falls in it. Only periods inside [from, to) are observed, so cohort k has
 * (periods − k) cells: the heatmap's triangle.
 */

/** Subjects of cohort `cohort` active in period `cohort + offset`, as the store counts them. */
export interface CohortCount {
  cohort: number;
  offset: number;
  users: number;
}

export interface CohortRow extends Period {
  size: number;
  /** Active subjects per offset (0 = the cohort's own period). */
  active: number[];
  /** `active ÷ size × 100` per offset; null for an empty cohort. */
  retention: (number | null)[];
}

export function cohortRetention(counts: readonly CohortCount[], range: Range, period: 'week' | 'month'): CohortRow[] {
  const periods = periodsOf(range, PERIOD_MS[period]);
  const found = new Map(counts.map((c) => [`${c.cohort}:${c.offset}`, c.users]));
  return periods.map((p, cohort) => {
    const active = periods.slice(cohort).map((_, offset) => found.get(`${cohort}:${offset}`) ?? 0);
    const size = active[0] ?? 0;
    return { ...p, size, active, retention: active.map((n) => percent(n, size)) };
  });
}
