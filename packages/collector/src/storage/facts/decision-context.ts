import type { ProjectConfig, Prompt } from '@hearth/schema';
import { historyFromEvents } from '../../domain/frequency/history.js';
import type { DecisionContext } from '../../domain/targeting/decide.js';
import { createUserFacts, factQueries } from '../../domain/targeting/facts.js';
import { lastSeenBeforeVisit } from '../../domain/visit.js';
import type { Store } from '../store.js';
import type { Subject } from './fact-store.js';

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
 * queries whatever the rules say: profile, all event counts, all first matches, display history.
 */
export async function loadDecisionContext(store: Store, input: DecisionInput): Promise<DecisionContext> {
  const { project, subject, now } = input;
  const [profile, answers, promptEvents] = await Promise.all([
    store.facts.profile(project.id, subject),
    store.facts.answer(project.id, subject, factQueries(input.prompts), now),
    store.facts.promptEvents(project.id, subject),
  ]);
  const traitLocale = typeof profile.traits.locale === 'string' ? profile.traits.locale : null;
  const facts = createUserFacts(
    {
      userId: 'userId' in subject ? subject.userId : subject.anonymousId,
      traits: profile.traits,
      locale: input.locale ?? traitLocale,
      firstSeen: date(profile.firstSeen),
      lastSeen: date(lastSeenBeforeVisit(profile, now.getTime())),
    },
    answers,
  );
  return { facts, history: historyFromEvents(promptEvents), now, fatigue: project.fatigue };
}
