import type { HearthEvent } from '@hearth/schema';
import { readJson, type Store } from './storage.js';

/**
 * One queued event, with the identity token that was current when it was created; `b` marks an
 * event already carried by a beacon, not beaconed again until a normal send has had its chance.
 */
export interface OutboxItem {
  e: HearthEvent;
  k?: string;
  b?: 1;
}

export interface Outbox {
  items(): readonly OutboxItem[];
  add(item: OutboxItem): void;
  /**
   * Takes over, oldest first, as many of the events stored under another tab's key as fit under
   * the bound, and leaves the rest there.
   */
  adopt(key: string): void;
  remove(messageIds: ReadonlySet<string>): void;
  /** Sets (or, with no flag, clears) the beacon mark of these events. */
  mark(messageIds: ReadonlySet<string>, beaconed?: 1): void;
  clear(): void;
}

const isItems = (value: unknown): value is OutboxItem[] =>
  Array.isArray(value) && value.every((item: OutboxItem) => typeof item?.e?.messageId === 'string');

/** Oldest event time first, whichever tab an event was recorded in. */
const byAge = (a: OutboxItem, b: OutboxItem) => Date.parse(a.e.timestamp) - Date.parse(b.e.timestamp);

/**
 * A bounded queue written to storage on every change, so a crashed tab loses nothing
 * (field-notes: queues persisted only on `pagehide` are lost on crash). Past `max`, the events with
 * the oldest event time are dropped and reported through `onDrop`; adoption never drops.
 */
export function createOutbox(store: Store, key: string, max: number, onDrop: (count: number) => void): Outbox {
  const read = (from: string) => readJson(store, from, isItems) ?? [];
  const save = (to: string, list: OutboxItem[]) => (list.length ? store.set(to, JSON.stringify(list)) : store.remove(to));
  let items = read(key);

  const commit = (next: OutboxItem[]) => {
    const over = next.sort(byAge).length - max;
    save(key, (items = over > 0 ? next.slice(over) : next));
    if (over > 0) onDrop(over);
  };

  return {
    items: () => items,
    add: (item) => commit([...items, item]),
    adopt(from) {
      const ours = new Set(items.map((item) => item.e.messageId));
      const rest = read(from)
        .filter((item) => !ours.has(item.e.messageId))
        .sort(byAge);
      // Ours first, then theirs: a crash in between leaves a copy (de-duplicated), never a loss.
      commit([...items, ...rest.splice(0, max - items.length)]);
      save(from, rest);
    },
    remove: (ids) => commit(items.filter((item) => !ids.has(item.e.messageId))),
    mark: (ids, b) => commit(items.map((item) => (ids.has(item.e.messageId) ? { ...item, b } : item))),
    clear: () => commit([]),
  };
}
