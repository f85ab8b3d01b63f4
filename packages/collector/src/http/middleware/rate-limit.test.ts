import { describe, expect, it } from 'vitest';
import { NOW, batch, post, testApp, testConfig, trackEvent } from '../../test-support/http.js';

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
    for (const client of ['a', 'b', 'c', 'd']) statuses.push((await post(app, batch([trackEvent()]), { headers: { 'x-test-client': client } })).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    const limited = await post(app, batch([trackEvent()]), { headers: { 'x-test-client': 'e' } });
    expect(limited.headers.get('Retry-After')).toBe('2');
    expect(await store.listEvents('acme')).toHaveLength(2);
  });
});
