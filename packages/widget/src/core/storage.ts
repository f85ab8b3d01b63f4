import type { KeyValue } from './env.js';

/**
 * Web Storage behind a memory overlay. Values that could not be persisted — storage blocked,
 * `QuotaExceededError`, or writes paused while consent is pending — live in the overlay, so the
 * SDK keeps working in memory and nothing reaches storage until writes are allowed again.
 * Removals always reach storage: deleting our own data is what consent `denied` asks for.
 */
export interface Store {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /** Keys present in the underlying storage (other tabs' keys included). */
  keys(): string[];
  setWritable(writable: boolean): void;
}

export function createStore(kv: KeyValue | null, onError: (error: unknown) => void): Store {
  const overlay = new Map<string, string>();
  let writable = true;

  const tryKv = (op: (kv: KeyValue) => void): boolean => {
    if (!kv) return false;
    try {
      op(kv);
      return true;
    } catch (error) {
      onError(error);
      return false;
    }
  };

  const write = (key: string, value: string): void => {
    if (writable && tryKv((s) => s.setItem(key, value))) overlay.delete(key);
    else overlay.set(key, value);
  };

  return {
    get(key) {
      const pending = overlay.get(key);
      if (pending !== undefined) return pending;
      let value: string | null = null;
      tryKv((s) => (value = s.getItem(key)));
      return value;
    },
    set: write,
    remove(key) {
      overlay.delete(key);
      tryKv((s) => s.removeItem(key));
    },
    keys() {
      const keys: string[] = [];
      tryKv((s) => {
        for (let i = 0; i < s.length; i++) keys.push(s.key(i) ?? '');
      });
      return keys;
    },
    setWritable(next) {
      writable = next;
      if (next) for (const [key, value] of [...overlay]) write(key, value);
    },
  };
}

/** Parses stored JSON; corrupt or foreign values read as absent. */
export function readJson<T>(store: Store, key: string, valid: (value: unknown) => value is T): T | null {
  try {
    const value: unknown = JSON.parse(store.get(key) ?? 'null');
    return valid(value) ? value : null;
  } catch {
    return null;
  }
}
