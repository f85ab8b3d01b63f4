import type { FatigueBudget } from '@hearth/schema';
import { DAY_MS } from '../time.js';
import type { DisplayRecord } from './history.js';

export interface FatigueUsage {
  /** How many more interrupting prompts may be shown now (0 when a cap is reached). */
  remaining: number;
  /** Why nothing more may show, when `remaining` is 0. */
  exhausted: string | null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The project-wide budget over rolling 24 h and 7 × 24 h windows. Every `shown` record of an
 * interrupting prompt counts (a re-show is another interruption); which prompts interrupt is
 * decided by the current config, since records only carry ids. An email sent to the user is an
 * interruption too: the caps count both channels.
 */
export function fatigueUsage(
  history: readonly DisplayRecord[],
  interruptingIds: ReadonlySet<string>,
  budget: FatigueBudget,
  now: Date,
): FatigueUsage {
  const shownWithin = (ms: number) =>
    history.filter(
      (r) => r.action === 'shown' && (r.channel === 'email' || interruptingIds.has(r.promptId)) && r.at.getTime() > now.getTime() - ms,
    ).length;
  const windows = [
    { label: 'day (24 hours)', limit: budget.maxInterruptingPerDay, used: shownWithin(DAY_MS) },
    ...(budget.maxInterruptingPerWeek === undefined
      ? []
      : [{ label: 'week (7 × 24 hours)', limit: budget.maxInterruptingPerWeek, used: shownWithin(7 * DAY_MS) }]),
  ];
  const remaining = Math.max(0, Math.min(...windows.map((w) => w.limit - w.used)));
  const full = windows.find((w) => w.used >= w.limit);
  const exhausted = full
    ? `the project allows ${plural(full.limit, 'interrupting prompt')} per user per ${full.label} and this user already saw ${full.used}`
    : null;
  return { remaining, exhausted };
}
