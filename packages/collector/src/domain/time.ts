/**
 * Time helpers shared by the domain rules. Every "N days" in Hearth is N rolling 24-hour periods
 * counted in milliseconds from an injected `now`, never a calendar day: the answer must not change
 * with the server's or the user's time zone.
 */
export const DAY_MS = 86_400_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
const NO_OFFSET = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/;

/**
 * Reads a trait or config value as an instant in epoch ms: a finite number is epoch milliseconds,
 * a string must be ISO 8601. `Date.parse` reads a date-time *without* offset as local time, so such
 * strings are pinned to UTC here; free-form strings ("March 7") are refused because engines parse
 * them differently.
 */
export function parseInstant(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  const ms = Date.parse(NO_OFFSET.test(value) ? `${value}Z` : value);
  return Number.isNaN(ms) ? null : ms;
}

/** Elapsed days as a short human figure, e.g. "3.5 days". */
export function formatDays(ms: number): string {
  const days = Math.round((ms / DAY_MS) * 10) / 10;
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}
