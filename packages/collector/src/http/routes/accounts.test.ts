import { mintGroupToken } from '@hearth/node';
import { describe, expect, it } from 'vitest';
import { NOW, OTHER_SECRET, SECRET, batch, pageToken, post, testApp, trackEvent } from '../../test-support/http.js';

const signed = (userId: string, accountId: string, traits?: Record<string, string | number>, secretKey = SECRET) =>
  mintGroupToken(userId, accountId, { secretKey, now: new Date(NOW), ttlSeconds: 3600, ...(traits ? { traits } : {}) });

const at = (msBeforeNow: number) => new Date(NOW - msBeforeNow).toISOString();
const group = (userId: string, accountId: string, extra: Record<string, unknown> = {}, ago = 5_000) =>
  trackEvent({
    type: 'group',
    name: undefined,
    properties: undefined,
    userId,
    accountId,
    anonymousId: `anon-${userId}`,
    timestamp: at(ago),
    ...extra,
  });
const track = (userId: string, ago: number) => trackEvent({ userId, anonymousId: `anon-${userId}`, timestamp: at(ago) });

async function send(app: ReturnType<typeof testApp>['app'], userId: string, events: unknown[]) {
  const res = await post(app, batch(events, { userToken: await pageToken(userId) }));
  expect(res.status).toBe(200);
}

const server = (app: ReturnType<typeof testApp>['app'], method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe("Hearth('group', …) through POST /v1/batch", () => {
  it('a valid group token makes the user a member, stores its signed traits, and later events carry the account', async () => {
    const { app, store } = testApp();
    await send(app, 'ada', [
      track('ada', 9_000),
      group('ada', 'acme', {
        traits: { plan: 'enterprise', seats: 999 },
        groupToken: await signed('ada', 'acme', { plan: 'trial', seats: 3 }),
      }),
      track('ada', 1_000),
    ]);
    const account = await store.accounts.get('acme', 'acme');
    // The signed traits, not what the page said.
    expect(account).toMatchObject({ traits: { plan: 'trial', seats: 3 }, members: 1, memberList: [{ userId: 'ada' }] });
    const events = await store.listEvents('acme', { userId: 'ada' });
    // Before the first group call the user was in no account.
    expect(events.map((e) => [e.type, e.accountId])).toEqual([
      ['track', null],
      ['group', 'acme'],
      ['track', 'acme'],
    ]);
    expect(events[1]).toMatchObject({ properties: { accountId: 'acme' }, traits: { plan: 'enterprise', seats: 999 } });
    expect(JSON.stringify(events)).not.toContain('groupToken');
  });

  it('switching accounts: each event carries the account active at its time', async () => {
    const { app, store } = testApp();
    await send(app, 'ada', [
      group('ada', 'acme', { groupToken: await signed('ada', 'acme') }, 10_000),
      track('ada', 9_000),
      group('ada', 'globex', { groupToken: await signed('ada', 'globex', {}, OTHER_SECRET) }, 8_000),
      track('ada', 7_000),
    ]);
    await send(app, 'ada', [track('ada', 9_500)]);
    const events = await store.listEvents('acme', { userId: 'ada' });
    expect(events.map((e) => `${e.type}:${e.accountId}`)).toEqual([
      'group:acme',
      'track:acme',
      'track:acme',
      'group:globex',
      'track:globex',
    ]);
    expect((await store.accounts.accountsOf('acme', 'ada')).map((a) => a.accountId)).toEqual(['globex', 'acme']);
  });

  it('a group call without a valid token changes nothing: no membership, no traits, no account on events', async () => {
    const { app, store } = testApp();
    const expired = await mintGroupToken('ada', 'acme', { secretKey: SECRET, now: new Date(NOW - 7_200_000), ttlSeconds: 3600 });
    await send(app, 'ada', [
      group('ada', 'acme', { traits: { plan: 'enterprise' } }),
      group('ada', 'acme', { groupToken: await signed('max', 'acme') }),
      group('ada', 'acme', { groupToken: await signed('ada', 'globex') }),
      group('ada', 'acme', { groupToken: await signed('ada', 'acme', {}, 'sk_not_this_project_secret') }),
      group('ada', 'acme', { groupToken: expired }),
      track('ada', 1_000),
    ]);
    expect(await store.accounts.get('acme', 'acme')).toBeNull();
    expect(await store.accounts.get('acme', 'globex')).toBeNull();
    expect((await store.listEvents('acme', { userId: 'ada' })).map((e) => e.accountId)).toEqual([null, null, null, null, null, null]);
  });

  it('refuses a group event without an account id, naming the field', async () => {
    const { app } = testApp();
    const res = await post(app, batch([group('ada', '')], { userToken: await pageToken('ada') }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('events.0.accountId');
  });
});

describe('accounts through the secret-key server API', () => {
  it('sets traits and members; a server event naming an account makes the user a member and carries it', async () => {
    const { app, store } = testApp();
    expect((await server(app, 'PUT', '/v1/server/accounts/acme', { traits: { plan: 'trial', mrr: 4900 } })).status).toBe(200);
    expect((await server(app, 'PUT', '/v1/server/accounts/acme', { traits: { seats: 5 } })).status).toBe(200);
    expect((await server(app, 'PUT', '/v1/server/accounts/acme/members/ada', { joinedAt: at(120_000) })).status).toBe(200);
    // Joined now: events from before carry no account.
    expect((await server(app, 'PUT', '/v1/server/accounts/acme/members/eve')).status).toBe(200);
    const events = await server(app, 'POST', '/v1/server/events', {
      events: [
        { id: 'evt_00000001', userId: 'max', name: 'invoice_paid', accountId: 'acme', timestamp: at(60_000) },
        { id: 'evt_00000002', userId: 'max', name: 'report_exported', timestamp: at(30_000) },
        { id: 'evt_00000003', userId: 'ada', name: 'report_exported', timestamp: at(30_000) },
        { id: 'evt_00000004', userId: 'eve', name: 'report_exported', timestamp: at(30_000) },
      ],
    });
    expect(events.status).toBe(200);
    const detail = (await (await server(app, 'GET', '/v1/server/accounts/acme')).json()) as Record<string, unknown>;
    expect(detail).toMatchObject({ accountId: 'acme', traits: { plan: 'trial', mrr: 4900, seats: 5 }, members: 3 });
    expect((await store.listEvents('acme')).map((e) => `${e.userId}:${e.accountId}`)).toEqual([
      'max:acme',
      'max:acme',
      'ada:acme',
      'eve:null',
    ]);
    expect((await server(app, 'DELETE', '/v1/server/accounts/acme/members/max')).status).toBe(204);
    expect((await server(app, 'GET', '/v1/server/accounts/nope')).status).toBe(404);
  });

  it('refuses bad input with the field and the reason, and a browser or public key outright', async () => {
    const { app } = testApp();
    const bad = await server(app, 'PUT', '/v1/server/accounts/acme', { traits: 'pro' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('traits');
    const browser = await app.request('/v1/server/accounts/acme', {
      method: 'GET',
      headers: { Authorization: `Bearer ${SECRET}`, Origin: 'https://app.acme.test' },
    });
    expect(browser.status).toBe(403);
    expect(
      (await app.request('/v1/admin/accounts', { headers: { Authorization: 'Bearer pk_test_acme_public' } })).status,
    ).toBeGreaterThanOrEqual(401);
  });
});
