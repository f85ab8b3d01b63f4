import { ANNOUNCEMENT_EVENTS, PROMPT_EVENTS, type Announcement } from '@hearth/schema';
import { evaluateAudience } from '../domain/targeting/evaluate.js';
import { answerFactQueries, audienceQueries, createUserFacts } from '../domain/targeting/facts.js';
import type { AnnouncementKpiEvent, AnnouncementKpiUserRow } from '../storage/announcements/announcement-store.js';
import type { AnnouncementKpiUser } from './announcement.js';

/** The event names `announcementKpiUsers` needs from the store for this announcement. */
export function announcementKpiEventNames(announcement: Announcement): string[] {
  const names = [ANNOUNCEMENT_EVENTS.read, ANNOUNCEMENT_EVENTS.reacted, ANNOUNCEMENT_EVENTS.ctaClicked, ANNOUNCEMENT_EVENTS.digestShown, PROMPT_EVENTS.shown];
  const behaviour = audienceQueries(announcement.audience).map((q) => q.event);
  return [...new Set([...names, ...behaviour, ...(announcement.featureEvent ? [announcement.featureEvent] : [])])];
}

const min = (a: number | null, b: number) => (a === null ? b : Math.min(a, b));

/** Whether this event is about `id` (digests list several announcements). */
function concerns(event: AnnouncementKpiEvent, id: string): boolean {
  const p = event.properties;
  if (event.name === PROMPT_EVENTS.shown) return p.kind === 'announcement' && p.promptId === id;
  if (event.name === ANNOUNCEMENT_EVENTS.digestShown) return Array.isArray(p.announcementIds) && p.announcementIds.includes(id);
  return p.announcementId === id;
}

/**
 * Folds users and their events into `AnnouncementKpiUser`s. Audience membership is evaluated at
 * `to` from the user's traits, first/last seen and the audience's behaviour events.
 */
export function announcementKpiUsers(
  announcement: Announcement,
  users: readonly AnnouncementKpiUserRow[],
  events: readonly AnnouncementKpiEvent[],
  to: Date,
): AnnouncementKpiUser[] {
  const byUser = new Map<string, AnnouncementKpiEvent[]>();
  for (const event of events) {
    const mine = byUser.get(event.userId);
    if (mine) mine.push(event);
    else byUser.set(event.userId, [event]);
  }
  const counts = audienceQueries(announcement.audience);
  return users.map((row) => {
    const mine = (byUser.get(row.userId) ?? []).sort((a, b) => a.at - b.at);
    const facts = createUserFacts(
      { userId: row.userId, traits: row.traits, locale: typeof row.traits.locale === 'string' ? row.traits.locale : null, firstSeen: new Date(row.firstSeen), lastSeen: new Date(row.lastSeen) },
      answerFactQueries({ counts, matches: [] }, mine.map((e) => ({ name: e.name, at: new Date(e.at), properties: e.properties })), to),
    );
    const user: AnnouncementKpiUser = {
      userId: row.userId,
      inAudience: evaluateAudience(announcement.audience, facts, to, { promptId: announcement.id }).matched,
      shownAt: null, readAt: null, ctaAt: null, reaction: null, feedback: false, featureFirstAt: null,
    };
    for (const event of mine) {
      if (event.name === announcement.featureEvent) user.featureFirstAt = min(user.featureFirstAt, event.at);
      if (!concerns(event, announcement.id)) continue;
      if (event.name === ANNOUNCEMENT_EVENTS.read) user.readAt = min(user.readAt, event.at);
      else if (event.name === ANNOUNCEMENT_EVENTS.ctaClicked) user.ctaAt = min(user.ctaAt, event.at);
      else if (event.name === ANNOUNCEMENT_EVENTS.reacted) {
        // Sorted by time: the last reaction wins.
        const reaction = event.properties.reaction;
        if (reaction === 'up' || reaction === 'down') user.reaction = reaction;
        if (typeof event.properties.feedback === 'string' && event.properties.feedback) user.feedback = true;
      } else user.shownAt = min(user.shownAt, event.at);
    }
    return user;
  });
}
