import type { JsonValue } from '@hearth/schema';

const HOUR_MS = 60 * 60 * 1000;

/** The user's hour of day (0–23) at `at` in IANA time zone `zone`; UTC when the zone is unknown or invalid. */
export function localHour(at: number, zone: JsonValue | undefined): number {
  if (typeof zone === 'string' && zone.length <= 64) {
    try {
      const text = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: zone }).format(at);
      return Number(text) % 24;
    } catch {
      // An unknown zone name: fall through to UTC.
    }
  }
  return new Date(at).getUTCHours();
}

const inWindow = (hour: number, start: number, end: number) =>
  start === end ? false : start < end ? hour >= start && hour < end : hour >= start || hour < end;

/**
 * `now` when it is outside the quiet hours in the user's zone, else the next whole hour that is.
 * Hours step one at a time (at most a day), so daylight-saving shifts need no special case.
 */
export function nextSendableAt(now: number, zone: JsonValue | undefined, quiet: { start: number; end: number }): number {
  if (!inWindow(localHour(now, zone), quiet.start, quiet.end)) return now;
  let at = Math.floor(now / HOUR_MS) * HOUR_MS;
  for (let i = 0; i < 25; i += 1) {
    at += HOUR_MS;
    if (!inWindow(localHour(at, zone), quiet.start, quiet.end)) return at;
  }
  return now;
}
