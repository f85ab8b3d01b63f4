import { EVENT_TIME_LIMITS } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { bothStores } from '../test-support/both-stores.js';
import { NOW, SECRET, batch, errorOf, post, testApp, testConfig, trackEvent } from '../test-support/http.js';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
// Identity enforcement is explicit: these tests are about time, not identity.
const config = testConfig({ identityVerification: { enforce: false } });
const identify = (userId: string, traits: Record<string, unknown>, timestamp: string) =>
  trackEvent({ type: 'identify', name: undefined, properties: undefined, userId, anonymousId: `anon-${userId}`, traits, timestamp });

describe.each(bothStores('hearth_time'))('event times are bounded after clock-skew correction ($name)', (kind) => {
  const app = async () => testApp({ store: await kind.open(), config });

  it('an identify dated 9999 is refused naming the field, and neither freezes traits nor moves last_seen', async () => {
    const { app: collector, store } = await app();
    const res = await post(collector, batch([identify('u-9999', { plan: 'pro' }, '9999-12-31T23:59:59.000Z')]));
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_batch');
    expect(error.issues).toEqual([{ path: 'events.0.timestamp', message: expect.stringContaining('5 minutes ahead') }]);
    expect(await store.getUser('acme', 'u-9999')).toBeNull();

    expect((await post(collector, batch([identify('u-9999', { plan: 'free' }, iso(NOW - 1_000))]))).status).toBe(200);
    expect((await post(collector, batch([identify('u-9999', { plan: 'team' }, iso(NOW - 500))]))).status).toBe(200);
    const user = await store.getUser('acme', 'u-9999');
    expect(user?.traits).toEqual({ plan: 'team' });
    expect(Date.parse(user!.lastSeen)).toBeLessThanOrEqual(NOW + EVENT_TIME_LIMITS.maxFutureMs);
  });

  it('a sentAt in year 1 that would carry the event into year 10000 is refused, and a valid batch sent at the same time is stored', async () => {
    const { app: collector, store } = await app();
    const hostile = batch([trackEvent({ anonymousId: 'far', timestamp: '9999-12-31T23:59:59.000Z' })], {
      sentAt: '0001-01-01T00:00:00.000Z',
    });
    const valid = trackEvent({ anonymousId: 'near' });
    const [refused, accepted] = await Promise.all([post(collector, hostile), post(collector, batch([valid]))]);
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).issues?.[0]?.path).toBe('events.0.timestamp');
    expect(await accepted.json()).toMatchObject({ accepted: 1 });
    expect(await store.listEvents('acme', { anonymousId: 'far' })).toEqual([]);
    expect(await store.listEvents('acme', { anonymousId: 'near' })).toHaveLength(1);
  });

  it('accepts times up to the margin ahead and back to the earliest, after correcting a skewed clock', async () => {
    const { app: collector, store } = await app();
    const skew = 2 * 24 * 60 * MINUTE; // the device clock runs two days ahead
    const cases = [
      { anonymousId: 'margin-inside', at: NOW + 4 * MINUTE, ok: true },
      { anonymousId: 'margin-outside', at: NOW + 6 * MINUTE, ok: false },
      { anonymousId: 'queued-a-year', at: NOW - 365 * 24 * 60 * MINUTE, ok: true },
      { anonymousId: 'earliest', at: Date.parse(EVENT_TIME_LIMITS.earliest), ok: true },
      { anonymousId: 'before-earliest', at: Date.parse(EVENT_TIME_LIMITS.earliest) - 1, ok: false },
    ];
    for (const { anonymousId, at, ok } of cases) {
      const res = await post(collector, batch([trackEvent({ anonymousId, timestamp: iso(at + skew) })], { sentAt: iso(NOW + skew) }));
      expect(res.status, anonymousId).toBe(ok ? 200 : 400);
    }
    // PostgreSQL's tests share one database: only this test's events count.
    const stored = (await store.listEvents('acme')).filter((e) => cases.some((c) => c.anonymousId === e.anonymousId));
    expect(stored.map((e) => e.anonymousId).sort()).toEqual(['earliest', 'margin-inside', 'queued-a-year']);
    expect(stored.find((e) => e.anonymousId === 'margin-inside')?.timestamp).toBe(iso(NOW + 4 * MINUTE));
  });

  it('server events are bounded the same way (without correction)', async () => {
    const { app: collector, store } = await app();
    const send = (timestamp: string) =>
      collector.request('/v1/server/events', {
        method: 'POST',
        headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ events: [{ id: `srv_${timestamp.slice(0, 4)}_x`, userId: 'u-srv', name: 'report_exported', timestamp }] }),
      });
    const refused = await send('9999-01-01T00:00:00.000Z');
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).issues).toEqual([{ path: 'events.0.timestamp', message: expect.stringContaining('ahead') }]);
    expect((await send('1970-01-01T00:00:00.000Z')).status).toBe(400);
    expect((await send(iso(NOW - 24 * 60 * MINUTE))).status).toBe(200);
    expect(await store.listEvents('acme', { userId: 'u-srv' })).toHaveLength(1);
  });
});
