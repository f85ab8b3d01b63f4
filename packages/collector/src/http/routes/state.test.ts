import { userStateSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../domain/time.js';
import { NOW, ORIGIN, SECRET, errorOf, userToken } from '../../test-support/http.js';
import { checklistInput, getState, identify, promptApp, roleIs, stateIds, track } from '../../test-support/prompts.js';

const PROMPTS = [
  checklistInput('admin-path', { audience: roleIs('admin'), title: 'Admin secret path', events: ['Project Created', 'Teammate Invited'] }),
  checklistInput('member-path', { audience: roleIs('member'), title: 'Member path' }),
  checklistInput('pro-admins', {
    audience: { type: 'all', rules: [roleIs('admin'), { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' }] },
  }),
  checklistInput('everyone'),
  checklistInput('draft-for-all', { status: 'draft' }),
  checklistInput('archived-for-all', { status: 'archived' }),
];

describe('GET /v1/state', () => {
  it('sends each user exactly the prompts of their audiences, and nothing of the others', async () => {
    const { app } = await promptApp(PROMPTS);
    const users: [string, Record<string, unknown>, string[]][] = [
      ['ada', { role: 'admin', plan: 'pro' }, ['admin-path', 'everyone', 'pro-admins']],
      ['alan', { role: 'admin', plan: 'free' }, ['admin-path', 'everyone']],
      ['max', { role: 'member', plan: 'pro' }, ['everyone', 'member-path']],
      ['vic', { role: 'viewer' }, ['everyone']],
      ['nora', {}, ['everyone']],
    ];
    for (const [userId, traits] of users) await identify(app, userId, traits);
    for (const [userId, , expected] of users) {
      const res = await getState(app, { anonymousId: `anon-${userId}`, userId });
      const text = await res.text();
      const ids = userStateSchema
        .parse(JSON.parse(text))
        .prompts.map((p) => p.id)
        .sort();
      expect(ids, userId).toEqual(expected);
      if (!expected.includes('admin-path')) expect(text, userId).not.toContain('Admin secret path');
      expect(text).not.toContain('role');
    }
    // A visitor who never identified, and an unknown user id, get only the prompts for everyone.
    expect(await stateIds(app, { anonymousId: 'stranger' })).toEqual(['everyone']);
    expect(await stateIds(app, { anonymousId: 'stranger', userId: 'unknown-user' })).toEqual(['everyone']);
  });

  it("does not lend a linked anonymous id's user state to a caller who only sends that anonymous id", async () => {
    const { app } = await promptApp(PROMPTS);
    await identify(app, 'ada', { role: 'admin' });
    expect(await stateIds(app, { anonymousId: 'anon-ada' })).toEqual(['everyone']);
  });

  it('reflects a stored event as progress on the next request, with a new ETag', async () => {
    const { app } = await promptApp(PROMPTS);
    await identify(app, 'ada', { role: 'admin' });
    const params = { anonymousId: 'anon-ada', userId: 'ada' };
    const before = await getState(app, params);
    const etag = before.headers.get('ETag')!;
    const adminPath = (body: unknown) =>
      (body as { prompts: { id: string; items: { done: boolean }[] }[] }).prompts.find((p) => p.id === 'admin-path')!;
    expect(adminPath(await before.json()).items.map((i) => i.done)).toEqual([false, false]);

    await track(app, 'ada', 'Project Created');
    const after = await getState(app, params, { 'If-None-Match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(etag);
    expect(adminPath(await after.json()).items.map((i) => i.done)).toEqual([true, false]);
  });

  it('answers 304 to a matching If-None-Match, with a strong ETag and no-cache', async () => {
    const { app } = await promptApp(PROMPTS);
    const first = await getState(app, { anonymousId: 'v1' });
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(first.headers.get('Cache-Control')).toBe('private, no-cache');
    expect(first.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    expect((await getState(app, { anonymousId: 'v1' })).headers.get('ETag')).toBe(etag);
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await getState(app, { anonymousId: 'v1' }, { 'If-None-Match': header });
      expect(res.status, header).toBe(304);
      expect(await res.text()).toBe('');
      expect(res.headers.get('ETag')).toBe(etag);
    }
    expect((await getState(app, { anonymousId: 'v1' }, { 'If-None-Match': '"stale"' })).status).toBe(200);
  });

  it('enforces identity verification for user ids, not for visitors', async () => {
    const { app } = await promptApp(PROMPTS, { identityVerification: { enforce: true } });
    const missing = await getState(app, { anonymousId: 'a', userId: 'ada', userToken: '' });
    expect(missing.status).toBe(401);
    expect(await errorOf(missing)).toMatchObject({ code: 'identity_not_verified', issues: [{ path: 'userToken' }] });
    expect((await getState(app, { anonymousId: 'a', userId: 'ada', userToken: await userToken('max') })).status).toBe(401);
    expect(
      (await getState(app, { anonymousId: 'a', userId: 'ada', userToken: await userToken('ada', { expiresAt: NOW / 1000 - 1 }) })).status,
    ).toBe(401);
    expect((await getState(app, { anonymousId: 'a', userId: 'ada', userToken: await userToken('ada') })).status).toBe(200);
    expect((await getState(app, { anonymousId: 'a' })).status).toBe(200);
  });

  it('refuses secret keys, unknown keys, other origins and a missing anonymousId', async () => {
    const { app } = await promptApp(PROMPTS);
    expect((await getState(app, { anonymousId: 'a', key: SECRET })).status).toBe(403);
    expect((await getState(app, { anonymousId: 'a', key: 'pk_nobody_at_all' })).status).toBe(401);
    expect((await getState(app, { anonymousId: 'a' }, { Origin: 'https://evil.test' })).status).toBe(403);
    const invalid = await getState(app, { locale: 'not a locale' });
    expect(invalid.status).toBe(400);
    expect((await errorOf(invalid)).issues?.map((i) => i.path).sort()).toEqual(['anonymousId', 'locale']);
  });

  it('drops a dismissed checklist and localizes by the locale parameter', async () => {
    const localized = { ...checklistInput('hello'), translations: { nb: { title: 'Kom i gang' } } };
    const { app } = await promptApp([localized]);
    const body = async (params: Record<string, string>) => (await (await getState(app, params)).json()) as { prompts: { title: string }[] };
    expect((await body({ anonymousId: 'v', locale: 'nb-NO' })).prompts[0]?.title).toBe('Kom i gang');
    await track(app, null, '$prompt_dismissed', { properties: { promptId: 'hello', kind: 'checklist' } });
    expect((await body({ anonymousId: 'visitor' })).prompts).toEqual([]);
  });

  it('matches "inactive ≥ 7 days" for a returning user even after the new visit\'s first events land', async () => {
    const winBack = checklistInput('win-back', { audience: { type: 'lifecycle', measure: 'daysSinceLastSeen', op: 'gte', days: 7 } });
    const { app } = await promptApp([winBack]);
    await track(app, 'ada', 'Project Created', { timestamp: new Date(NOW - 10 * DAY_MS).toISOString() });
    await track(app, 'bob', 'Project Created', { timestamp: new Date(NOW - 2 * DAY_MS).toISOString() });
    const ada = { anonymousId: 'anon-ada', userId: 'ada' };
    expect(await stateIds(app, ada)).toEqual(['win-back']);
    await track(app, 'ada', 'Project Opened');
    expect(await stateIds(app, ada)).toEqual(['win-back']);
    expect(await stateIds(app, { anonymousId: 'anon-bob', userId: 'bob' })).toEqual([]);
  });
});
