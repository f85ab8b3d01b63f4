import type { HearthEvent, JsonValue, ServerEventsRequest } from '@hearth/schema';
import type { Random } from './seed-random.js';
import type { Engagement, SeedTraits, SeedUser } from './seed-users.js';
import { npsAnswer } from './seed-nps.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** What the demo project shows, read from its configuration (see seed-data.ts). */
export type SeedProgram = {
  /** Checklists by the role they target, with the event that completes each item. */
  checklists: { id: string; role: string; items: { id: string; event: string }[] }[];
  /** The NPS survey, asked once a user has done `event` `minCount` times. */
  survey: { id: string; event: string; minCount: number } | null;
  announcements: { id: string; publishedMsAgo: number; boosted: boolean; hasCta: boolean }[];
};

export type ServerEvent = ServerEventsRequest['events'][number];

/** An NPS answer, written with its real (past) answer time; see seed.ts for why not via /v1/responses. */
export type SeedResponse = {
  surveyId: string;
  userId: string;
  score: number;
  comment: string | null;
  locale: string;
  traits: SeedTraits;
  answeredAt: Date;
};

export type UserHistory = {
  /** What the user's browser sent, oldest first. */
  events: HearthEvent[];
  /** What Acme's backend confirmed with the secret key (Project Created, as demo/server/api-routes.ts does). */
  serverEvents: ServerEvent[];
  response: SeedResponse | null;
  /** Checklist items the user completed: the rewards rules pay for them on the next state refresh. */
  checklistItemsDone: number;
  lastSeenAt: number;
};

const PROJECT_NAMES = [
  'Website relaunch',
  'Q3 roadmap',
  'Mobile app',
  'Hiring plan',
  'Data migration',
  'Onboarding revamp',
  'Brand refresh',
  'Customer portal',
];
const TEMPLATES = ['blank', 'kanban', 'roadmap'];
const REPORTS = ['velocity', 'burndown', 'workload'];
const PAGES = [
  { path: '/projects', title: 'Projects · Acme Projects' },
  { path: '/reports', title: 'Reports · Acme Projects' },
  { path: '/settings', title: 'Settings · Acme Projects' },
];
/** Chance per later session of each action, by engagement; the sign-up session is onboarding. */
const ACTION_RATES: Record<Engagement, { project: number; invite: number; report: number }> = {
  power: { project: 0.3, invite: 0.12, report: 0.45 },
  regular: { project: 0.25, invite: 0.08, report: 0.35 },
  casual: { project: 0.3, invite: 0.05, report: 0.25 },
  fading: { project: 0.2, invite: 0.05, report: 0.3 },
  churned: { project: 0.2, invite: 0.05, report: 0.3 },
  dropoff: { project: 0.35, invite: 0.1, report: 0.2 },
};

/**
 * One user's history, session by session: page views, the demo's actions, and what the widget
 * reports about its prompts (checklist shown/ticked/completed, the NPS ask, announcement reads).
 * Every time is `now` minus an offset that does not depend on `now`, and every messageId is
 * derived from the user and a counter, so the same seed always gives the same history.
 */
