import { describe, expect, it } from 'vitest';
import { NOW, ORIGIN, PUBLIC_KEY, batch, post, testApp, testConfig, trackEvent } from '../../test-support/http.js';

describe('rate limits', () => {
  it('limits each client with a token bucket and answers 429 with Retry-After', async () => {
    let now = NOW;
    const { app } = testApp({
      clock: () => now,
      config: testConfig({}, { rateLimit: { perClientPerSecond: 1, perProjectPerSecond: 100, burstSeconds: 2 } }),
    });
    const send = (client: string) => post(app, batch([trackEvent()]), { headers: { 'x-test-client': client } });
    expect((await send('a')).status).toBe(200);
    expect((await send('a')).status).toBe(200);
    const limited = await send('a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('1');
    // The page is on another origin: without this the browser hides Retry-After from the SDK.
    expect(limited.headers.get('Access-Control-Expose-Headers')).toBe('Retry-After');
    expect((await send('b')).status).toBe(200);
    now += 1_000;
    expect((await send('a')).status).toBe(200);
  });

  it('limits the project as a whole across clients', async () => {
    const { app, store } = testApp({
      config: testConfig({}, { rateLimit: { perClientPerSecond: 100, perProjectPerSecond: 0.5, burstSeconds: 4 } }),
    });
    const statuses = [];
    for (const client of ['a', 'b', 'c', 'd'])
      statuses.push((await post(app, batch([trackEvent()]), { headers: { 'x-test-client': client } })).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    const limited = await post(app, batch([trackEvent()]), { headers: { 'x-test-client': 'e' } });
    expect(limited.headers.get('Retry-After')).toBe('2');
    expect(await store.listEvents('acme')).toHaveLength(2);
  });

  it('counts a client once across every public route: a 429 on one route holds on the others', async () => {
    const { app, store } = testApp({
      config: testConfig({}, { rateLimit: { perClientPerSecond: 1, perProjectPerSecond: 1_000, burstSeconds: 3 } }),
    });
    const get = (path: string) => app.request(`${path}?key=${PUBLIC_KEY}&anonymousId=anon-1`, { headers: { Origin: ORIGIN } });
    const statuses = [
      (await get('/v1/state')).status,
      (await get('/v1/announcements')).status,
      (await get('/v1/rewards')).status,
      (await get('/v1/state')).status,
    ];
    // Three tokens of burst, whichever routes spend them; the rewards route's own answer (404, no program) still counts.
    expect(statuses.slice(0, 3).every((status) => status !== 429)).toBe(true);
    expect(statuses[3]).toBe(429);
    const batches = await Promise.all(Array.from({ length: 10 }, () => post(app, batch([trackEvent()]))));
    expect(batches.map((res) => res.status)).toEqual(Array(10).fill(429));
    const responses = await app.request(`/v1/responses?key=${PUBLIC_KEY}`, {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(responses.status).toBe(429);
    expect(await store.listEvents('acme')).toHaveLength(0);
  });

  it('shares the per-project budget across routes too', async () => {
    const { app } = testApp({
      config: testConfig({}, { rateLimit: { perClientPerSecond: 1_000, perProjectPerSecond: 1, burstSeconds: 2 } }),
    });
    const state = (client: string) =>
      app.request(`/v1/state?key=${PUBLIC_KEY}&anonymousId=${client}`, { headers: { Origin: ORIGIN, 'x-test-client': client } });
    expect([(await state('a')).status, (await state('b')).status]).toEqual([200, 200]);
    expect((await post(app, batch([trackEvent()]), { headers: { 'x-test-client': 'c' } })).status).toBe(429);
  });
});
