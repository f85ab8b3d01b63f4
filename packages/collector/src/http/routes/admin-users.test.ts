import { describe, expect, it } from 'vitest';
import { NOW, PUBLIC_KEY, errorOf } from '../../test-support/http.js';
import { admin, checklistInput, identify, promptApp, track } from '../../test-support/prompts.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies, checked field by field below.
type Json = Record<string, any>;

/** ada (pro) visited anonymously, identified, created a project, answered NPS and earned points; max (free) identified. */
async function fixture() {
  const { app, store } = await promptApp([checklistInput('onboarding', { events: ['Project Created', 'Teammate Invited'] })]);
  await track(app, null, 'Pricing Viewed', { anonymousId: 'anon-usr_ada', timestamp: new Date(NOW - 5_000).toISOString() });
  await identify(app, 'usr_ada', { plan: 'pro', email: 'ada@acme.test' });
  await track(app, 'usr_ada', 'Project Created');
  await identify(app, 'usr_max', { plan: 'free' });
  await identify(app, 'usr_alan', { plan: 'pro' });
  const at = new Date(NOW);
  await store.responses.insert('acme', {
    surveyId: 'nps',
    userId: 'usr_ada',
    anonymous: false,
    cycle: 1,
    answer: { type: 'nps', score: 9 },
    comment: 'love it',
    traits: { plan: 'pro' },
    locale: null,
    answeredAt: at,
    updatedAt: at,
  });
  await store.rewards.append({ projectId: 'acme', id: 'grant-1', userId: 'usr_ada', amount: 40, reason: 'Welcome', ruleId: null, at: NOW });
  return { app, store };
}

describe('GET /v1/admin/users', () => {
  it('finds users by id prefix and by trait, a page at a time', async () => {
    const { app } = await fixture();
    const search = async (query: string) => (await (await admin(app, 'GET', `/v1/admin/users?${query}`)).json()) as Json;
    expect((await search('q=usr_a')).users.map((u: Json) => u.userId)).toEqual(['usr_ada', 'usr_alan']);
    expect((await search('trait=plan:free')).users).toEqual([expect.objectContaining({ userId: 'usr_max', traits: { plan: 'free' } })]);
    const first = await search('trait=plan:pro&limit=1');
    expect(first.users.map((u: Json) => u.userId)).toEqual(['usr_ada']);
    const second = await search(`trait=plan:pro&limit=1&cursor=${first.nextCursor as string}`);
    expect(second).toEqual({ users: [expect.objectContaining({ userId: 'usr_alan' })], nextCursor: null });
  });

  it('refuses a malformed search, naming the field', async () => {
    const { app } = await fixture();
    for (const [query, path, message] of [
      ['trait=plan', 'trait', 'expected key:value, e.g. plan:pro'],
      ['limit=500', 'limit', 'limit must be 1–100'],
      ['cursor=%2F%2F', 'cursor', 'cursor must be the nextCursor of a previous page'],
    ]) {
      const res = await admin(app, 'GET', `/v1/admin/users?${query}`);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).issues).toEqual([{ path, message }]);
    }
  });
});

describe('GET /v1/admin/vocabulary', () => {
  it('lists the event names and trait keys the project received, for suggestions', async () => {
    const { app } = await fixture();
    await track(app, 'usr_max', 'Project Created');
    // Account trait keys come from the accounts' trusted traits, set with the secret key.
    const account = await admin(app, 'PUT', '/v1/server/accounts/acme', { body: { traits: { plan: 'pro', seats: 10 } } });
    expect(account.status).toBe(200);
    const res = await admin(app, 'GET', '/v1/admin/vocabulary');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      events: ['Project Created', 'Pricing Viewed'],
      traits: ['email', 'plan'],
      accountTraits: ['plan', 'seats'],
    });
    expect((await admin(app, 'GET', '/v1/admin/vocabulary', { key: PUBLIC_KEY })).status).toBe(403);
  });
});

