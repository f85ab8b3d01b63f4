import type { Announcement } from '@hearth/schema';

/**
 * Publishing: the publish time is the one given, else the one already set, else now; a time
 * still ahead makes the announcement `scheduled`, and it appears by itself when the time comes.
 */
export function published(announcement: Announcement, now: number, at?: string): Announcement {
  const publishAt = at ?? announcement.publishAt ?? new Date(now).toISOString();
  return { ...announcement, publishAt, status: Date.parse(publishAt) > now ? 'scheduled' : 'live' };
}

/**
 * Saving a `live` announcement without a publish time stamps it now, so the feed can order it and
 * the digest can tell whether it is newer than a user's last visit.
 */
export function stamped(announcement: Announcement, now: number): Announcement {
  return announcement.status === 'live' && !announcement.publishAt
    ? { ...announcement, publishAt: new Date(now).toISOString() }
    : announcement;
}
