import { ANNOUNCEMENT_EVENTS, PROMPT_EVENTS } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { facts } from '../test-helpers.js';
import { foldActivity } from './activity.js';
import { announcementPage, buildAnnouncementsState, type AnnouncementStateContext } from './build-state.js';
import { EMPTY_ACTIVITY, NOW, daysAgo, record } from './test-fixtures.js';

const ctx = (overrides: Partial<AnnouncementStateContext> = {}): AnnouncementStateContext => ({
  facts: facts({ lastSeen: daysAgo(1) }),
  identified: true,
  activity: EMPTY_ACTIVITY,
  now: NOW,
  inactivityDays: 30,
  fatigueRemaining: 1,
  ...overrides,
});

describe('buildAnnouncementsState', () => {
  it('lists only published, unexpired announcements the user may see, newest first, with unread flags', () => {
    const records = [
      record('old', 10),
      record('new', 1),
      record('future', -1),
      record('draft', 2, { status: 'draft' }),
      record('expired', 5, { expiresAt: daysAgo(1).toISOString() }),
      record('pro-only', 3, { audience: { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' } }),
      record('archived', 2, { status: 'archived' }),
    ];
    const activity = foldActivity([{ name: ANNOUNCEMENT_EVENTS.read, at: NOW, properties: { announcementId: 'old' } }]);
    const state = buildAnnouncementsState(records, ctx({ activity }));
    expect(state.items.map((i) => [i.id, i.read])).toEqual([
      ['new', false],
      ['old', true],
    ]);
    expect(state.unread).toBe(1);
    const pro = buildAnnouncementsState(records, ctx({ facts: facts({ traits: { plan: 'pro' } }), activity }));
    expect(pro.items.map((i) => i.id)).toEqual(['new', 'pro-only', 'old']);
  });

  it('pages newest first without overlap, including announcements published at the same instant', () => {
    const records = ['a', 'b', 'c', 'd', 'e'].map((id, i) => record(id, i < 2 ? 1 : i));
    const first = announcementPage(records, ctx({ pageSize: 2 }));
    const second = announcementPage(records, ctx({ pageSize: 2 }), first.nextCursor);
    const third = announcementPage(records, ctx({ pageSize: 2 }), second.nextCursor);
    expect([first, second, third].map((p) => p.items.map((i) => i.id))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(third.nextCursor).toBeUndefined();
  });

  it('picks the translation for the user locale, falling back to the default', () => {
    const r = record('dark', 1, { translations: { ar: { title: 'الوضع الداكن' } } });
    expect(buildAnnouncementsState([r], ctx({ facts: facts({ locale: 'ar-SA' }) })).items[0]).toMatchObject({
      title: 'الوضع الداكن',
      locale: 'ar',
    });
    expect(buildAnnouncementsState([r], ctx({ facts: facts({ locale: 'nb' }) })).items[0]).toMatchObject({
      title: 'Title dark',
      locale: 'en',
    });
  });

  it('offers the newest unseen boosted announcement once, within the fatigue budget', () => {
    const records = [
      record('boost-old', 3, { boosted: true }),
      record('boost-new', 1, { boosted: true, boostStyle: 'modal' }),
      record('plain', 0.5),
    ];
    expect(buildAnnouncementsState(records, ctx()).boosted).toMatchObject({ style: 'modal', item: { id: 'boost-new' } });
    const shown = foldActivity([{ name: PROMPT_EVENTS.shown, at: NOW, properties: { promptId: 'boost-new', kind: 'announcement' } }]);
    expect(buildAnnouncementsState(records, ctx({ activity: shown })).boosted?.item.id).toBe('boost-old');
    expect(buildAnnouncementsState(records, ctx({ fatigueRemaining: 0 })).boosted).toBeUndefined();
  });

  it('builds the digest for a user back after ≥ inactivityDays, once, with exactly the announcements since', () => {
    const records = [
      record('before', 45),
      record('since-1', 20),
      record('since-2', 2),
      record('not-in-digest', 3, { digest: { include: false } }),
    ];
    const away = facts({ lastSeen: daysAgo(40) });
    const state = buildAnnouncementsState(records, ctx({ facts: away }));
    expect(state.digest).toEqual({
      since: daysAgo(40).toISOString(),
      entries: [
        { id: 'since-2', title: 'Title since-2', category: 'new', publishedAt: daysAgo(2).toISOString() },
        { id: 'since-1', title: 'Title since-1', category: 'new', publishedAt: daysAgo(20).toISOString() },
      ],
    });
    const shown = foldActivity([
      { name: ANNOUNCEMENT_EVENTS.digestShown, at: daysAgo(0.01), properties: { announcementIds: ['since-2', 'since-1'] } },
    ]);
    expect(buildAnnouncementsState(records, ctx({ facts: away, activity: shown })).digest).toBeUndefined();
    expect(buildAnnouncementsState(records, ctx({ facts: facts({ lastSeen: daysAgo(29) }) })).digest).toBeUndefined();
    expect(buildAnnouncementsState(records, ctx({ facts: facts({ lastSeen: daysAgo(40) }), inactivityDays: 60 })).digest).toBeUndefined();
  });

  it('gives lapsed trial users and long-time users different digests through digest audiences', () => {
    const trial = { type: 'lifecycle' as const, measure: 'daysSinceFirstSeen' as const, op: 'lte' as const, days: 60 };
    const records = [
      record('getting-started', 5, { digest: { include: true, audience: trial } }),
      record('power-feature', 6, { digest: { include: true, audience: { type: 'not', rule: trial } } }),
    ];
    const digestOf = (firstSeenDays: number) =>
      buildAnnouncementsState(
        records,
        ctx({ facts: facts({ firstSeen: daysAgo(firstSeenDays), lastSeen: daysAgo(35) }) }),
      ).digest?.entries.map((e) => e.id);
    expect(digestOf(50)).toEqual(['getting-started']);
    expect(digestOf(400)).toEqual(['power-feature']);
  });

  it('shows a digest instead of a boost, never both', () => {
    const records = [record('boosted', 2, { boosted: true })];
    const state = buildAnnouncementsState(records, ctx({ facts: facts({ lastSeen: daysAgo(40) }) }));
    expect(state.digest?.entries.map((e) => e.id)).toEqual(['boosted']);
    expect(state.boosted).toBeUndefined();
  });
});
