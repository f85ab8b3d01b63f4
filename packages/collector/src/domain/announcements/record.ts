import type { Announcement } from '@hearth/schema';

const time = (iso: string | undefined): number => (iso === undefined ? NaN : Date.parse(iso));

/**
 * Live in the feed at `now`: published (`live`, or `scheduled` whose time has come), published at
 * or before now, not yet expired. Drafts and archived announcements never show.
 */
export function isPublishedAt(announcement: Announcement, now: Date): boolean {
  if (announcement.status !== 'live' && announcement.status !== 'scheduled') return false;
  const publishAt = time(announcement.publishAt);
  if (!(publishAt <= now.getTime())) return false;
  const expiresAt = time(announcement.expiresAt);
  return Number.isNaN(expiresAt) || now.getTime() < expiresAt;
}

/** Newest first; the same publish instant is ordered by id so pages never overlap or skip. */
export function newestFirst(a: Announcement, b: Announcement): number {
  return time(b.publishAt) - time(a.publishAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
