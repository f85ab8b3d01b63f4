import { percent } from './median.js';

/**
 * Churn rate and retention rate (docs/reference/kpi-definitions.md, "Churn rate and retention rate"), with
 * "lost" meaning inactive for N days (the project's `inactivityDays`). A subject is *active at
 * instant T* when it has an event in (T − N days, T): its last activity is less than N days old.
 * - customers at the start: active at `from` (an event in (from − N d, from));
 * - retained: of those, active at `to` (an event in (to − N d, to)); lost: the others.
 * Users new during the period are not in the cohort; a customer who went quiet and came back
 * before `to` is retained. Churn + retention = 100; both null when nobody was a customer.
 */
export interface RetentionCounts {
  customersAtStart: number;
  retained: number;
}

export interface ChurnKpis extends RetentionCounts {
  lost: number;
  churnRate: number | null;
  retentionRate: number | null;
}

export function churnKpis({ customersAtStart, retained }: RetentionCounts): ChurnKpis {
  if (retained > customersAtStart) throw new RangeError('retained must not exceed customersAtStart');
  const lost = customersAtStart - retained;
  return {
    customersAtStart,
    retained,
    lost,
    churnRate: percent(lost, customersAtStart),
    retentionRate: percent(retained, customersAtStart),
  };
}
