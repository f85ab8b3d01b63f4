import type { AdminSession, AuditEntry, CollectorConfigInput, MemberList } from '@hearth/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../../app.js';
import { bothStores } from '../../test-support/both-stores.js';
import { consoleCall } from '../../test-support/console.js';
import { errorOf, testApp, testConfig } from '../../test-support/http.js';
import { signInAtProvider } from '../../test-support/oidc-browser.js';
import { startTestProvider, type TestProvider } from '../../test-support/oidc-provider.js';
import { checklistInput } from '../../test-support/prompts.js';

type App = ReturnType<typeof createApp>;

const REDIRECT_URI = 'http://127.0.0.1:9/v1/admin/oidc/callback';
const AFTER_SIGN_OUT = 'http://127.0.0.1:9/admin/';
const CLIENT = { clientId: 'hearth-console', clientSecret: 'a-client-secret-for-the-test-provider' };
const run = Math.random().toString(36).slice(2, 8);
const PEOPLE = {
  vera: { login: `vera-${run}`, email: `vera-${run}@acme.test`, name: 'Vera Viewer', groups: ['staff'] },
  olga: { login: `olga-${run}`, email: `olga-${run}@acme.test`, name: 'Olga Owner', groups: ['staff', 'hearth-admins'] },
  mallory: { login: `mallory-${run}`, email: `mallory-${run}@acme.test`, name: 'Mallory', groups: ['marketing'] },
  una: { login: `una-${run}`, email: `una-${run}@acme.test`, emailVerified: false, name: 'Una', groups: ['staff'] },
};

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider({
    ...CLIENT,
    redirectUri: REDIRECT_URI,
    postLogoutRedirectUri: AFTER_SIGN_OUT,
    people: Object.values(PEOPLE),
  });
});
afterAll(() => provider.close());

const ssoConfig = (issuer = provider.issuer): CollectorConfigInput =>
  testConfig(
    {},
    {
      admin: {
        oidc: {
          issuer,
          ...CLIENT,
          redirectUri: REDIRECT_URI,
          postLogoutRedirectUri: AFTER_SIGN_OUT,
          scopes: ['openid', 'email', 'profile', 'groups'],
          rolesClaim: 'groups',
          roleMapping: { staff: { acme: 'viewer' }, 'hearth-admins': { acme: 'owner' } },
        },
      },
    },
  );

