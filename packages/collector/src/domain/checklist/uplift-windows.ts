import { DAY_MS } from '../time.js';

/**
 * The checklist uplift's windows (docs/reference/kpi-definitions.md, "Loyalty program impact"),
 * each counted from a user's assignment to a group. Defined here once: the answer echoes them in
 * days (`actionDays`, `retentionDays`) and the store's statement takes them in ms
 * (`UPLIFT_WINDOWS_MS`), so the figures and what they claim to cover cannot drift apart.
 */

/** An item counts as done when its event came within this many days of assignment (or before it). */
export const UPLIFT_ACTION_DAYS = 14;
/**
 * Retained: active in days 8–30 after assignment (day 1 is the first 24 hours). The first week is
 * left out because the checklist itself brings exposed users back then; what matters is whether
 * they stay after it.
 */
export const UPLIFT_RETENTION_DAYS = { from: 8, to: 30 } as const;

/** The same windows as offsets from assignment, as `KpiStore.checklistUplift` takes them: day n is [n − 1, n) days after. */
export const UPLIFT_WINDOWS_MS = {
  actionMs: UPLIFT_ACTION_DAYS * DAY_MS,
  activeMs: { from: (UPLIFT_RETENTION_DAYS.from - 1) * DAY_MS, to: UPLIFT_RETENTION_DAYS.to * DAY_MS },
} as const;
