import { PERIOD_MS, type Range } from './retention-periods.js';

/**
 * Usage frequency (docs/reference/kpi-definitions.md, "Engagement and adoption"): events, and active days, per
 * active user per week over [from, to):
 * - eventsPerUserPerWeek = events ÷ active users ÷ weeks;
 * - activeDaysPerUserPerWeek = active days ÷ active users ÷ weeks, where an active day is a
 *   (subject, 24-hour period counted from `from`) pair with at least one event;
 * - weeks = (to − from) ÷ 7 days, fractional (a 3.5-day range is half a week).
 * Null when nobody was active or the range is empty.
 */
export interface UsageCounts {
  activeUsers: number;
  events: number;
  activeDays: number;
}

export interface UsageKpis extends UsageCounts {
  weeks: number;
  eventsPerUserPerWeek: number | null;
  activeDaysPerUserPerWeek: number | null;
}

export function usageKpis(counts: UsageCounts, range: Range): UsageKpis {
  const weeks = (range.to.getTime() - range.from.getTime()) / PERIOD_MS.week;
  if (!(weeks >= 0)) throw new RangeError('range.from must not be after range.to');
  const per = (n: number) => (counts.activeUsers === 0 || weeks === 0 ? null : n / counts.activeUsers / weeks);
  return { ...counts, weeks, eventsPerUserPerWeek: per(counts.events), activeDaysPerUserPerWeek: per(counts.activeDays) };
}
