import { describe, expect, it } from 'vitest';
import { ORIGIN, PUBLIC_KEY, batch, post, testApp, testConfig, trackEvent, errorOf } from '../../test-support/http.js';

describe('CORS per project', () => {
  it('echoes an allowed origin', async () => {
    const { app } = testApp();
    const res = await post(app, batch([trackEvent()]));
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    expect(res.headers.get('Vary')).toContain('Origin');
  });

  it('refuses another origin with 403 and stores nothing', async () => {
    const { app, store } = testApp();
    const res = await post(app, batch([trackEvent()]), { headers: { Origin: 'https://evil.test' } });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('origin_not_allowed');
    expect(await store.listEvents('acme')).toEqual([]);
  });

  it('allows any origin when the project lists "*"', async () => {
    const { app } = testApp({ config: testConfig({ allowedOrigins: ['*'] }) });
    const res = await post(app, batch([trackEvent()]), { headers: { Origin: 'http://localhost:5173' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('answers a preflight per project key', async () => {
    const { app } = testApp();
    const preflight = (origin: string) =>
      app.request(`/v1/batch?key=${PUBLIC_KEY}`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });
    const ok = await preflight(ORIGIN);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    expect(ok.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    expect(ok.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('content-type');
    expect((await preflight('https://evil.test')).status).toBe(403);
  });
});
