import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T0, newEvent, uniqueProjectId } from '../../test-support/events.js';
import { scratchDatabase } from '../../test-support/postgres-database.js';
import { openPostgresStore } from './postgres-store.js';

const scratch = scratchDatabase();
beforeAll(scratch.create);
afterAll(scratch.drop);

/** Resolves once some session of the database waits for a lock another one holds. */
async function someoneWaits(client: pg.Client): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const { rows } = await client.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no session started waiting for the held row');
}

describe('postgres write groups', () => {
  it('a request for a user is not held up by a large write group still inserting that user’s events', async () => {
    const store = await openPostgresStore(scratch.url);
    const blocker = new pg.Client({ connectionString: scratch.url });
    await blocker.connect();
    try {
      const projectId = uniqueProjectId();
      const device = { anonymousId: 'device-1', userId: 'ada' };
      // Another session holds a row the large group must insert: its INSERT waits, as it would
      // behind a slow disk or a busy CPU, for as long as the test decides.
      await blocker.query('BEGIN');
      await blocker.query(
        `INSERT INTO events (project_id, message_id, type, anonymous_id, timestamp, received_at, verified, properties, payload_hash)
         VALUES ($1, 'held', 'track', 'elsewhere', now(), now(), false, '{}', 'x')`,
        [projectId],
      );
      // Ten full requests (500 events each, the batch limit) queued at once: the person's identify
      // and the held row among them, the rest from visitors.
      const requests = Array.from({ length: 10 }, (_, r) =>
        Array.from({ length: 500 }, (_, i) =>
          r === 0 && i === 0
            ? newEvent({ projectId, ...device, type: 'identify', timestamp: T0 })
            : newEvent({ projectId, anonymousId: `visitor-${r}-${i}`, ...(r === 0 && i === 1 ? { messageId: 'held' } : {}) }),
        ),
      );
      const finished: string[] = [];
      const large = Promise.all(requests.map((events) => store.writeEvents(events))).then((results) => {
        finished.push('large');
        return results;
      });
      await someoneWaits(blocker);

      // The same person's next page load identifies again, while the group is stuck inserting.
      const single = await store.writeEvents([newEvent({ projectId, ...device, type: 'identify', timestamp: T0 + 60_000 })]);
      finished.push('single');
      await blocker.query('ROLLBACK');

      expect(single).toEqual({ accepted: 1, duplicates: 0, conflicts: 0 });
      const results = await large;
      expect(results.reduce((sum, r) => sum + r.accepted, 0)).toBe(5_000);
      expect(finished).toEqual(['single', 'large']);
      const user = await store.getUser(projectId, device.userId);
      expect(user?.anonymousIds).toEqual([device.anonymousId]);
      expect(user?.lastSeen).toBe(new Date(T0 + 60_000).toISOString());
    } finally {
      await blocker.end();
      await store.close();
    }
  }, 60_000);
});
