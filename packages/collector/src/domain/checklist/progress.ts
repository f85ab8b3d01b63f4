import { CHECKLIST_EVENTS, type ChecklistItem, type ChecklistPrompt, type CompleteWhen } from '@hearth/schema';
import type { EventMatchQuery, UserFacts } from '../targeting/facts.js';
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

/**
 * Which items are done, from the user's real events and traits: progress lives on the server so
 * it holds across reloads, tabs and devices. Events count whenever they happened, even before the
 * checklist existed — the user did the thing.
 */
export function checklistProgress(prompt: ChecklistPrompt, facts: UserFacts, now: Date): ChecklistProgressResult {
  const items = prompt.content.items.map((item): ItemProgress => {
    const rule = item.completeWhen;
    const byEvent = completingEvent(item);
    const doneAt = byEvent ? facts.firstEventAt(byEvent.event, byEvent.where) : null;
    const done = rule.type === 'event' ? doneAt !== null : evaluateTrait(rule, facts.traits, now).ok;
    const skipQ = skipQuery(prompt.id, item);
    const skipped = item.optional && !done && facts.firstEventAt(skipQ.event, skipQ.where) !== null;
    return { id: item.id, done, doneAt, skipped };
  });
  return {
    items,
    done: items.filter((item) => item.done).length,
    total: items.length,
    complete: items.every((item) => item.done || item.skipped),
  };
}
