import { describe, expect, it } from 'vitest';
import { localHour, nextSendableAt } from './quiet-hours.js';

const at = (iso: string) => Date.parse(iso);
const QUIET = { start: 21, end: 8 };

describe("quiet hours in the user's time zone", () => {
  it('reads the hour in the zone, UTC when the zone is unknown or not a string', () => {
    expect(localHour(at('2026-11-22T12:30:00Z'), 'Asia/Tokyo')).toBe(21);
    expect(localHour(at('2026-11-22T12:30:00Z'), 'Not/AZone')).toBe(12);
    expect(localHour(at('2026-11-22T12:30:00Z'), 42)).toBe(12);
  });

  it('sends at once outside the window and waits for its end inside it, across midnight', () => {
    expect(nextSendableAt(at('2026-11-22T12:30:00Z'), 'Europe/Oslo', QUIET)).toBe(at('2026-11-22T12:30:00Z'));
    // 21:30 in Tokyo: the next hour outside 21–8 is 08:00 local, 23:00 UTC.
    expect(nextSendableAt(at('2026-11-22T12:30:00Z'), 'Asia/Tokyo', QUIET)).toBe(at('2026-11-22T23:00:00Z'));
    expect(nextSendableAt(at('2026-11-22T05:10:00Z'), undefined, QUIET)).toBe(at('2026-11-22T08:00:00Z'));
  });

  it('an empty window (start = end) never holds anything back', () => {
    expect(nextSendableAt(at('2026-11-22T23:00:00Z'), undefined, { start: 0, end: 0 })).toBe(at('2026-11-22T23:00:00Z'));
  });
});
