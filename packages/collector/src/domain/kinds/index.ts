import type { Prompt, PromptKind } from '@hearth/schema';
import { audienceQueries, countKey, matchKey, type EventCountQuery, type EventMatchQuery, type FactQueries } from '../targeting/facts.js';
import { checklist } from './checklist.js';
import type { PromptKindModule } from './kind.js';
import { survey } from './survey.js';

/** Every prompt kind's module: a kind missing here fails to compile. */
const kinds: { [K in PromptKind]: PromptKindModule<Extract<Prompt, { kind: K }>> } = { checklist, survey };

export function kindOf<P extends Prompt>(prompt: P): PromptKindModule<P> {
  return kinds[prompt.kind] as PromptKindModule<never> as PromptKindModule<P>;
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

/**
 * Everything the rules of these prompts will ask, de-duplicated, so a store answers each with one
 * query (or all counts with one grouped query) before evaluating, and the domain stays synchronous.
 */
export function factQueries(prompts: readonly Prompt[]): FactQueries {
  const counts: EventCountQuery[] = prompts.flatMap((prompt) => audienceQueries(prompt.audience));
  const matches: EventMatchQuery[] = prompts.flatMap((prompt) => kindOf(prompt).facts(prompt).matches);
  return { counts: unique(counts, countKey), matches: unique(matches, matchKey) };
}

/** The ids of prompts whose kind reads the user's responses, and of those that read project-wide asks. */
export function responseNeeds(prompts: readonly Prompt[]): { responses: string[]; askedLast24h: string[] } {
  const needs = prompts.map((prompt) => ({ id: prompt.id, ...kindOf(prompt).facts(prompt) }));
  return {
    responses: needs.filter((need) => need.responses).map((need) => need.id),
    askedLast24h: needs.filter((need) => need.askedLast24h).map((need) => need.id),
  };
}
