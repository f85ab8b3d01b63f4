import { ANNOUNCEMENT_EVENTS, userStateSchema, type AnnouncementsState } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../domain/time.js';
import { NOW, ORIGIN, PUBLIC_KEY, userToken } from '../../test-support/http.js';
import { admin, checklistInput, getState, identify, promptApp, track } from '../../test-support/prompts.js';

type App = Awaited<ReturnType<typeof promptApp>>['app'];

async function announcementsOf(app: App, userId: string): Promise<AnnouncementsState | undefined> {
  const res = await getState(app, { anonymousId: `anon-${userId}`, userId });
  expect(res.status).toBe(200);
  return userStateSchema.parse(await res.json()).announcements;
}

async function publish(app: App, id: string, extra: Record<string, unknown> = {}, at = new Date(NOW - DAY_MS).toISOString()) {
  const created = await admin(app, 'POST', '/v1/admin/announcements', {
    body: { id, content: { title: `News ${id}`, body: 'Hello **there**' }, ...extra },
  });
  expect(created.status, await created.clone().text()).toBe(201);
  expect((await admin(app, 'POST', `/v1/admin/announcements/${id}/publish`, { body: { at } })).status).toBe(200);
}

describe('GET /v1/state: announcements', () => {
  it('is absent while the project has no announcements', async () => {
    const { app } = await promptApp([checklistInput('everyone')]);
    await identify(app, 'ada');
    const res = await getState(app, { anonymousId: 'anon-ada', userId: 'ada' });
    expect(Object.keys((await res.json()) as object)).toEqual(['prompts']);
  });

  it("serves published announcements with the unread count the user's read events leave", async () => {
    const { app } = await promptApp([]);
    await identify(app, 'ada', { plan: 'pro' });
    await identify(app, 'max', { plan: 'free' });
    await publish(app, 'older', {}, new Date(NOW - 2 * DAY_MS).toISOString());
    await publish(app, 'pro-only', { audience: { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' } });
    await admin(app, 'POST', '/v1/admin/announcements', { body: { id: 'draft', content: { title: 'Not yet' } } });

    const ada = await announcementsOf(app, 'ada');
    expect(ada?.items.map((i) => [i.id, i.read])).toEqual([
      ['pro-only', false],
      ['older', false],
    ]);
    expect(ada?.unread).toBe(2);
    expect((await announcementsOf(app, 'max'))?.items.map((i) => i.id)).toEqual(['older']);

    await track(app, 'ada', ANNOUNCEMENT_EVENTS.read, { properties: { announcementId: 'pro-only' } });
    const after = await announcementsOf(app, 'ada');
    expect(after?.unread).toBe(1);
    expect(after?.items.find((i) => i.id === 'pro-only')?.read).toBe(true);
    // Max reading nothing keeps his count.
    expect((await announcementsOf(app, 'max'))?.unread).toBe(1);
  });

  it("boosts only while the fatigue budget has room after this state's interrupting prompts", async () => {
    const interrupting = {
      ...checklistInput('tour', { audience: { type: 'trait', trait: 'role', op: 'equals', value: 'admin' } }),
      interrupting: true,
    };
    const { app } = await promptApp([interrupting], { fatigue: { maxInterruptingPerDay: 1 } });
    await identify(app, 'ada', { role: 'admin' });
    await identify(app, 'max', { role: 'member' });
    await publish(app, 'big-news', { boosted: true, boostStyle: 'modal' });
    // Ada's state already holds an interrupting checklist: the one display of the day is taken.
    expect((await announcementsOf(app, 'ada'))?.boosted).toBeUndefined();
    expect((await announcementsOf(app, 'max'))?.boosted).toMatchObject({ style: 'modal', item: { id: 'big-news' } });
  });

  it('serves the next feed pages and the public changelog through the app', async () => {
    const { app } = await promptApp([]);
    await identify(app, 'ada');
    for (let i = 0; i < 12; i++) await publish(app, `n${i}`, {}, new Date(NOW - (i + 1) * 3_600_000).toISOString());
    const first = await announcementsOf(app, 'ada');
    expect(first?.items).toHaveLength(10);
    const query = new URLSearchParams({
      key: PUBLIC_KEY,
      anonymousId: 'anon-ada',
      userId: 'ada',
      userToken: await userToken('ada'),
      before: first?.nextCursor ?? '',
    });
    const next = await app.request(`/v1/announcements?${query}`, { headers: { Origin: ORIGIN } });
    expect(next.status).toBe(200);
    expect(((await next.json()) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(['n10', 'n11']);
    const changelog = await app.request('/changelog/acme');
    expect(changelog.status).toBe(200);
    expect(await changelog.text()).toContain('News n0');
  });
});

describe('GET /v1/state: announcements for visitors who have not identified', () => {
  async function anonymousAnnouncements(app: App) {
    const res = await getState(app, { anonymousId: 'anon-visitor' });
    expect(res.status).toBe(200);
    return userStateSchema.parse(await res.json()).announcements;
  }

  it('reach only identified users by default, boosted ones included', async () => {
    const { app } = await promptApp([]);
    await identify(app, 'ada');
    await publish(app, 'big-news', { boosted: true, boostStyle: 'toast' });
    expect((await announcementsOf(app, 'ada'))?.boosted).toMatchObject({ item: { id: 'big-news' } });
    const visitor = await anonymousAnnouncements(app);
    expect(visitor?.boosted).toBeUndefined();
    expect(visitor?.items ?? []).toEqual([]);
    expect(visitor?.unread ?? 0).toBe(0);
  });

  it('reach anonymous visitors when the announcement says `visitors: everyone`', async () => {
    const { app } = await promptApp([]);
    await publish(app, 'for-all', { visitors: 'everyone', boosted: true });
    await publish(app, 'members', {});
    const visitor = await anonymousAnnouncements(app);
    expect(visitor?.items.map((i) => i.id)).toEqual(['for-all']);
    expect(visitor?.boosted).toMatchObject({ item: { id: 'for-all' } });
  });
});
