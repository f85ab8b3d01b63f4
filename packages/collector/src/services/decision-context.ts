import type { ProjectConfig, Prompt } from '@hearth/schema';
import { historyFromEvents } from '../domain/frequency/history.js';
import type { SurveyFacts } from '../domain/survey/cadence.js';
import { surveyAsksFromEvents } from '../domain/survey/history.js';
import type { DecisionContext } from '../domain/targeting/decide.js';
import { createUserFacts, factQueries } from '../domain/targeting/facts.js';
import { DAY_MS } from '../domain/time.js';
import { lastSeenBeforeVisit } from '../domain/visit.js';
import type { Store } from '../storage/store.js';
import type { Subject } from '../storage/facts/fact-store.js';
import { servedLocale } from '../domain/settings/served-locale.js';

export interface DecisionInput {
  project: ProjectConfig;
  subject: Subject;
  /** Every prompt of the project: the fatigue budget is shared, so state and explain see the same set. */
  prompts: readonly Prompt[];
  now: Date;
  /** The page's locale; else a `locale` trait; else none. */
  locale: string | null;
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/**
 * Everything the domain needs to decide prompts for one subject, read with a fixed number of
 * queries whatever the rules say: profile, all event counts, all first matches, display history,
 * and for surveys the user's responses plus (daily caps only) the users asked in the last 24 hours.
 */
export async function loadDecisionContext(store: Store, input: DecisionInput): Promise<DecisionContext> {
  const { project, subject, now } = input;
  const subjectId = 'userId' in subject ? subject.userId : subject.anonymousId;
  const surveys = input.prompts.filter((prompt) => prompt.kind === 'survey');
  // Only surveys with a daily cap need the project-wide count: skip that query otherwise.
  const capped = surveys.filter((survey) => survey.spread?.type === 'dailyCap').map((survey) => survey.id);
  const [profile, answers, promptEvents, responses, shown] = await Promise.all([
    store.facts.profile(project.id, subject),
    store.facts.answer(project.id, subject, factQueries(input.prompts), now),
    store.facts.promptEvents(project.id, subject),
    surveys.length ? store.responses.marks(project.id, subject) : new Map<string, never[]>(),
    store.responses.usersShownSince(project.id, capped, new Date(now.getTime() - DAY_MS)),
  ]);
  const traitLocale = typeof profile.traits.locale === 'string' ? profile.traits.locale : null;
  const facts = createUserFacts(
    {
      userId: subjectId,
      traits: profile.traits,
      locale: servedLocale(project.locales, input.locale ?? traitLocale),
      firstSeen: date(profile.firstSeen),
      lastSeen: date(lastSeenBeforeVisit(profile, now.getTime())),
    },
    answers,
  );
  const surveyFacts = new Map<string, SurveyFacts>(
    surveys.map((survey) => [
      survey.id,
      {
        userId: subjectId,
        firstSeen: date(profile.firstSeen),
        responses: responses.get(survey.id) ?? [],
        asks: surveyAsksFromEvents(survey.id, promptEvents),
        askedLast24h: shown.get(survey.id) ?? 0,
      },
    ]),
  );
  return { facts, history: historyFromEvents(promptEvents), now, fatigue: project.fatigue, surveys: surveyFacts };
}
