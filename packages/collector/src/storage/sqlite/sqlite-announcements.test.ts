import { ANNOUNCEMENT_EVENTS, PROMPT_EVENTS } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { record } from '../../domain/announcements/test-fixtures.js';
import { testAnnouncementStore } from '../announcements/test-store.js';

function open() {
  const { store, track } = testAnnouncementStore();
  return { store, track: (name: string, user: { userId?: string; anonymousId?: string }, properties: object) => track('p', name, user, properties) };
}

describe('sqlite announcement store', () => {
  it('creates, lists newest first, replaces with optimistic concurrency and removes', async () => {
    const { store } = open();
    const older = record('older', 5);
    const newer = record('newer', 1);
    const draft = record('draft', 0, { status: 'draft', publishAt: undefined });
    for (const r of [older, draft, newer]) expect(await store.create('p', r.announcement, r.texts, 10)).toMatchObject({ version: 1 });
    expect(await store.create('p', older.announcement, older.texts, 11)).toBeNull();
    expect((await store.list('p')).map((r) => r.announcement.id)).toEqual(['newer', 'older', 'draft']);
    expect(await store.list('other')).toEqual([]);
    const changed = { ...older.announcement, boosted: true };
    expect(await store.replace('p', changed, older.texts, 1, 20)).toMatchObject({ version: 2, announcement: { boosted: true }, updatedAt: new Date(20).toISOString() });
    expect(await store.replace('p', changed, older.texts, 1, 21)).toBeNull();
    expect((await store.get('p', 'older'))?.texts).toEqual(older.texts);
    expect(await store.remove('p', 'older')).toBe(true);
    expect(await store.remove('p', 'older')).toBe(false);
  });

  it('reads a subject\'s announcement events only, and identified users\' events for KPIs', async () => {
    const { store, track } = open();
    track(ANNOUNCEMENT_EVENTS.read, { userId: 'u1' }, { announcementId: 'a' });
    track(PROMPT_EVENTS.shown, { userId: 'u1' }, { promptId: 'a', kind: 'announcement' });
    track('project_created', { userId: 'u1' }, {});
    track(ANNOUNCEMENT_EVENTS.read, { userId: 'u2' }, { announcementId: 'b' });
    track(ANNOUNCEMENT_EVENTS.read, { anonymousId: 'v1' }, { announcementId: 'c' });
    const mine = await store.activity('p', { userId: 'u1' });
    expect(mine.map((e) => e.name).sort()).toEqual([ANNOUNCEMENT_EVENTS.read, PROMPT_EVENTS.shown].sort());
    expect((await store.activity('p', { anonymousId: 'v1' })).map((e) => e.properties)).toEqual([{ announcementId: 'c' }]);
    const kpi = await store.kpiEvents('p', [ANNOUNCEMENT_EVENTS.read], new Date(2_000));
    expect(kpi.map((e) => e.userId).sort()).toEqual(['u1', 'u2']);
    expect(await store.kpiEvents('p', [ANNOUNCEMENT_EVENTS.read], new Date(1_000))).toEqual([]);
  });
});
