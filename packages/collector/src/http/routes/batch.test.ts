import { describe, expect, it } from 'vitest';
import { NOW, batch, post, testApp, trackEvent, errorOf, userToken } from '../../test-support/http.js';

describe('POST /v1/batch', () => {
  it('stores the events and answers the counts once committed', async () => {
    const { app, store } = testApp();
    const events = [trackEvent(), trackEvent({ type: 'page', name: undefined, context: { path: '/home' } })];
    const res = await post(app, batch(events));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 0, conflicts: 0 });
    const stored = await store.listEvents('acme');
    expect(stored.map((e) => e.messageId).sort()).toEqual(events.map((e) => e.messageId).sort());
    expect(stored.find((e) => e.type === 'page')).toMatchObject({ name: null, context: { path: '/home' } });
  });

  it('accepts application/json as well as text/plain', async () => {
    const { app } = testApp();
    const res = await post(app, batch([trackEvent()]), { headers: { 'Content-Type': 'application/json' } });
    expect(await res.json()).toMatchObject({ accepted: 1 });
  });

  it('counts a re-sent batch as duplicates and a reused id with other content as a conflict', async () => {
    const { app, store } = testApp();
    const event = trackEvent();
    await post(app, batch([event]));
    // A retry carries a later sentAt: still the same event.
    const retry = await post(app, batch([event], { sentAt: new Date(NOW + 5_000).toISOString() }));
    expect(await retry.json()).toEqual({ accepted: 0, duplicates: 1, conflicts: 0 });
    const reused = await post(app, batch([{ ...event, name: 'something_else' }]));
    expect(await reused.json()).toEqual({ accepted: 0, duplicates: 0, conflicts: 1 });
    expect((await store.listEvents('acme')).map((e) => e.name)).toEqual(['project_created']);
  });

  it('answers 400 naming each failing path', async () => {
    const { app, store } = testApp();
    const res = await post(app, batch([trackEvent({ name: '' }), trackEvent({ type: 'click' }), trackEvent({ timestamp: 'noon' })]));
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_batch');
    expect(error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['events.0.name', 'events.1.type', 'events.2.timestamp']));
    expect(await store.listEvents('acme')).toEqual([]);
  });

  it('corrects client clock skew with the batch sentAt', async () => {
    const { app, store } = testApp();
    const day = 24 * 3600_000;
    // The client's clock runs a day behind: it says it sent at NOW - 1 day, event 3 s before that.
    const event = trackEvent({ timestamp: new Date(NOW - day - 3_000).toISOString() });
    await post(app, batch([event], { sentAt: new Date(NOW - day).toISOString() }));
    const [stored] = await store.listEvents('acme');
    expect(stored?.timestamp).toBe(new Date(NOW - 3_000).toISOString());
    expect(stored?.receivedAt).toBe(new Date(NOW).toISOString());
  });

  it('links earlier anonymous events to the user on identify', async () => {
    const { app, store } = testApp();
    const anonymous = trackEvent({ anonymousId: 'anon-9', timestamp: new Date(NOW - 5_000).toISOString() });
    await post(app, batch([anonymous]));
    const identify = trackEvent({
      anonymousId: 'anon-9',
      type: 'identify',
      name: undefined,
      properties: undefined,
      userId: 'user-9',
      traits: { plan: 'pro' },
    });
    await post(app, batch([identify], { userToken: await userToken('user-9') }));
    const events = await store.listEvents('acme', { userId: 'user-9' });
    expect(events.map((e) => e.messageId)).toEqual([anonymous.messageId, identify.messageId]);
    expect(await store.getUser('acme', 'user-9')).toMatchObject({ traits: { plan: 'pro' }, anonymousIds: ['anon-9'] });
  });

  it('answers 401 for a missing or unknown key and 403 for a secret key', async () => {
    const { app } = testApp();
    const body = batch([trackEvent()]);
    const missing = await app.request('/v1/batch', { method: 'POST', body: JSON.stringify(body) });
    expect(missing.status).toBe(401);
    const unknown = await post(app, body, { key: 'pk_nobody_has_this' });
    expect(unknown.status).toBe(401);
    expect((await errorOf(unknown)).code).toBe('unknown_key');
    const secret = await post(app, body, { key: 'sk_test_acme_secret_0001' });
    expect(secret.status).toBe(403);
    expect((await errorOf(secret)).message).toMatch(/never put a secret key in a browser/i);
  });

  it('serves /healthz and answers unknown routes with a JSON 404', async () => {
    const { app, store } = testApp();
    await store.kpi.refreshRollups();
    expect(await (await app.request('/healthz')).json()).toEqual({
      ok: true,
      store: 'sqlite',
      pendingEvents: 0,
      rollups: { lagMs: expect.any(Number), error: null, checklistItemsBuilding: 0 },
    });
    const missing = await app.request('/v1/nothing');
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe('not_found');
  });
});
