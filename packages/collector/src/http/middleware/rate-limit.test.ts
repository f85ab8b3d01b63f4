import { describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { bothStores } from '../../test-support/both-stores.js';
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
    // A fixed window of burstSeconds (4 s) admits 0.5 × 4 requests; the next one opens at its end.
    const windowEnd = Math.floor(NOW / 4_000) * 4_000 + 4_000;
    expect(limited.headers.get('Retry-After')).toBe(String(Math.ceil((windowEnd - NOW) / 1000)));
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

describe.each(bothStores('hearth_rate_limits'))('the project limit across collectors on one $name database', ({ open }) => {
  it('admits the project limit once, whichever collector each request reaches', async () => {
    let now = NOW;
    const config = testConfig({}, { rateLimit: { perClientPerSecond: 1_000, perProjectPerSecond: 50, burstSeconds: 2 } });
    const collectors = await Promise.all(
      [1, 2, 3].map(async () =>
        createApp({ store: await open(), config, clock: () => now, clientAddress: () => 'client', log: () => undefined }),
      ),
    );
    const state = (i: number) =>
      collectors[i % 3]!.request(`/v1/state?key=${PUBLIC_KEY}&anonymousId=anon-${i}`, { headers: { Origin: ORIGIN } });
    const statuses: number[] = [];
    for (let i = 0; i < 150; i++) statuses.push((await state(i)).status);
    // 50 per second over a 2-second window: 100 in all, not 100 per collector.
    expect(statuses.filter((status) => status === 200)).toHaveLength(100);
    expect(statuses.filter((status) => status === 429)).toHaveLength(50);
    now = Math.floor(NOW / 2_000) * 2_000 + 2_000;
    expect((await state(0)).status).toBe(200);
  });
});
