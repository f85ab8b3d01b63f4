import { describe, expect } from 'vitest';
import { DAY_MS } from '../../domain/time.js';
import { newEvent } from '../../test-support/events.js';
import type { Store } from '../store.js';
import { storeTest, type OpenStore } from './harness.js';

const DAY0 = Date.parse('2026-05-04T00:00:00.000Z');
const at = (day: number) => DAY0 + day * DAY_MS + 9 * 3_600_000;

/** Ten days of a user's named events and page views and a visitor's page views. */
function tenDays(projectId: string) {
  return Array.from({ length: 10 }, (_, day) => [
    newEvent({ projectId, userId: 'u1', anonymousId: 'a1', name: day % 2 ? 'Report Exported' : 'Board Viewed', timestamp: at(day) }),
    newEvent({ projectId, userId: 'u1', anonymousId: 'a1', type: 'page', name: null, timestamp: at(day) + 1 }),
    newEvent({ projectId, userId: null, anonymousId: `visitor-${day % 3}`, type: 'page', name: null, timestamp: at(day) + 2 }),
  ]).flat();
}

/**
 * The activity KPIs over whole UTC days, which the rollup alone answers; retention's windows
 * (days 2 + 1 ms → 5 and 7 + 1 ms → 10) read the whole days inside them from the activity blocks.
 */
async function activity(store: Store, projectId: string) {
  const query = { from: new Date(DAY0), to: new Date(DAY0 + 10 * DAY_MS) };
  await store.kpi.refreshRollups();
  return {
    active: await store.kpi.activeUserCounts(projectId, query),
    usage: await store.kpi.engagementCounts(projectId, { ...query, event: 'Report Exported' }),
    retention: await store.kpi.retentionCounts(projectId, {
      from: new Date(DAY0 + 5 * DAY_MS),
      to: new Date(DAY0 + 10 * DAY_MS),
      inactivityMs: 3 * DAY_MS,
    }),
  };
}

/** Raw events past a retention period leave in bounded chunks; the rollups keep their history. */
export function expiryConformance(open: OpenStore): void {
  const withStore = storeTest(open);

  describe('event expiry', () => {
    withStore('deletes events before the cut-off in chunks of at most the limit, and only the project’s', async (store, projectId) => {
      const other = `${projectId}-other`;
      await store.writeEvents([...tenDays(projectId), ...tenDays(other)]);
      const cutOff = new Date(DAY0 + 6 * DAY_MS);
      const chunks: number[] = [];
      for (let deleted = 4; deleted === 4;) chunks.push((deleted = await store.expiry.expireEvents(projectId, cutOff, 4)));
      // 6 days × 3 events, 4 at a time: 4, 4, 4, 4, 2.
      expect(chunks).toEqual([4, 4, 4, 4, 2]);
      const left = await store.listEvents(projectId);
      expect(left).toHaveLength(12);
      expect(left.every((e) => new Date(e.timestamp).getTime() >= cutOff.getTime())).toBe(true);
      expect(await store.listEvents(other)).toHaveLength(30);
      expect(await store.expiry.expireEvents(projectId, cutOff, 4)).toBe(0);
    });

    withStore('keeps the KPI rollups of expired events, while an erasure still rebuilds them', async (store, projectId) => {
      await store.writeEvents(tenDays(projectId));
      const before = await activity(store, projectId);
      expect(before.usage).toMatchObject({ activeUsers: 4, events: 30, adopters: 1 });
      while ((await store.expiry.expireEvents(projectId, new Date(DAY0 + 8 * DAY_MS), 5)) === 5);
      expect(await store.listEvents(projectId)).toHaveLength(6);
      expect(await activity(store, projectId)).toEqual(before);
      // A deletion that is not an expiry still makes the rollup forget what it removed.
      await store.users.erase(projectId, 'u1');
      expect((await activity(store, projectId)).usage).toMatchObject({ activeUsers: 3 });
    });
  });
}
