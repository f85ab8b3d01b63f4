import { CHECKLIST_EVENTS, type ChecklistItem, type ChecklistPrompt, type CompleteWhen, type Prompt } from '@hearth/schema';
import { matchKey, type EventMatchQuery, type UserFacts } from '../targeting/facts.js';
import { evaluateTrait } from '../targeting/trait.js';

export interface ItemProgress {
  id: string;
  done: boolean;
  /** When the completing event first happened; null for trait-completed or open items. */
  doneAt: Date | null;
  skipped: boolean;
}

export interface ChecklistProgressResult {
  items: ItemProgress[];
  done: number;
  total: number;
  /** Every item is done, or optional and skipped. */
  complete: boolean;
}

const skipQuery = (promptId: string, item: ChecklistItem): EventMatchQuery => ({
  event: CHECKLIST_EVENTS.itemSkipped,
  where: { promptId, itemId: item.id },
});

/**
 * The one definition of "done by an event": the user's first event of this name whose properties
 * hold every `where` entry. Progress asks it through the facts, the checklist KPI through its SQL;
 * null for a trait-completed item.
 */
export function completingEvent(item: { completeWhen: CompleteWhen }): EventMatchQuery | null {
  const rule = item.completeWhen;
  return rule.type === 'event' ? { event: rule.event, where: rule.where ?? null } : null;
}

/** The event lookups progress needs: one per event-completed item, one per optional item's skip. */
export function checklistEventQueries(prompt: ChecklistPrompt): EventMatchQuery[] {
  return prompt.content.items.flatMap((item) => {
    const byEvent = completingEvent(item);
    return [...(byEvent ? [byEvent] : []), ...(item.optional ? [skipQuery(prompt.id, item)] : [])];
  });
}

/** The event lookups of the checklists whose progress the account's members share. */
export function accountChecklistQueries(prompts: readonly Prompt[]): EventMatchQuery[] {
  return prompts.flatMap((p) => (p.kind === 'checklist' && p.content.scope === 'account' ? checklistEventQueries(p) : []));
}

/** Where progress is read from: the user's own events and traits, or the active account's. */
function progressSource(prompt: ChecklistPrompt, facts: UserFacts) {
  const account = prompt.content.scope === 'account' ? facts.account() : null;
  if (!account) return { traits: facts.traits, firstEventAt: facts.firstEventAt };
  return {
    traits: account.traits,
    firstEventAt: (event: string, where: EventMatchQuery['where']) => {
      const at = account.firstEvents.get(matchKey({ event, where }));
      if (at === undefined) throw new Error(`first "${event}" event of the account was not precomputed`);
      return at;
    },
  };
}

/**
 * Which items are done, from the user's real events and traits: progress lives on the server so
 * it holds across reloads, tabs and devices. Events count whenever they happened, even before the
 * checklist existed — the user did the thing. A checklist scoped to the account reads the events
 * attributed to the user's active account and its traits instead (a user in no account keeps
 * their own progress).
 */
export function checklistProgress(prompt: ChecklistPrompt, facts: UserFacts, now: Date): ChecklistProgressResult {
  const source = progressSource(prompt, facts);
  const items = prompt.content.items.map((item): ItemProgress => {
    const rule = item.completeWhen;
    const byEvent = completingEvent(item);
    const doneAt = byEvent ? source.firstEventAt(byEvent.event, byEvent.where) : null;
    const done = rule.type === 'event' ? doneAt !== null : evaluateTrait(rule, source.traits, now).ok;
    const skipQ = skipQuery(prompt.id, item);
    const skipped = item.optional && !done && source.firstEventAt(skipQ.event, skipQ.where) !== null;
    return { id: item.id, done, doneAt, skipped };
  });
  return {
    items,
    done: items.filter((item) => item.done).length,
    total: items.length,
    complete: items.every((item) => item.done || item.skipped),
  };
}
