import type { AnnouncementItem, AnnouncementRecord } from '@hearth/schema';
import { pickLocale } from '../state/localize.js';
import { evaluateAudience } from '../targeting/evaluate.js';
import type { EventCountQuery, UserFacts } from '../targeting/facts.js';
import { audienceQueries } from '../targeting/facts.js';
import type { AnnouncementActivity } from './activity.js';
import { isPublishedAt, newestFirst } from './record.js';

/** The event counts the audiences (feed and digest) of these announcements ask for. */
export function announcementFactQueries(records: readonly AnnouncementRecord[]): EventCountQuery[] {
  return records.flatMap(({ announcement: a }) => [...audienceQueries(a.audience), ...audienceQueries(a.digest.audience)]);
}

/**
 * Published now and meant for this user, newest first: everything the feed may ever list. A
 * visitor who has not identified sees only announcements whose `visitors` is `everyone` (records
 * saved before that setting existed count as `identified`).
 */
export function visibleRecords(
  records: readonly AnnouncementRecord[],
  facts: UserFacts,
  now: Date,
  identified: boolean,
): AnnouncementRecord[] {
  return records
    .filter(
      ({ announcement: a }) =>
        (identified || a.visitors === 'everyone') &&
        isPublishedAt(a, now) &&
        evaluateAudience(a.audience, facts, now, { promptId: a.id }).matched,
    )
    .sort((x, y) => newestFirst(x.announcement, y.announcement));
}

/** One feed item in the user's locale (or the announcement's default), with their read state. */
export function toItem(record: AnnouncementRecord, locale: string | null, activity: AnnouncementActivity): AnnouncementItem {
  const { announcement: a } = record;
  const chosen = pickLocale(Object.keys(record.texts), locale, a.defaultLocale);
  const texts = record.texts[chosen] ?? record.texts[a.defaultLocale];
  if (!texts) throw new Error(`announcement ${a.id} has no texts for its default locale ${a.defaultLocale}`);
  const reaction = activity.reactions.get(a.id);
  return {
    ...texts,
    id: a.id,
    category: a.category,
    // `isPublishedAt` passed, so publishAt is set.
    publishedAt: a.publishAt ?? record.createdAt,
    locale: texts === record.texts[chosen] ? chosen : a.defaultLocale,
    read: activity.read.has(a.id),
    ...(reaction ? { reaction } : {}),
  };
}

/** `<publish ms>~<id>`: opaque to clients, stable across edits of other announcements. */
export const cursorOf = (record: AnnouncementRecord): string =>
  `${Date.parse(record.announcement.publishAt ?? '')}~${record.announcement.id}`;

/** The records strictly after `cursor` in newest-first order (all when the cursor is absent or malformed). */
export function afterCursor(sorted: readonly AnnouncementRecord[], cursor: string | undefined): readonly AnnouncementRecord[] {
  const match = cursor ? /^(\d+)~([a-z0-9][a-z0-9_-]{0,63})$/.exec(cursor) : null;
  if (!match) return sorted;
  const at = Number(match[1]);
  const id = match[2] as string;
  return sorted.filter(({ announcement: a }) => {
    const t = Date.parse(a.publishAt ?? '');
    return t < at || (t === at && a.id > id);
  });
}
