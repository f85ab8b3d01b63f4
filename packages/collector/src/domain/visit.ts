/**
 * Visits, for "days since last seen". A visit is a run of a user's activity with no gap of
 * `VISIT_GAP_MS` or more. Targeting must read the last activity *before the current visit*: the
 * batch that opens a visit already moved `users.last_seen` to now, and an inactivity rule
 * (win-back after N days) could then never match the returning user it was written for.
 */
export const VISIT_GAP_MS = 30 * 60_000;

/**
 * The latest time in `sorted` (ascending) followed by a gap ≥ `VISIT_GAP_MS`: the end of the
 * visit before the last one among these times, or null when they form a single visit.
 */
export function previousVisitEnd(sorted: readonly number[]): number | null {
  for (let i = sorted.length - 1; i > 0; i--) {
    const before = sorted[i - 1] as number;
    if ((sorted[i] as number) - before >= VISIT_GAP_MS) return before;
  }
  return null;
}

/**
 * Last activity before the visit in progress at `now`. When nothing happened in the last
 * `VISIT_GAP_MS`, no visit is in progress yet (the page asks for its state before its first batch
 * lands), so the answer is `lastSeen` itself; otherwise it is the end of the visit before.
 */
export function lastSeenBeforeVisit(seen: { lastSeen: number | null; previousSeen: number | null }, now: number): number | null {
  if (seen.lastSeen === null) return null;
  return now - seen.lastSeen >= VISIT_GAP_MS ? seen.lastSeen : seen.previousSeen;
}

/** The same answer from every activity time (the reference the stores are tested against). */
export function lastSeenBeforeVisitOf(times: readonly number[], now: number): number | null {
  const sorted = [...times].sort((a, b) => a - b);
  return lastSeenBeforeVisit({ lastSeen: sorted.at(-1) ?? null, previousSeen: previousVisitEnd(sorted) }, now);
}