describe('GET /v1/admin/users/:userId', () => {
  it('shows traits, recent events, checklist progress, answers and points', async () => {
    const { app } = await fixture();
    const res = await admin(app, 'GET', '/v1/admin/users/usr_ada');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.user).toMatchObject({ userId: 'usr_ada', traits: { plan: 'pro', email: 'ada@acme.test' }, anonymousIds: ['anon-usr_ada'] });
    expect(body.recentEvents.map((e: Json) => e.name ?? e.type)).toEqual(['Project Created', 'identify', 'Pricing Viewed']);
    expect(body.checklists).toEqual([expect.objectContaining({ promptId: 'onboarding', done: 1, total: 2, complete: false })]);
    expect(body.checklists[0].items.map((i: Json) => [i.id, i.done])).toEqual([
      ['step-1', true],
      ['step-2', false],
    ]);
    expect(body.surveyResponses).toEqual([
      expect.objectContaining({ surveyId: 'nps', answer: { type: 'nps', score: 9 }, comment: 'love it' }),
    ]);
    expect(body.points).toMatchObject({
      balance: 40,
      lifetime: 40,
      ledger: [expect.objectContaining({ id: 'grant-1', amount: 40 })],
      redemptions: [],
    });
  });

  it('answers 404 for someone never identified', async () => {
    const { app } = await fixture();
    const res = await admin(app, 'GET', '/v1/admin/users/nobody');
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('user_not_found');
  });
});

describe('export and erasure', () => {
  it('exports everything as a JSON download, anonymous events included', async () => {
    const { app } = await fixture();
    const res = await admin(app, 'GET', '/v1/admin/users/usr_ada/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="hearth-user-usr_ada.json"');
    const body = (await res.json()) as Json;
    expect(body).toMatchObject({
      format: 'hearth.user-export.v1',
      projectId: 'acme',
      user: { userId: 'usr_ada' },
      points: { balance: 40, referrals: { code: null } },
    });
    expect(body.events.map((e: Json) => e.name ?? e.type)).toEqual(['Pricing Viewed', 'identify', 'Project Created']);
    expect(body.surveyResponses).toHaveLength(1);
  });

  it('deletes the user, answers what was removed, and answers zeros the second time', async () => {
    const { app, store } = await fixture();
    const res = await admin(app, 'DELETE', '/v1/admin/users/usr_ada');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      userId: 'usr_ada',
      removed: expect.objectContaining({ events: 3, identities: 1, users: 1, surveyResponses: 1, rewardEntriesAnonymised: 1 }),
    });
    expect((await admin(app, 'GET', '/v1/admin/users/usr_ada')).status).toBe(404);
    expect((await admin(app, 'GET', '/v1/admin/users/usr_ada/export')).status).toBe(404);
    expect(await store.listEvents('acme', { anonymousId: 'anon-usr_ada' })).toEqual([]);
    expect((await (await admin(app, 'GET', '/v1/admin/users?q=usr_')).json()) as Json).toMatchObject({
      users: [{ userId: 'usr_alan' }, { userId: 'usr_max' }],
    });
    const again = (await (await admin(app, 'DELETE', '/v1/admin/users/usr_ada')).json()) as Json;
    expect(Object.values(again.removed).every((n) => n === 0)).toBe(true);
  });

  it('serves the same export and erasure to the host backend on /v1/server/users, with a secret key only', async () => {
    const { app, store } = await fixture();
    expect((await admin(app, 'GET', '/v1/server/users/usr_ada/export')).status).toBe(200);
    expect((await admin(app, 'DELETE', '/v1/server/users/usr_ada', { key: PUBLIC_KEY })).status).toBe(403);
    expect((await admin(app, 'DELETE', '/v1/server/users/usr_ada', { headers: { Origin: 'https://app.acme.test' } })).status).toBe(403);
    expect((await app.request('/v1/server/users/usr_ada', { method: 'DELETE' })).status).toBe(401);
    expect((await app.request('/v1/admin/users/usr_ada', { method: 'DELETE' })).status).toBe(401);
    expect(await store.getUser('acme', 'usr_ada')).not.toBeNull();
    const res = await admin(app, 'DELETE', '/v1/server/users/usr_ada');
    expect(((await res.json()) as Json).removed.users).toBe(1);
    expect(await store.getUser('acme', 'usr_ada')).toBeNull();
  });
});
