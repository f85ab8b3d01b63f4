import type { HearthEvent } from '@hearth/schema';
import { readJson, type Store } from './storage.js';

/** One queued event, with the identity token that was current when it was created. */
export interface OutboxItem {
  e: HearthEvent;
  k?: string;
}

export interface Outbox {
  items(): readonly OutboxItem[];
  add(item: OutboxItem): void;
  /** Takes over another tab's events; they are older than ours, so they go first. */
  adopt(items: readonly OutboxItem[]): void;
  remove(messageIds: ReadonlySet<string>): void;
  clear(): void;
}

export const isItems = (value: unknown): value is OutboxItem[] =>
  Array.isArray(value) && value.every((item: OutboxItem) => typeof item?.e?.messageId === 'string');

/**
 * A bounded queue written to storage on every change, so a crashed tab loses nothing
 * (field-notes: queues persisted only on `pagehide` are lost on crash). Past `max`, the oldest
 * events are dropped and reported through `onDrop`.
 */
export function createOutbox(store: Store, key: string, max: number, onDrop: (count: number) => void): Outbox {
  let items: OutboxItem[] = readJson(store, key, isItems) ?? [];

  const commit = (next: OutboxItem[]) => {
    const over = next.length - max;
    items = over > 0 ? next.slice(over) : next;
    if (items.length) store.set(key, JSON.stringify(items));
    else store.remove(key);
    if (over > 0) onDrop(over);
  };

  return {
    items: () => items,
    add: (item) => commit([...items, item]),
    adopt(adopted) {
      const ours = new Set(items.map((item) => item.e.messageId));
      commit([...adopted.filter((item) => !ours.has(item.e.messageId)), ...items]);
    },
    remove: (ids) => commit(items.filter((item) => !ids.has(item.e.messageId))),
    clear: () => commit([]),
  };
}
