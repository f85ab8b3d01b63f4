import { describe, expect, it } from 'vitest';
import { REQUEST_LIMITS } from '../../app.js';
import { bothStores } from '../../test-support/both-stores.js';
import { consoleCall, consoleSession, OWNER_EMAIL } from '../../test-support/console.js';
import { errorOf, testApp, testConfig } from '../../test-support/http.js';

const OWNER_PASSWORD = 'owner-password-for-tests';

describe.each(bothStores('hearth_invite_limits'))('invitation rate limits on $name', ({ open }) => {
  it('counts invitation-link lookups per client and new invitations per owner, across collectors', async () => {
    const store = await open();
    const env = { HEARTH_ADMIN_PASSWORD: OWNER_PASSWORD };
    // Two collectors on one store: the count is shared, not per process.
    const [first, second] = [0, 1].map(() => testApp({ store, config: testConfig(), env }).app);
    const peek = (app: typeof first, client: string) =>
      app!.request('/v1/admin/invites/peek', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-test-client': client },
        body: JSON.stringify({ token: 'x'.repeat(43) }),
      });
    const client = `guesser-${Math.random().toString(36).slice(2, 8)}`;
    for (let i = 0; i < REQUEST_LIMITS.perWindow; i += 1) {
      expect((await errorOf(await peek(i % 2 ? first : second, client))).code).toBe('invite_not_found');
    }
    const limited = await peek(first, client);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another address is not held back by this one.
    expect((await errorOf(await peek(second, `${client}-other`))).code).toBe('invite_not_found');

    const owner = await consoleSession(first!, OWNER_EMAIL, OWNER_PASSWORD);
    const invite = (n: number) =>
      consoleCall(first!, owner, 'POST', '/v1/admin/team/invites', { body: { email: `p${n}@acme.test`, role: 'viewer' } });
    for (let n = 0; n < REQUEST_LIMITS.perWindow; n += 1) expect((await invite(n)).status).toBe(201);
    expect((await invite(99)).status).toBe(429);
  });
});
