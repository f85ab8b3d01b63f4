import { it } from 'vitest';
import { uniqueProjectId } from '../../test-support/events.js';
import type { Store } from '../store.js';

/** Opens the SAME database each time (tests use their own project ids; some close and reopen). */
export type OpenStore = () => Promise<Store>;

/** `it` with a freshly opened store and a project id no other test uses; the store is closed after. */
export function storeTest(open: OpenStore) {
  return (title: string, body: (store: Store, projectId: string) => Promise<void>, timeoutMs?: number) =>
    it(
      title,
      async () => {
        const store = await open();
        try {
          await body(store, uniqueProjectId());
        } finally {
          await store.close();
        }
      },
      timeoutMs,
    );
}
