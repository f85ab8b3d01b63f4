import { ANNOUNCEMENT_EVENTS, type Announcement } from '@hearth/schema';
import { evaluateAudience } from '../domain/targeting/evaluate.js';
import { accountQueries, answerFactQueries, audienceQueries, createUserFacts } from '../domain/targeting/facts.js';
import type { AnnouncementKpiEvent, AnnouncementKpiUserRow } from '../storage/announcements/announcement-store.js';
import type { AnnouncementKpiUser } from './announcement.js';

/** The event names the announcement's audience counts (behaviour rules): what `kpiEvents` reads. */
export function announcementAudienceEventNames(announcement: Announcement): string[] {
  return [...new Set(audienceQueries(announcement.audience).map((q) => q.event))];
}

const min = (a: number | null, b: number) => (a === null ? b : Math.min(a, b));

function groupByUser(events: readonly AnnouncementKpiEvent[]): Map<string, AnnouncementKpiEvent[]> {
  const byUser = new Map<string, AnnouncementKpiEvent[]>();
  for (const event of events) {
    const mine = byUser.get(event.userId);
    if (mine) mine.push(event);
    else byUser.set(event.userId, [event]);
  }
  return byUser;
}

/**
 * Folds users and their events into `AnnouncementKpiUser`s. `own` are the events about this
 * announcement (`kpiAnnouncementEvents`), `audience` those its behaviour rules count; the users'
 * rows carry the first feature event. Audience membership is evaluated, for users never exposed,
 * at `to` from the user's traits, first/last seen and the audience events.
 */
export function announcementKpiUsers(
  announcement: Announcement,
  users: readonly AnnouncementKpiUserRow[],
  events: { own: readonly AnnouncementKpiEvent[]; audience: readonly AnnouncementKpiEvent[] },
  to: Date,
): AnnouncementKpiUser[] {
  const own = groupByUser(events.own);
  const audience = groupByUser(events.audience);
  const counts = audienceQueries(announcement.audience);
  const readsAccount = accountQueries(announcement.audience).account;
  const inAudience = (row: AnnouncementKpiUserRow) => {
    const facts = createUserFacts(
      {
        userId: row.userId,
        traits: row.traits,
        locale: typeof row.traits.locale === 'string' ? row.traits.locale : null,
        firstSeen: new Date(row.firstSeen),
        lastSeen: new Date(row.lastSeen),
      },
      answerFactQueries(
        { counts, matches: [] },
        (audience.get(row.userId) ?? []).map((e) => ({ name: e.name, at: new Date(e.at), properties: e.properties })),
        to,
      ),
    );
    return evaluateAudience(announcement.audience, facts, to, { promptId: announcement.id }).matched;
  };
  return users.map((row) => {
    const user: AnnouncementKpiUser = {
      userId: row.userId,
      inAudience: null,
      shownAt: null,
      readAt: null,
      ctaAt: null,
      reaction: null,
      feedback: false,
      featureFirstAt: row.featureFirstAt,
    };
    for (const event of (own.get(row.userId) ?? []).sort((a, b) => a.at - b.at)) {
      if (event.name === ANNOUNCEMENT_EVENTS.read) user.readAt = min(user.readAt, event.at);
      else if (event.name === ANNOUNCEMENT_EVENTS.ctaClicked) user.ctaAt = min(user.ctaAt, event.at);
      else if (event.name === ANNOUNCEMENT_EVENTS.reacted) {
        // Sorted by time: the last reaction wins.
        const reaction = event.properties.reaction;
        if (reaction === 'up' || reaction === 'down') user.reaction = reaction;
        if (typeof event.properties.feedback === 'string' && event.properties.feedback) user.feedback = true;
      } else user.shownAt = min(user.shownAt, event.at);
    }
    // Own events all fall before `to`, so any display, read or click is an exposure: such a user
    // is never a control and needs no audience evaluation (half the users, most of the cost).
    // An audience with account rules is not re-evaluated here (the rows carry no account), so its
    // unexposed users stay unknown (null) rather than being guessed into or out of the control group.
    if (user.shownAt === null && user.readAt === null && user.ctaAt === null && !readsAccount) user.inAudience = inAudience(row);
    return user;
  });
}
