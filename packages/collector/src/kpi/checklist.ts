import type { ChecklistKpis } from '@hearth/schema';
import { median, percent } from './median.js';

/**
 * Checklist KPIs (docs/reference/kpi-definitions.md, "Engagement and adoption → Onboarding / checklist"):
 * started rate, completion rate, per-item completion funnel, median time to complete.
 *
 * Cohort: users whose *first* `$prompt_shown` of this checklist falls in `[from, to)` (the store's
 * SQL has already kept a segment's users only). Outcomes are observed up to `to` (exclusive), so a
 * past range gives the same figures tomorrow.
 * - started: completed at least one of its items (even before first seeing the checklist — they
 *   did it).
 * - completed: started, and the `$prompt_completed` event or every required item completed,
 *   whichever is first. A bare `$prompt_completed` with no item done is neither, so completed never
 *   exceeds started.
 * - time to complete: completed − first shown, floored at 0 (all done before it was shown).
 * Rates are percentages of users shown (and completed ÷ started); null when the denominator is 0.
 */

/**
 * One row per user × event kind × item: `MIN(timestamp)` of `$prompt_shown` / `$prompt_completed`
 * (itemId null) or `$checklist_item_completed` (per itemId) for this prompt.
 */
export interface ChecklistKpiRow {
  userId: string;
  event: 'shown' | 'item_completed' | 'completed';
  itemId: string | null;
  firstAt: Date;
}

export interface ChecklistKpiQuery {
  /** The checklist's items, in display order. */
  items: readonly { id: string; optional: boolean }[];
  range: { from: Date; to: Date };
}

interface UserRecord {
  shownAt: number;
  completedAt: number;
  items: Map<string, number>;
}

const earliest = (a: number | undefined, b: number) => (a === undefined ? b : Math.min(a, b));

/** Folds rows into one record per user, keeping only what happened before `to`. */
function usersFrom(rows: readonly ChecklistKpiRow[], to: number): Map<string, UserRecord> {
  const users = new Map<string, UserRecord>();
  for (const row of rows) {
    const at = row.firstAt.getTime();
    if (at >= to) continue;
    const user = users.get(row.userId) ?? { shownAt: Infinity, completedAt: Infinity, items: new Map() };
    users.set(row.userId, user);
    if (row.event === 'shown') user.shownAt = Math.min(user.shownAt, at);
    else if (row.event === 'completed') user.completedAt = Math.min(user.completedAt, at);
    else if (row.itemId !== null) user.items.set(row.itemId, earliest(user.items.get(row.itemId), at));
  }
  return users;
}

function completedAt(user: UserRecord, requiredIds: readonly string[]): number {
  const times = requiredIds.map((id) => user.items.get(id));
  const allRequired = requiredIds.length > 0 && times.every((t) => t !== undefined);
  return allRequired ? Math.min(user.completedAt, Math.max(...(times as number[]))) : user.completedAt;
}

export function checklistKpis(rows: readonly ChecklistKpiRow[], query: ChecklistKpiQuery): ChecklistKpis {
  const from = query.range.from.getTime();
  const to = query.range.to.getTime();
  if (!(from <= to)) throw new RangeError('range.from must not be after range.to');
  const cohort = [...usersFrom(rows, to).values()].filter((u) => u.shownAt >= from && u.shownAt < to);
  const knownIds = new Set(query.items.map((item) => item.id));
  const requiredIds = query.items.filter((item) => !item.optional).map((item) => item.id);
  const durations: number[] = [];
  let started = 0;
  for (const user of cohort) {
    if (![...user.items.keys()].some((id) => knownIds.has(id))) continue;
    started += 1;
    const doneAt = completedAt(user, requiredIds);
    if (doneAt !== Infinity) durations.push(Math.max(0, doneAt - user.shownAt));
  }
  return {
    shown: cohort.length,
    started,
    completed: durations.length,
    startedRate: percent(started, cohort.length),
    completionRate: percent(durations.length, cohort.length),
    completionRateOfStarted: percent(durations.length, started),
    medianTimeToCompleteMs: median(durations),
    items: query.items.map((item) => {
      const completed = cohort.filter((u) => u.items.has(item.id)).length;
      return { itemId: item.id, completed, rate: percent(completed, cohort.length) };
    }),
  };
}
