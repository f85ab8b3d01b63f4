import type { Frequency } from '@hearth/schema';
import type { Check } from '../targeting/check.js';
import { DAY_MS } from '../time.js';
import type { DisplayRecord } from './history.js';

function times(n: number): string {
  return `${n} ${n === 1 ? 'time' : 'times'}`;
}

/**
 * May this prompt show again to this user, given its own display history? Checked in order of
 * finality: completed, dismissed, display cap, then spacing. Future records (clock skew) count.
 */
export function checkFrequency(promptId: string, frequency: Frequency, history: readonly DisplayRecord[], now: Date): Check {
  const own = history.filter((record) => record.promptId === promptId);
  const last = (action: DisplayRecord['action']) =>
    own.filter((r) => r.action === action).reduce<Date | null>((max, r) => (!max || r.at > max ? r.at : max), null);

  const completedAt = last('completed');
  if (frequency.stopAfterComplete && completedAt) {
    return { ok: false, reason: `the user completed it on ${completedAt.toISOString()} and it stops after completion` };
  }
  const dismissedAt = last('dismissed');
  if (frequency.stopAfterDismiss && dismissedAt) {
    return { ok: false, reason: `the user dismissed it on ${dismissedAt.toISOString()} and it stops after a dismissal` };
  }
  const shown = own.filter((r) => r.action === 'shown').length;
  if (frequency.maxDisplays !== undefined && shown >= frequency.maxDisplays) {
    return { ok: false, reason: `it was shown ${times(shown)}, the limit is ${frequency.maxDisplays}` };
  }
  const shownAt = last('shown');
  if (frequency.minDaysBetween !== undefined && shownAt) {
    const nextAt = shownAt.getTime() + frequency.minDaysBetween * DAY_MS;
    if (now.getTime() < nextAt) {
      return {
        ok: false,
        reason: `it was last shown on ${shownAt.toISOString()} and waits ${frequency.minDaysBetween} days between displays (next: ${new Date(nextAt).toISOString()})`,
      };
    }
  }
  return { ok: true, reason: `shown ${times(shown)} so far; no frequency rule holds it back` };
}
