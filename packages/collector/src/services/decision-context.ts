import type { ProjectConfig, Prompt } from '@hearth/schema';
import { historyFromEvents } from '../domain/frequency/history.js';
import { accountChecklistQueries } from '../domain/checklist/progress.js';
import { factQueries, responseNeeds } from '../domain/kinds/index.js';
import type { SurveyFacts } from '../domain/survey/cadence.js';
import { surveyAsksFromEvents } from '../domain/survey/history.js';
import type { DecisionContext } from '../domain/targeting/decision.js';
import { createUserFacts } from '../domain/targeting/facts.js';
import { DAY_MS } from '../domain/time.js';
import { lastSeenBeforeVisit } from '../domain/visit.js';
import type { Store } from '../storage/store.js';
import type { Subject } from '../storage/facts/fact-store.js';
import { servedLocale } from '../domain/settings/served-locale.js';
import { loadAccountFacts } from './account-facts.js';
import { hasHoldout } from '../domain/checklist/holdout.js';

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
 * the active account when a rule reads it, and for surveys the user's responses plus (daily caps only) the users asked in the last 24 hours.
 */
export async function loadDecisionContext(store: Store, input: DecisionInput): Promise<DecisionContext> {
  const { project, subject, now } = input;
  const subjectId = 'userId' in subject ? subject.userId : subject.anonymousId;
  // Only prompts whose kind reads them (surveys; daily-capped ones for the project-wide count) cost these queries.
  const needs = responseNeeds(input.prompts);
  const userId = 'userId' in subject ? subject.userId : null;
  const audiences = input.prompts.map((prompt) => prompt.audience);
  // Recorded checklist holdout groups cost a query only when a checklist has a holdout.
  const readArms = userId !== null && input.prompts.some(hasHoldout);
  const [profile, answers, promptEvents, responses, shown, account, arms] = await Promise.all([
    store.facts.profile(project.id, subject),
    store.facts.answer(project.id, subject, factQueries(input.prompts), now),
    store.facts.promptEvents(project.id, subject),
    needs.responses.length ? store.responses.marks(project.id, subject) : new Map<string, never[]>(),
    store.responses.usersShownSince(project.id, needs.askedLast24h, new Date(now.getTime() - DAY_MS)),
    loadAccountFacts(store, project.id, userId, { audiences, matches: accountChecklistQueries(input.prompts) }, now),
    readArms ? store.prompts.assignments(project.id, userId) : new Map<string, never>(),
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
    { ...answers, account },
  );
  const surveyFacts = new Map<string, SurveyFacts>(
    needs.responses.map((id) => [
      id,
      {
        userId: subjectId,
        firstSeen: date(profile.firstSeen),
        responses: responses.get(id) ?? [],
        asks: surveyAsksFromEvents(id, promptEvents),
        askedLast24h: shown.get(id) ?? 0,
      },
    ]),
  );
  return {
    facts,
    history: historyFromEvents(promptEvents),
    now,
    fatigue: project.fatigue,
    surveys: surveyFacts,
    holdout: { userId, arms },
  };
}
