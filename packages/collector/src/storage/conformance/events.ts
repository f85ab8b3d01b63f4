import { describe, expect, it } from 'vitest';
import { T0, newEvent, uniqueProjectId } from '../../test-support/events.js';
import { storeTest, type OpenStore } from './harness.js';

/** Events, identity links, traits and durability: exactly-once ingest. */
export function eventsConformance(open: OpenStore): void {
  const withStore = storeTest(open);

  describe('events', () => {
    withStore('stores new events and reads them back with every field', async (store, projectId) => {
      const event = newEvent({ projectId, verified: true, userId: 'u1', accountId: 'acme', properties: { n: 1, nested: { ok: true } } });
      expect(await store.writeEvents([event])).toEqual({ accepted: 1, duplicates: 0, conflicts: 0 });
      const [stored] = await store.listEvents(projectId);
      expect(stored).toEqual({
        messageId: event.messageId,
        type: 'track',
        name: 'project_created',
        userId: 'u1',
        anonymousId: 'anon-1',
        timestamp: new Date(T0).toISOString(),
        receivedAt: new Date(T0 + 1_000).toISOString(),
        verified: true,
        properties: { n: 1, nested: { ok: true } },
        traits: null,
        context: { path: '/projects' },
        accountId: 'acme',
      });
    });

    withStore('stores a repeated messageId once and never overwrites it', async (store, projectId) => {
      const first = newEvent({ projectId });
      await store.writeEvents([first]);
      const retry = { ...first, receivedAt: first.receivedAt + 60_000, timestamp: first.timestamp + 5 };
      expect(await store.writeEvents([retry])).toEqual({ accepted: 0, duplicates: 1, conflicts: 0 });
      const events = await store.listEvents(projectId);
      expect(events).toHaveLength(1);
      expect(events[0]!.receivedAt).toBe(new Date(first.receivedAt).toISOString());
    });

    withStore('counts a repeated messageId with another payload as a conflict and keeps the first', async (store, projectId) => {
      const first = newEvent({ projectId });
      await store.writeEvents([first]);
      const other = { ...first, name: 'hijacked', properties: { evil: true }, payloadHash: 'hash-b' };
      expect(await store.writeEvents([other])).toEqual({ accepted: 0, duplicates: 0, conflicts: 1 });
      const [stored] = await store.listEvents(projectId);
      expect(stored).toMatchObject({ name: 'project_created', properties: { plan: 'pro' } });
    });

    withStore('counts repeats inside one write', async (store, projectId) => {
      const event = newEvent({ projectId });
      const result = await store.writeEvents([event, event, { ...event, payloadHash: 'hash-b' }]);
      expect(result).toEqual({ accepted: 1, duplicates: 1, conflicts: 1 });
      expect(await store.listEvents(projectId)).toHaveLength(1);
    });

    withStore('stores the first of two contents sent under one messageId in one write', async (store, projectId) => {
      for (const order of [
        [1, 2],
        [2, 1],
      ]) {
        const base = newEvent({ projectId, anonymousId: `copies-${order.join('-')}` });
        const copies = order.map((v) => ({ ...base, properties: { v }, payloadHash: `hash-${v}` }));
        expect(await store.writeEvents(copies)).toEqual({ accepted: 1, duplicates: 0, conflicts: 1 });
        const [stored] = await store.listEvents(projectId, { anonymousId: base.anonymousId });
        expect(stored?.properties).toEqual({ v: order[0] });
        await expect(store.writeEvents([copies[0]!])).resolves.toEqual({ accepted: 0, duplicates: 1, conflicts: 0 });
      }
    });

    withStore('gives each of many concurrent writes its own counts', async (store, projectId) => {
      const shared = newEvent({ projectId, anonymousId: 'shared' });
      const writes = Array.from({ length: 20 }, (_, i) => [
        shared,
        newEvent({ projectId, anonymousId: `a${i}` }),
        newEvent({ projectId, anonymousId: `b${i}` }),
      ]);
      const results = await Promise.all(writes.map((events) => store.writeEvents(events)));
      expect(results.map((r) => r.accepted + r.duplicates + r.conflicts)).toEqual(writes.map(() => 3));
      expect(results.reduce((sum, r) => sum + r.accepted, 0)).toBe(41);
      expect(results.filter((r) => r.duplicates === 1)).toHaveLength(19);
      expect(await store.listEvents(projectId)).toHaveLength(41);
      expect(store.pendingEvents()).toBe(0);
    });

    withStore('a write the store cannot take fails alone: the other writes of its group commit are stored', async (store, projectId) => {
      // A value no JSON column can hold stands for any row the database refuses mid-transaction.
      const poison = newEvent({ projectId, anonymousId: 'poison', properties: { n: 1n as unknown as number } });
      const writes = Array.from({ length: 12 }, (_, i) => [
        newEvent({ projectId, anonymousId: `a${i}` }),
        newEvent({ projectId, anonymousId: `b${i}` }),
      ]);
      writes.splice(5, 0, [newEvent({ projectId, anonymousId: 'with-poison' }), poison]);
      const results = await Promise.allSettled(writes.map((events) => store.writeEvents(events)));
      expect(results.map((r) => r.status)).toEqual(writes.map((_, i) => (i === 5 ? 'rejected' : 'fulfilled')));
      const stored = await store.listEvents(projectId);
      expect(stored.map((e) => e.anonymousId).sort()).toEqual(
        writes
          .flat()
          .map((e) => e.anonymousId)
          .filter((id) => id !== 'poison' && id !== 'with-poison')
          .sort(),
      );
      expect(store.pendingEvents()).toBe(0);
    });

    withStore('keeps projects apart', async (store, projectId) => {
      const otherProject = uniqueProjectId();
      const event = newEvent({ projectId });
      await store.writeEvents([event]);
      expect(await store.writeEvents([{ ...event, projectId: otherProject }])).toMatchObject({ accepted: 1 });
      expect(await store.listEvents(projectId)).toHaveLength(1);
      expect(await store.listEvents(otherProject)).toHaveLength(1);
    });

    withStore(
      'links an anonymous id to the user: what it did before the first link is attributed, what arrives anonymously after stays anonymous',
      async (store, projectId) => {
        const before = newEvent({ projectId, anonymousId: 'anon-x', timestamp: T0 - 60_000 });
        await store.writeEvents([before]);
        const identify = newEvent({
          projectId,
          anonymousId: 'anon-x',
          type: 'identify',
          name: null,
          userId: 'u42',
          traits: { plan: 'pro' },
          timestamp: T0,
        });
        await store.writeEvents([identify]);
        // Anyone who learnt the anonymous id could send these: they are not the user's without a token.
        const after = newEvent({ projectId, anonymousId: 'anon-x', timestamp: T0 + 60_000 });
        const stranger = newEvent({ projectId, anonymousId: 'anon-y' });
        await store.writeEvents([after, stranger]);
        // Identifying again (every page load does) merges nothing more.
        await store.writeEvents([newEvent({ ...identify, messageId: `${identify.messageId}-again`, timestamp: T0 + 120_000 })]);

        const mine = await store.listEvents(projectId, { userId: 'u42' });
        expect(mine.map((e) => e.messageId)).toEqual([before.messageId, identify.messageId, `${identify.messageId}-again`]);
        expect(await store.getUser(projectId, 'u42')).toEqual({
          userId: 'u42',
          traits: { plan: 'pro' },
          firstSeen: new Date(T0 - 60_000).toISOString(),
          lastSeen: new Date(T0 + 120_000).toISOString(),
          anonymousIds: ['anon-x'],
        });
        expect(
          (await store.listEvents(projectId, { anonymousId: 'anon-x' })).find((e) => e.messageId === after.messageId)?.userId,
        ).toBeNull();
        expect((await store.listEvents(projectId, { anonymousId: 'anon-y' }))[0]!.userId).toBeNull();
      },
    );

    withStore('links anonymous events that precede identify in the same write', async (store, projectId) => {
      const track = newEvent({ projectId, anonymousId: 'anon-z', timestamp: T0 });
      const identify = newEvent({ projectId, anonymousId: 'anon-z', type: 'identify', name: null, userId: 'u7', timestamp: T0 + 1 });
      await store.writeEvents([track, identify]);
      expect((await store.listEvents(projectId, { userId: 'u7' })).map((e) => e.messageId)).toEqual([track.messageId, identify.messageId]);
    });

    withStore('keeps the latest traits, merged, even when an older identify arrives late', async (store, projectId) => {
      const identify = (timestamp: number, traits: Record<string, string>) =>
        newEvent({ projectId, type: 'identify', name: null, userId: 'u1', traits, timestamp });
      await store.writeEvents([identify(T0, { plan: 'free', name: 'Ada' })]);
      await store.writeEvents([identify(T0 + 2_000, { plan: 'pro' })]);
      await store.writeEvents([identify(T0 + 1_000, { plan: 'team', name: 'Old' })]);
      const user = await store.getUser(projectId, 'u1');
      expect(user?.traits).toEqual({ plan: 'pro', name: 'Ada' });
      expect(user?.firstSeen).toBe(new Date(T0).toISOString());
      expect(user?.lastSeen).toBe(new Date(T0 + 2_000).toISOString());
    });

    withStore('answers null for an unknown user and filters events by anonymous id in time order', async (store, projectId) => {
      expect(await store.getUser(projectId, 'nobody')).toBeNull();
      const late = newEvent({ projectId, anonymousId: 'a', timestamp: T0 + 10 });
      const early = newEvent({ projectId, anonymousId: 'a', timestamp: T0 });
      await store.writeEvents([late, early, newEvent({ projectId, anonymousId: 'b' })]);
      expect((await store.listEvents(projectId, { anonymousId: 'a' })).map((e) => e.messageId)).toEqual([early.messageId, late.messageId]);
    });

    it('keeps committed events across close and reopen, and close waits for pending writes', async () => {
      const projectId = uniqueProjectId();
      const store = await open();
      const pending = store.writeEvents([newEvent({ projectId }), newEvent({ projectId })]);
      await store.close();
      expect(await pending).toEqual({ accepted: 2, duplicates: 0, conflicts: 0 });
      const reopened = await open();
      try {
        expect(await reopened.listEvents(projectId)).toHaveLength(2);
      } finally {
        await reopened.close();
      }
    });
  });
}
