import { createHash } from 'node:crypto';
import type { CompleteWhen, JsonValue } from '@hearth/schema';
import { completingEvent } from '../../domain/checklist/progress.js';

/** What completes a checklist item by an event, as the checklist rollup keys it (migration 025). */
export interface ItemDefinition {
  /** A hash of `event` and `filter`: two items that match the same events share one. */
  definition: string;
  event: string;
  /** The property filter as JSON text, keys sorted (`{}`: any properties). */
  filter: string;
}

/**
 * An item's definition: editing its event or filter yields another, whose rollup rows are built
 * from `events` while the old ones stay untouched, so an edit can never read rows of the old rule.
 */
export function itemDefinition(event: string, where: Readonly<Record<string, JsonValue>>): ItemDefinition {
  const sorted = Object.entries(where).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const filter = JSON.stringify(Object.fromEntries(sorted));
  const definition = createHash('sha256')
    .update(JSON.stringify([event, filter]))
    .digest('base64url')
    .slice(0, 22);
  return { definition, event, filter };
}

/** The definitions a checklist's items need in the rollup: one per event-completed item. */
export function checklistDefinitions(items: readonly { completeWhen: CompleteWhen }[]): string[] {
  return items.flatMap((item) => {
    const byEvent = completingEvent(item);
    return byEvent ? [itemDefinition(byEvent.event, byEvent.where ?? {}).definition] : [];
  });
}
