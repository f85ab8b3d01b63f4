import type { AnnouncementRecord, ProjectConfig } from '@hearth/schema';
import { foldActivity } from '../domain/announcements/activity.js';
import type { AnnouncementStateContext } from '../domain/announcements/build-state.js';
import { announcementFactQueries } from '../domain/announcements/visible.js';
import { fatigueUsage } from '../domain/frequency/fatigue.js';
import { historyFromEvents } from '../domain/frequency/history.js';
import { createUserFacts } from '../domain/targeting/facts.js';
import { lastSeenBeforeVisit } from '../domain/visit.js';
import type { Subject } from '../storage/facts/fact-store.js';
import type { Store } from '../storage/store.js';
import { servedLocale } from '../domain/settings/served-locale.js';
import { loadAccountFacts } from './account-facts.js';

export interface AnnouncementContextInput {
  project: ProjectConfig;
  subject: Subject;
  records: readonly AnnouncementRecord[];
  now: Date;
  locale: string | null;
  /** Ids of the project's interrupting prompts: they share the fatigue budget with boosts. */
  interruptingPromptIds?: readonly string[];
  /** Interrupting prompts this same state response already shows (they use budget first). */
  interruptingShownNow?: number;
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/** Everything `buildAnnouncementsState` needs for one subject, in four queries (more when an audience reads the account). */
export async function loadAnnouncementContext(
  store: Pick<Store, 'facts' | 'announcements' | 'accounts'>,
  input: AnnouncementContextInput,
): Promise<AnnouncementStateContext> {
  const { project, subject, now, records } = input;
  const { facts, announcements } = store;
  const counts = announcementFactQueries(records);
  const userId = 'userId' in subject ? subject.userId : null;
  const audiences = records.map((record) => record.announcement.audience);
  const [profile, answers, promptEvents, activityEvents, account] = await Promise.all([
    facts.profile(project.id, subject),
    facts.answer(project.id, subject, { counts, matches: [] }, now),
    facts.promptEvents(project.id, subject),
    announcements.activity(project.id, subject),
    loadAccountFacts(store, project.id, userId, { audiences }, now),
  ]);
  const traitLocale = typeof profile.traits.locale === 'string' ? profile.traits.locale : null;
  const userFacts = createUserFacts(
    {
      userId: 'userId' in subject ? subject.userId : subject.anonymousId,
      traits: profile.traits,
      locale: servedLocale(project.locales, input.locale ?? traitLocale),
      firstSeen: date(profile.firstSeen),
      lastSeen: date(lastSeenBeforeVisit(profile, now.getTime())),
    },
    { ...answers, account },
  );
  const interrupting = new Set([
    ...(input.interruptingPromptIds ?? []),
    ...records.filter((r) => r.announcement.boosted).map((r) => r.announcement.id),
  ]);
  const usage = fatigueUsage(historyFromEvents(promptEvents), interrupting, project.fatigue, now);
  return {
    facts: userFacts,
    identified: 'userId' in subject,
    activity: foldActivity(activityEvents),
    now,
    inactivityDays: project.inactivityDays,
    fatigueRemaining: usage.remaining - (input.interruptingShownNow ?? 0),
  };
}
