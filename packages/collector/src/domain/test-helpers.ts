import { promptSchema, type AudienceRule, type JsonValue, type Prompt, type PromptInput } from '@hearth/schema';
import { factQueries } from './kinds/index.js';
import {
  answerFactQueries,
  audienceQueries,
  createUserFacts,
  type AccountFacts,
  type FactEvent,
  type UserFacts,
  type UserProfile,
} from './targeting/facts.js';
import { DAY_MS } from './time.js';

/** Tests only: a fixed "now" and offsets from it, so no test depends on the real clock. */
export const NOW = new Date('2026-03-15T12:00:00.000Z');
export const daysAgo = (days: number, from: Date = NOW) => new Date(from.getTime() - days * DAY_MS);

export function event(name: string, at: Date, properties: Record<string, JsonValue> = {}): FactEvent {
  return { name, at, properties };
}

interface FactsInput extends Partial<UserProfile> {
  events?: FactEvent[];
  /** Precompute what these prompts (or this bare rule) ask, as a store would. */
  prompts?: readonly Prompt[];
  rule?: AudienceRule;
  now?: Date;
  /** The active account as a store would load it (null: in none); absent when no rule reads it. */
  account?: AccountFacts | null;
}

/** Facts answered the way a store must: through `factQueries` and the reference answers. */
export function facts(input: FactsInput = {}): UserFacts {
  const queries = factQueries(input.prompts ?? []);
  queries.counts.push(...audienceQueries(input.rule));
  const profile: UserProfile = {
    userId: input.userId ?? 'user-1',
    traits: input.traits ?? {},
    locale: input.locale ?? null,
    firstSeen: input.firstSeen ?? null,
    lastSeen: input.lastSeen ?? null,
  };
  const answers = answerFactQueries(queries, input.events ?? [], input.now ?? NOW);
  return createUserFacts(profile, input.account === undefined ? answers : { ...answers, account: input.account });
}

const baseChecklist: PromptInput = {
  id: 'onboarding',
  kind: 'checklist',
  status: 'live',
  content: {
    title: 'Get started',
    items: [
      { id: 'create-project', title: 'Create a project', completeWhen: { type: 'event', event: 'project_created' } },
      { id: 'invite', title: 'Invite a teammate', completeWhen: { type: 'event', event: 'invite_sent', where: { role: 'member' } } },
      { id: 'avatar', title: 'Add an avatar', optional: true, completeWhen: { type: 'trait', trait: 'avatarUrl', op: 'exists' } },
    ],
  },
};

/** A valid, parsed checklist prompt; `overrides` replace top-level fields. */
export function checklist(overrides: Partial<Record<keyof PromptInput, unknown>> = {}): Prompt {
  return promptSchema.parse({ ...baseChecklist, ...overrides });
}
