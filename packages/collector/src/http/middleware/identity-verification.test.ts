import { describe, expect, it } from 'vitest';
import { NOW, OTHER_SECRET, batch, post, testApp, testConfig, trackEvent, userToken, errorOf } from '../../test-support/http.js';

const identified = (userId = 'user-1') => trackEvent({ userId });

describe('identity verification', () => {
  it('marks events verified when the token is valid for their user, with either secret', async () => {
    const { app, store } = testApp();
    await post(app, batch([identified()], { userToken: await userToken('user-1') }));
    await post(app, batch([identified()], { userToken: await userToken('user-1', { secret: OTHER_SECRET }) }));
    expect((await store.listEvents('acme')).map((e) => e.verified)).toEqual([true, true]);
  });

  it('with enforcement opted out, stores unverified events when the token is missing, expired, for someone else, or not HS256', async () => {
    const { app, store } = testApp({ config: testConfig({ identityVerification: { enforce: false } }) });
    const tokens = [
      undefined,
      await userToken('user-1', { expiresAt: NOW / 1000 - 1 }),
      await userToken('someone-else'),
      await userToken('user-1', { alg: 'HS512' }),
      await userToken('user-1', { secret: 'sk_not_this_projects_secret' }),
    ];
    for (const token of tokens) {
      const res = await post(app, batch([identified()], token ? { userToken: token } : {}));
      expect(res.status).toBe(200);
    }
    const events = await store.listEvents('acme');
    expect(events).toHaveLength(tokens.length);
    expect(events.every((e) => !e.verified)).toBe(true);
  });

  it('rejects identified events without a valid token by default (enforcement is on unless opted out)', async () => {
    const { app, store } = testApp();
    const refused = await post(app, batch([trackEvent(), identified()], { userToken: await userToken('someone-else') }));
    expect(refused.status).toBe(401);
    expect((await errorOf(refused)).issues).toEqual([{ path: 'events.1.userId', message: 'no valid userToken for this user id' }]);
    expect(await store.listEvents('acme')).toEqual([]);

    expect((await post(app, batch([trackEvent()]))).status).toBe(200);
    expect((await post(app, batch([identified()], { userToken: await userToken('user-1') }))).status).toBe(200);
    expect(await store.listEvents('acme')).toHaveLength(2);
  });
});