/** "Sign in with SSO": the provider's URL and the state cookie the browser keeps. */
async function startSso(app: App): Promise<{ authorizationUrl: string; stateCookie: string }> {
  const res = await app.request('/v1/admin/oidc/start');
  expect(res.status).toBe(302);
  const stateCookie = (res.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  expect(stateCookie).toMatch(/^hearth_oidc=.+/);
  return { authorizationUrl: res.headers.get('Location') ?? '', stateCookie };
}

/** The provider's redirect back, as the browser makes it. */
const callback = (app: App, back: URL, stateCookie: string) =>
  app.request(`/v1/admin/oidc/callback${back.search}`, { headers: { Cookie: stateCookie } });

/** Signs `login` in all the way; the console's session (cookie and CSRF token) and its description. */
async function ssoSignIn(app: App, login: string) {
  const { authorizationUrl, stateCookie } = await startSso(app);
  const back = await signInAtProvider(authorizationUrl, login, REDIRECT_URI);
  const res = await callback(app, back, stateCookie);
  expect(res.status).toBe(302);
  expect(res.headers.get('Location')).toBe('/admin/');
  const cookie =
    (res.headers.get('Set-Cookie') ?? '')
      .split(', ')
      .find((c) => c.startsWith('hearth_admin='))
      ?.split(';')[0] ?? '';
  const described = await app.request('/v1/admin/session', { headers: { Cookie: cookie } });
  expect(described.status).toBe(200);
  const info = (await described.json()) as AdminSession;
  return { session: { cookie, csrfToken: info.csrfToken }, info };
}

describe.each(bothStores('hearth_oidc'))('single sign-on on $name', ({ open }) => {
  const start = async (config = ssoConfig()) => testApp({ store: await open(), config }).app;

  it('offers SSO only when configured', async () => {
    expect(await (await (await start()).request('/v1/admin/oidc')).json()).toEqual({ sso: true });
    const plain = testApp({ store: await open(), config: testConfig() }).app;
    expect(await (await plain.request('/v1/admin/oidc')).json()).toEqual({ sso: false });
    expect((await errorOf(await plain.request('/v1/admin/oidc/start'))).code).toBe('sso_not_configured');
  });

  it('signs a person in with the role their claim maps to, records it, and signs out at the provider too', async () => {
    const app = await start();
    const { session, info } = await ssoSignIn(app, PEOPLE.vera.login);
    expect(info.user).toMatchObject({ email: PEOPLE.vera.email, name: 'Vera Viewer' });
    expect(info.projects).toEqual([{ id: 'acme', name: 'Acme', role: 'viewer' }]);
    // A viewer reads but cannot create or publish.
    expect((await consoleCall(app, session, 'GET', '/v1/admin/prompts')).status).toBe(200);
    const refused = await consoleCall(app, session, 'POST', '/v1/admin/prompts', { body: checklistInput(`sso-${run}`) });
    expect((await errorOf(refused)).code).toBe('forbidden_role');

    // Olga maps to owner through a second group: the highest role wins; her audit log shows both sign-ins.
    const olga = await ssoSignIn(app, PEOPLE.olga.login);
    expect(olga.info.projects).toEqual([{ id: 'acme', name: 'Acme', role: 'owner' }]);
    const audit = (await (await consoleCall(app, olga.session, 'GET', '/v1/admin/audit')).json()) as { entries: AuditEntry[] };
    const signIns = audit.entries.filter((e) => e.action === 'sign-in' && e.target?.endsWith('(single sign-on)'));
    expect(signIns.map((e) => e.actor)).toEqual(expect.arrayContaining([PEOPLE.vera.email, PEOPLE.olga.email]));

    // Signing out ends the session here and sends the browser to the provider's end-session page.
    const out = await consoleCall(app, session, 'DELETE', '/v1/admin/session');
    expect(out.status).toBe(200);
    const { endSessionUrl } = (await out.json()) as { endSessionUrl: string };
    const end = new URL(endSessionUrl);
    expect(end.origin).toBe(provider.issuer);
    expect(end.searchParams.get('client_id')).toBe(CLIENT.clientId);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(AFTER_SIGN_OUT);
    expect((await errorOf(await consoleCall(app, session, 'GET', '/v1/admin/prompts'))).code).toBe('session_expired');
  });

  it('uses a state once, only in the browser that started it', async () => {
    const app = await start();
    const { authorizationUrl, stateCookie } = await startSso(app);
    const back = await signInAtProvider(authorizationUrl, PEOPLE.vera.login, REDIRECT_URI);
    // Another browser (no cookie, or another sign-in's) cannot finish this one.
    const other = await startSso(app);
    for (const cookie of ['', other.stateCookie]) {
      expect((await callback(app, back, cookie)).headers.get('Location')).toBe('/admin/?sso_error=sso_state_mismatch');
    }
    expect((await callback(app, back, stateCookie)).headers.get('Location')).toBe('/admin/');
    // The same answer replayed, even with the right cookie, signs nobody in.
    const replay = await callback(app, back, stateCookie);
    expect(replay.headers.get('Location')).toBe('/admin/?sso_error=sso_state_used');
    expect(replay.headers.get('Set-Cookie') ?? '').not.toContain('hearth_admin=');
  });

  it('refuses people without a mapped role or a verified email, and makes no account for them', async () => {
    const app = await start();
    for (const [person, code] of [
      [PEOPLE.mallory, 'sso_no_role'],
      [PEOPLE.una, 'sso_email_unverified'],
    ] as const) {
      const { authorizationUrl, stateCookie } = await startSso(app);
      const back = await signInAtProvider(authorizationUrl, person.login, REDIRECT_URI);
      const res = await callback(app, back, stateCookie);
      expect(res.headers.get('Location'), person.login).toBe(`/admin/?sso_error=${code}`);
      expect(res.headers.get('Set-Cookie') ?? '').not.toContain('hearth_admin=');
    }
    const owner = await ssoSignIn(app, PEOPLE.olga.login);
    const members = (await (await consoleCall(app, owner.session, 'GET', '/v1/admin/team/members')).json()) as MemberList;
    expect(members.members.map((m) => m.email)).not.toContain(PEOPLE.mallory.email);
  });

  it('refuses a provider whose discovery document names another issuer', async () => {
    // Same server, other name: its metadata says http://localhost:…, not http://127.0.0.1:….
    const app = await start(ssoConfig(provider.issuer.replace('localhost', '127.0.0.1')));
    const res = await app.request('/v1/admin/oidc/start');
    expect(res.headers.get('Location')).toBe('/admin/?sso_error=sso_unavailable');
  });
});
