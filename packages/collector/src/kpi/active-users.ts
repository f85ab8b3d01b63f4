import { PERIOD_MS, periodsOf, type Period, type PeriodName, type Range } from './retention-periods.js';

/**
 * Active users (docs/reference/kpi-definitions.md, "Engagement and adoption": the "active users" every rate
 * divides by). A subject is active in a period when it has at least one stored event (any type,
 * any name) in it. The subject is the attributed user id (events of an anonymous id linked by
 * `identify` count for that user, before and after the link), or the anonymous id of a visitor
 * who never identified.
 */

/** Distinct active subjects in period `index` (0 = the one starting at `from`), as the store counts them. */
export interface ActiveUserCount {
  period: PeriodName;
  index: number;
  users: number;
}

export type ActiveUsersPoint = Period & { activeUsers: number };

export interface ActiveUsersSeries {
  daily: ActiveUsersPoint[];
  weekly: ActiveUsersPoint[];
  monthly: ActiveUsersPoint[];
}

/** Every period of the range with its count; periods nobody was active in are 0 (not missing). */
export function activeUsersSeries(counts: readonly ActiveUserCount[], range: Range): ActiveUsersSeries {
  const series = (period: PeriodName): ActiveUsersPoint[] => {
    const found = new Map(counts.filter((c) => c.period === period).map((c) => [c.index, c.users]));
    return periodsOf(range, PERIOD_MS[period]).map((p, index) => ({ ...p, activeUsers: found.get(index) ?? 0 }));
  };
  return { daily: series('day'), weekly: series('week'), monthly: series('month') };
}
