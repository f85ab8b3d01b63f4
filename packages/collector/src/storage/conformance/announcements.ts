import { ANNOUNCEMENT_EVENTS, PROMPT_EVENTS, type JsonValue } from '@hearth/schema';
import { describe, expect } from 'vitest';
import { record } from '../../domain/announcements/test-fixtures.js';
import { T0, newEvent } from '../../test-support/events.js';
import type { Store } from '../store.js';
import { storeTest, type OpenStore } from './harness.js';

type Who = { userId?: string; anonymousId?: string };

/** Announcements: configuration with optimistic concurrency, and the events state and KPIs read. */
export function announcementsConformance(open: OpenStore): void {
  const withStore = storeTest(open);
  const track = (store: Store, projectId: string, name: string, who: Who, properties: Record<string, JsonValue>, at = T0) =>
    store.writeEvents([
      newEvent({
        projectId,
        name,
        userId: who.userId ?? null,
        anonymousId: who.anonymousId ?? `a-${who.userId}`,
        properties,
        timestamp: at,
        receivedAt: at,
      }),
    ]);

  describe('announcements', () => {
    withStore('creates, lists newest first, replaces with optimistic concurrency and removes', async (store, projectId) => {
      const { announcements } = store;
      const older = record('older', 5);
      const newer = record('newer', 1);
      const draft = record('draft', 0, { status: 'draft', publishAt: undefined });
      for (const r of [older, draft, newer])
        expect(await announcements.create(projectId, r.announcement, r.texts, 10)).toMatchObject({ version: 1 });
      expect(await announcements.create(projectId, older.announcement, older.texts, 11)).toBeNull();
      expect((await announcements.list(projectId)).map((r) => r.announcement.id)).toEqual(['newer', 'older', 'draft']);
      expect(await announcements.list(`${projectId}-other`)).toEqual([]);
      const changed = { ...older.announcement, boosted: true };
      expect(await announcements.replace(projectId, changed, older.texts, 1, 20)).toMatchObject({
        version: 2,
        announcement: { boosted: true },
        updatedAt: new Date(20).toISOString(),
      });
      expect(await announcements.replace(projectId, changed, older.texts, 1, 21)).toBeNull();
      expect((await announcements.get(projectId, 'older'))?.texts).toEqual(older.texts);
      expect(await announcements.remove(projectId, 'older')).toBe(true);
      expect(await announcements.remove(projectId, 'older')).toBe(false);
      expect(await announcements.get(projectId, 'older')).toBeNull();
    });

    withStore("reads a subject's announcement events only, and identified users' events for KPIs", async (store, projectId) => {
      await track(store, projectId, ANNOUNCEMENT_EVENTS.read, { userId: 'u1' }, { announcementId: 'a' });
      await track(store, projectId, PROMPT_EVENTS.shown, { userId: 'u1' }, { promptId: 'a', kind: 'announcement' });
      await track(store, projectId, 'project_created', { userId: 'u1' }, {});
      await track(store, projectId, ANNOUNCEMENT_EVENTS.read, { userId: 'u2' }, { announcementId: 'b' }, T0 + 1);
      await track(store, projectId, ANNOUNCEMENT_EVENTS.read, { anonymousId: 'v1' }, { announcementId: 'c' });
      const mine = await store.announcements.activity(projectId, { userId: 'u1' });
      expect(mine.map((e) => e.name).sort()).toEqual([ANNOUNCEMENT_EVENTS.read, PROMPT_EVENTS.shown].sort());
      expect(mine.every((e) => e.at.getTime() === T0)).toBe(true);
      expect((await store.announcements.activity(projectId, { anonymousId: 'v1' })).map((e) => e.properties)).toEqual([
        { announcementId: 'c' },
      ]);
      const kpi = await store.announcements.kpiEvents(projectId, [ANNOUNCEMENT_EVENTS.read], new Date(T0 + 2));
      expect(kpi.map((e) => [e.userId, e.at]).sort()).toEqual([
        ['u1', T0],
        ['u2', T0 + 1],
      ]);
      // `to` is exclusive.
      expect((await store.announcements.kpiEvents(projectId, [ANNOUNCEMENT_EVENTS.read], new Date(T0 + 1))).map((e) => e.userId)).toEqual([
        'u1',
      ]);
      expect(await store.announcements.kpiEvents(projectId, [], new Date(T0 + 2))).toEqual([]);
      // A segment keeps its users' events only.
      const onlyU2 = { kind: 'users', ids: ['u2'], negate: false } as const;
      expect(
        (await store.announcements.kpiEvents(projectId, [ANNOUNCEMENT_EVENTS.read], new Date(T0 + 2), onlyU2)).map((e) => e.userId),
      ).toEqual(['u2']);
    });

    withStore("reads one announcement's events by id, and each user's first feature event, for its KPIs", async (store, projectId) => {
      const { announcements } = store;
      const to = new Date(T0 + 10);
      await track(store, projectId, ANNOUNCEMENT_EVENTS.read, { userId: 'u1' }, { announcementId: 'a' });
      await track(store, projectId, ANNOUNCEMENT_EVENTS.ctaClicked, { userId: 'u1' }, { announcementId: 'a' }, T0 + 1);
      await track(store, projectId, ANNOUNCEMENT_EVENTS.reacted, { userId: 'u1' }, { announcementId: 'a', reaction: 'up' }, T0 + 2);
      await track(store, projectId, PROMPT_EVENTS.shown, { userId: 'u2' }, { promptId: 'a', kind: 'announcement' }, T0 + 3);
      await track(store, projectId, ANNOUNCEMENT_EVENTS.digestShown, { userId: 'u3' }, { announcementIds: ['b', 'a'] }, T0 + 4);
      // Not about "a": another announcement, a non-announcement prompt, a numeric id, ids not in an
      // array, a visitor nobody claimed, and anything at or after `to`.
      await track(store, projectId, ANNOUNCEMENT_EVENTS.read, { userId: 'u1' }, { announcementId: 'b' });
      await track(store, projectId, PROMPT_EVENTS.shown, { userId: 'u3' }, { promptId: 'a', kind: 'checklist' });
      await track(store, projectId, ANNOUNCEMENT_EVENTS.read, { userId: 'u4' }, { announcementId: 7 });
      await track(store, projectId, ANNOUNCEMENT_EVENTS.digestShown, { userId: 'u4' }, { announcementIds: { a: 'a' } });
      await track(store, projectId, ANNOUNCEMENT_EVENTS.digestShown, { userId: 'u4' }, { announcementIds: 'a' });
      await track(store, projectId, ANNOUNCEMENT_EVENTS.read, { anonymousId: 'v1' }, { announcementId: 'a' });
      await track(store, projectId, ANNOUNCEMENT_EVENTS.read, { userId: 'u4' }, { announcementId: 'a' }, T0 + 10);
      const own = await announcements.kpiAnnouncementEvents(projectId, 'a', to);
      expect(own.map((e) => [e.userId, e.name, e.at]).sort()).toEqual([
        ['u1', ANNOUNCEMENT_EVENTS.ctaClicked, T0 + 1],
        ['u1', ANNOUNCEMENT_EVENTS.reacted, T0 + 2],
        ['u1', ANNOUNCEMENT_EVENTS.read, T0],
        ['u2', PROMPT_EVENTS.shown, T0 + 3],
        ['u3', ANNOUNCEMENT_EVENTS.digestShown, T0 + 4],
      ]);
      expect(own.find((e) => e.name === ANNOUNCEMENT_EVENTS.reacted)?.properties).toEqual({ announcementId: 'a', reaction: 'up' });
      // A segment keeps its users' events only, the digests' branch too.
      const segment = { kind: 'users', ids: ['u1', 'u3'], negate: true } as const;
      expect((await announcements.kpiAnnouncementEvents(projectId, 'a', to, segment)).map((e) => [e.userId, e.name])).toEqual([
        ['u2', PROMPT_EVENTS.shown],
      ]);
      const digests = { kind: 'users', ids: ['u3'], negate: false } as const;
      expect((await announcements.kpiAnnouncementEvents(projectId, 'a', to, digests)).map((e) => [e.userId, e.name])).toEqual([
        ['u3', ANNOUNCEMENT_EVENTS.digestShown],
      ]);
      expect((await announcements.kpiAnnouncementEvents(projectId, '7', to)).map((e) => e.userId)).toEqual([]);

      await track(store, projectId, 'report_exported', { userId: 'u1' }, {}, T0 + 5);
      await track(store, projectId, 'report_exported', { userId: 'u1' }, {}, T0 + 2);
      await track(store, projectId, 'report_exported', { userId: 'u2' }, {}, T0 + 10);
      await track(store, projectId, 'report_exported', { anonymousId: 'v1' }, {}, T0 + 1);
      const first = async (featureEvent?: string) =>
        Object.fromEntries((await announcements.kpiUsers(projectId, to, featureEvent)).map((u) => [u.userId, u.featureFirstAt]));
      expect(await first('report_exported')).toEqual({ u1: T0 + 2, u2: null, u3: null, u4: null });
      expect(await first()).toEqual({ u1: null, u2: null, u3: null, u4: null });
    });

    withStore("attributes a visitor's reads to the user their anonymous id is linked to", async (store, projectId) => {
      await track(store, projectId, ANNOUNCEMENT_EVENTS.read, { anonymousId: 'before-sign-in' }, { announcementId: 'a' });
      await store.writeEvents([
        newEvent({ projectId, type: 'identify', name: null, userId: 'u1', anonymousId: 'before-sign-in', traits: {}, timestamp: T0 + 1 }),
      ]);
      expect((await store.announcements.activity(projectId, { userId: 'u1' })).map((e) => e.properties)).toEqual([{ announcementId: 'a' }]);
      expect(await store.announcements.activity(projectId, { anonymousId: 'before-sign-in' })).toEqual([]);
      const users = await store.announcements.kpiUsers(projectId, new Date(T0 + 2));
      expect(users.map((u) => u.userId)).toEqual(['u1']);
    });
  });
}