export function buildUserHistory(user: SeedUser, userNo: number, program: SeedProgram, random: Random, now: number): UserHistory {
  const events: HearthEvent[] = [];
  const serverEvents: ServerEvent[] = [];
  const traits: SeedTraits = { ...user.traits };
  const context = (path: string, title?: string) => ({ path, ...(title ? { title } : {}), locale: traits.locale });
  let at = 0;
  let lastPath = '/projects';
  const add = (event: Record<string, unknown>) => {
    events.push({
      messageId: `dseed_${String(userNo).padStart(3, '0')}_${String(events.length + 1).padStart(4, '0')}`,
      anonymousId: user.anonymousId,
      timestamp: new Date(at).toISOString(),
      ...event,
    } as HearthEvent);
    at += (1 + random.next() * 3) * MINUTE_MS;
  };
  const track = (name: string, properties: Record<string, JsonValue>) =>
    add({ type: 'track', userId: user.id, name, properties, context: context(lastPath) });
  const page = (target: (typeof PAGES)[number]) => {
    lastPath = target.path;
    add({ type: 'page', userId: user.id, context: context(target.path, target.title) });
  };

  const checklist = program.checklists.find((candidate) => candidate.role === traits.role);
  const done = new Set<string>();
  let checklistOpen = !!checklist;
  const counts = new Map<string, number>();
  let survey: 'waiting' | 'snoozed' | 'closed' = 'waiting';
  let surveyAgainAt = 0;
  let response: SeedResponse | null = null;
  const handled = new Set<string>();
  const read = new Set<string>();
  let previousSessionAt: number | null = null;

  /** A demo action: the event itself (and the backend's copy), and the checklist item it ticks. */
  const act = (name: string, properties: Record<string, JsonValue>) => {
    if (name === 'Project Created') {
      // The demo's backend vouches for it first (points, referrals), then the browser tracks it.
      serverEvents.push({
        id: `dseed_srv_${String(userNo).padStart(3, '0')}_${String(serverEvents.length + 1).padStart(3, '0')}`,
        userId: user.id,
        name,
        properties: { template: String(properties.template) },
        timestamp: new Date(at).toISOString(),
      });
    }
    track(name, properties);
    counts.set(name, (counts.get(name) ?? 0) + 1);
    const item = checklist?.items.find((candidate) => candidate.event === name && !done.has(candidate.id));
    if (!checklist || !item) return;
    done.add(item.id);
    if (!checklistOpen) return;
    track('$checklist_item_completed', { promptId: checklist.id, itemId: item.id });
    if (done.size === checklist.items.length) {
      track('$prompt_completed', { promptId: checklist.id, kind: 'checklist' });
      checklistOpen = false;
    }
  };

  /** The NPS ask at the end of a session, once the trigger's count is reached (and a snooze is over). */
  const askSurvey = (sessionAt: number) => {
    const nps = program.survey;
    if (!nps || survey === 'closed' || (counts.get(nps.event) ?? 0) < nps.minCount || sessionAt < surveyAgainAt) return;
    const props = { promptId: nps.id, kind: 'survey', cycle: 1 };
    track('$prompt_shown', props);
    const outcome = random.weighted(
      survey === 'snoozed' ? { answer: 50, dismiss: 50, snooze: 0 } : { answer: 55, dismiss: 25, snooze: 20 },
    );
    if (outcome === 'snooze') {
      track('$survey_snoozed', props);
      survey = 'snoozed';
      surveyAgainAt = at + 7 * DAY_MS;
      return;
    }
    survey = 'closed';
    if (outcome === 'dismiss') return track('$prompt_dismissed', props);
    const answer = npsAnswer(random, user.engagement, (now - at) / DAY_MS);
    response = { surveyId: nps.id, userId: user.id, ...answer, locale: traits.locale, traits: { ...traits }, answeredAt: new Date(at) };
    track('$prompt_completed', props);
  };

  /** The news bell and its feed: boosted toasts, the digest after an absence, reads, clicks, reactions. */
  const seeAnnouncements = (sessionAt: number) => {
    const published = program.announcements.filter((a) => now - a.publishedMsAgo < sessionAt);
    const fresh = published.filter((a) => !handled.has(a.id));
    // "Since you were away": back after a week or more, with news published meanwhile.
    const missed = fresh.filter(
      (a) => previousSessionAt !== null && sessionAt - previousSessionAt > 7 * DAY_MS && now - a.publishedMsAgo > previousSessionAt,
    );
    if (missed.length > 0) track('$announcement_digest_shown', { announcementIds: missed.map((a) => a.id) });
    for (const announcement of fresh) {
      handled.add(announcement.id);
      if (announcement.boosted) track('$prompt_shown', { promptId: announcement.id, kind: 'announcement' });
    }
    for (const announcement of published) {
      if (read.has(announcement.id) || !random.chance(0.35)) continue;
      read.add(announcement.id);
      track('$announcement_read', { announcementId: announcement.id });
      if (announcement.hasCta && random.chance(0.35)) track('$announcement_cta_clicked', { announcementId: announcement.id });
      if (random.chance(0.25))
        track('$announcement_reacted', { announcementId: announcement.id, reaction: random.chance(0.8) ? 'up' : 'down' });
    }
  };

  const session = (sessionAt: number, signup: boolean) => {
    at = sessionAt;
    if (signup) {
      add({ type: 'page', context: context('/', 'Sign in · Acme Projects') });
      add({ type: 'identify', userId: user.id, traits: { ...traits } });
    }
    page(PAGES[0]!);
    if (checklist && checklistOpen) {
      track('$prompt_shown', { promptId: checklist.id, kind: 'checklist' });
      // A few close it unfinished; their real events still count in the KPI funnel.
      if (!signup && random.chance(0.08)) {
        track('$prompt_dismissed', { promptId: checklist.id, kind: 'checklist' });
        checklistOpen = false;
      }
    }
    seeAnnouncements(sessionAt);
    const rates = ACTION_RATES[user.engagement];
    const onboarding = signup || done.size < (checklist?.items.length ?? 0);
    if (random.chance(signup ? 0.8 : rates.project))
      act('Project Created', {
        projectName: random.pick(PROJECT_NAMES),
        template: random.pick(TEMPLATES),
        projectCount: (counts.get('Project Created') ?? 0) + 1,
      });
    const inviteRate = traits.role === 'admin' ? (onboarding ? 0.4 : rates.invite * 2) : rates.invite;
    if (random.chance(inviteRate))
      act('Teammate Invited', {
        role: random.pick(['member', 'viewer', 'admin']),
        inviteeDomain: `${traits.company.toLowerCase().replace(/\s/g, '')}.test`,
      });
    const exports = signup
      ? random.chance(0.35)
        ? 1
        : 0
      : random.chance(rates.report)
        ? random.int(1, user.engagement === 'power' ? 3 : 2)
        : 0;
    if (exports > 0) page(PAGES[1]!);
    for (let n = 0; n < exports; n++)
      act('Report Exported', {
        report: random.pick(REPORTS),
        format: random.pick(['csv', 'pdf']),
        fileName: `report-${(counts.get('Report Exported') ?? 0) + 1}`,
      });
    if (random.chance(0.15)) page(PAGES[2]!);
    askSurvey(sessionAt);
    previousSessionAt = sessionAt;
  };

  session(now - (user.signupDaysAgo + 0.5 + 0.4 * random.next()) * DAY_MS, true);
  for (const day of user.activeDaysAgo) {
    if (day === user.upgradeDaysAgo) {
      traits.plan = 'pro';
      at = now - (day + 0.96) * DAY_MS;
      add({ type: 'identify', userId: user.id, traits: { ...traits } });
    }
    session(now - (day + 0.05 + 0.9 * random.next()) * DAY_MS, false);
  }
  return { events, serverEvents, response, checklistItemsDone: done.size, lastSeenAt: at };
}
