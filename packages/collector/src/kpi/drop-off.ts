import { DAY_MS } from '../domain/time.js';
import { percent } from './median.js';

/**
 * Early drop-off (docs/reference/kpi-definitions.md, "Churn rate and retention rate → Early drop-off"): % of new
 * users with no activity after their first 7 days.
 * - new: first activity ever (f) in [from, to);
 * - their first 7 days: [f, f + 7 × 24 h); "after" starts at exactly f + 7 × 24 h;
 * - eligible: f + 7 days < to, so the first week is over and some time after it is observed;
 *   the others are `pending` (too new to judge) and in no denominator;
 * - returned: an event in [f + 7 days, to); dropped off: eligible and not returned.
 * Observed up to `to`, so a past range gives the same figures tomorrow; users who joined shortly
 * before `to` − 7 days had little time to come back (choose `to` accordingly).
 */
export const FIRST_DAYS_MS = 7 * DAY_MS;

export interface DropOffCounts {
  newUsers: number;
  eligible: number;
  returned: number;
}

export interface DropOffKpis extends DropOffCounts {
  pending: number;
  droppedOff: number;
  dropOffRate: number | null;
}

export function dropOffKpis({ newUsers, eligible, returned }: DropOffCounts): DropOffKpis {
  if (!(returned <= eligible && eligible <= newUsers)) throw new RangeError('expected returned ≤ eligible ≤ newUsers');
  const droppedOff = eligible - returned;
  return { newUsers, pending: newUsers - eligible, eligible, returned, droppedOff, dropOffRate: percent(droppedOff, eligible) };
}
