import { describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.js';
import { newEvent } from '../test-support/events.js';
import { createIngest } from './ingest.js';

describe('ingest', () => {
  it('runs the after-commit steps in order on committed events, and logs a failing step by name without failing the rest', async () => {
    const store = openSqliteStore(':memory:');
    const seen: string[] = [];
    const log = vi.fn();
    const ingest = createIngest({
      store,
      log,
      afterCommit: [
        { name: 'broken', run: () => Promise.reject(new Error('boom')) },
        {
          name: 'counts',
          run: async (events) => {
            // Committed already: the step reads what the batch wrote.
            seen.push(`${(await store.listEvents('acme')).length} of ${events.length}`);
          },
        },
      ],
    });
    const events = [newEvent({ projectId: 'acme' }), newEvent({ projectId: 'acme' })];
    expect(await ingest.commit(events)).toEqual({ accepted: 2, duplicates: 0, conflicts: 0 });
    await ingest.afterCommit(events);
    expect(seen).toEqual(['2 of 2']);
    expect(log).toHaveBeenCalledWith('hearth-collector: after-commit step "broken" failed', expect.objectContaining({ message: 'boom' }));
    await store.close();
  });
});
