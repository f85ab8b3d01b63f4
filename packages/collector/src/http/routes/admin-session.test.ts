import { beforeAll, describe, expect, it } from 'vitest';
import { NOW, errorOf, testApp, testConfig } from '../../test-support/http.js';
import { admin, checklistInput } from '../../test-support/prompts.js';
import { hashAdminPassword, verifyAdminPassword } from '../../crypto/scrypt-password.js';
import { OWNER_EMAIL, sessionOf, signInRequest } from '../../test-support/console.js';

const PASSWORD = 'correct horse battery staple';
// A cheap cost keeps the suite fast; production hashes use the default cost.
const CHEAP = { N: 1_024, r: 8, p: 1 };
let passwordHash = '';
beforeAll(async () => {
  passwordHash = await hashAdminPassword(PASSWORD, CHEAP);
});

function consoleApp(admin: Record<string, unknown> = { passwordHash }, env: Record<string, string> = {}) {
  let now = NOW;
  const config = testConfig({}, { admin });
  const { app } = testApp({ config, env, clock: () => now });
  return { app, advance: (ms: number) => (now += ms) };
}
type App = ReturnType<typeof consoleApp>['app'];

const signIn = (app: App, password: string, headers: Record<string, string> = {}, url?: string) =>
  signInRequest(app, OWNER_EMAIL, password, headers, url);

const session = async (app: App) => sessionOf(await signIn(app, PASSWORD));

const call = (app: App, method: string, path: string, headers: Record<string, string>) => app.request(path, { method, headers });

describe('admin console: sign-in', () => {
  it('sets an httpOnly, SameSite=Strict cookie scoped to the admin API, Secure only over HTTPS', async () => {
    const { app } = consoleApp();
    const plain = (await signIn(app, PASSWORD)).headers.get('Set-Cookie') ?? '';
    expect(plain).toMatch(/^hearth_admin=[^;]+; Max-Age=43200; Path=\/v1\/admin; HttpOnly; SameSite=Strict$/);
    const https = (await signIn(app, PASSWORD, {}, 'https://collector.test/v1/admin/session')).headers.get('Set-Cookie') ?? '';
    expect(https).toContain('; Secure');
    const proxied = (await signIn(app, PASSWORD, { 'X-Forwarded-Proto': 'https' })).headers.get('Set-Cookie') ?? '';
    expect(proxied).toContain('; Secure');
  });

  it('refuses a wrong password and reports the session state', async () => {
    const { app } = consoleApp();
    const wrong = await signIn(app, 'guess');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('Set-Cookie')).toBeNull();
    expect((await errorOf(wrong)).code).toBe('wrong_password');
    expect((await call(app, 'GET', '/v1/admin/session', {})).status).toBe(401);
    const { cookie, csrfToken } = await session(app);
    const state = await call(app, 'GET', '/v1/admin/session', { Cookie: cookie });
    expect(await state.json()).toMatchObject({
      signedIn: true,
      csrfToken,
      user: { email: OWNER_EMAIL },
      projects: [{ id: 'acme', name: 'Acme', role: 'owner' }],
    });
  });

  it('takes HEARTH_ADMIN_PASSWORD when no hash is configured, and refuses sign-in when neither is set', async () => {
    const fromEnv = consoleApp({}, { HEARTH_ADMIN_PASSWORD: 'from-the-environment' }).app;
    expect((await signIn(fromEnv, 'from-the-environment')).status).toBe(201);
    expect((await signIn(fromEnv, PASSWORD)).status).toBe(401);
    const none = await signIn(consoleApp({}).app, PASSWORD);
    expect(none.status).toBe(403);
    expect((await errorOf(none)).code).toBe('admin_not_configured');
  });

  it('rate-limits failed sign-ins per client with Retry-After, even for the right password', async () => {
    const { app, advance } = consoleApp();
    for (let i = 0; i < 5; i += 1) expect((await signIn(app, `guess-${i}`)).status).toBe(401);
    const limited = await signIn(app, PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('900');
    expect((await signIn(app, PASSWORD, { 'x-test-client': 'client-2' })).status).toBe(201);
    advance(10 * 60_000);
    expect(Number((await signIn(app, PASSWORD)).headers.get('Retry-After'))).toBe(300);
    advance(5 * 60_000);
    expect((await signIn(app, PASSWORD)).status).toBe(201);
  });

  it('counts concurrent guesses before their passwords are hashed: most of 40 at once get 429', async () => {
    const { app } = consoleApp();
    const statuses = (await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(app, `guess-${i}`)))).map((res) => res.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(35);
    // From many addresses at once, only a bounded number of password checks run together.
    const spread = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(app, `guess-${i}`, { 'x-test-client': `spread-${i}` })));
    expect(spread.filter((res) => res.status === 401).length).toBeLessThanOrEqual(8);
  });

  it('does not let 50 wrong guesses from anywhere lock the right password out of a new address', async () => {
    const { app, advance } = consoleApp();
    for (let i = 0; i < 50; i += 1) expect((await signIn(app, `guess-${i}`, { 'x-test-client': `attacker-${i % 10}` })).status).toBe(401);
    expect((await signIn(app, PASSWORD, { 'x-test-client': 'the-admin' })).status).toBe(201);
    // The collector-wide limit still bites: under attack every address that failed once waits.
    expect((await signIn(app, 'guess', { 'x-test-client': 'fresh' })).status).toBe(401);
    const again = await signIn(app, PASSWORD, { 'x-test-client': 'fresh' });
    expect(again.status).toBe(429);
    expect((await signIn(app, 'guess', { 'x-test-client': 'attacker-0' })).status).toBe(429);
    advance(15 * 60_000);
    expect((await signIn(app, PASSWORD, { 'x-test-client': 'fresh' })).status).toBe(201);
  });
});

describe('admin console: authorising admin API calls', () => {
  it('lets a session read, but change state only with the CSRF token of that same session', async () => {
    const { app } = consoleApp();
    expect((await admin(app, 'POST', '/v1/admin/prompts', { body: checklistInput('onboarding', { status: 'draft' }) })).status).toBe(201);
    const { cookie, csrfToken } = await session(app);
    const other = await session(app);
    expect((await call(app, 'GET', '/v1/admin/prompts', { Cookie: cookie, Origin: 'http://collector.test' })).status).toBe(200);
    const publish = (headers: Record<string, string>) =>
      call(app, 'POST', '/v1/admin/prompts/onboarding/publish', { Cookie: cookie, ...headers });
    const missing = await publish({});
    expect(missing.status).toBe(403);
    expect((await errorOf(missing)).code).toBe('csrf_failed');
    expect((await publish({ 'X-Hearth-CSRF': other.csrfToken })).status).toBe(403);
    const done = await publish({ 'X-Hearth-CSRF': csrfToken });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ prompt: { status: 'live' } });
  });

  it('refuses unknown and expired cookies, and cookies after sign-out', async () => {
    const { app, advance } = consoleApp();
    const { cookie, csrfToken } = await session(app);
    const [name, value = ''] = cookie.split('=');
    for (const forged of [`${name}=${value.slice(1)}x`, `${name}=x`]) {
      const res = await call(app, 'GET', '/v1/admin/prompts', { Cookie: forged });
      expect((await errorOf(res)).code).toBe('session_expired');
    }
    const out = await call(app, 'DELETE', '/v1/admin/session', { Cookie: cookie, 'X-Hearth-CSRF': csrfToken });
    expect(out.status).toBe(204);
    expect(out.headers.get('Set-Cookie')).toMatch(/^hearth_admin=; Max-Age=0/);
    expect((await call(app, 'GET', '/v1/admin/prompts', { Cookie: cookie })).status).toBe(401);

    const later = await session(app);
    advance(12 * 3_600_000);
    expect((await call(app, 'GET', '/v1/admin/prompts', { Cookie: later.cookie })).status).toBe(401);
  });

  it('keeps secret-key calls working and picks the project from X-Hearth-Project', async () => {
    const { app } = consoleApp();
    const { cookie } = await session(app);
    expect((await call(app, 'GET', '/v1/admin/prompts', { Authorization: 'Bearer sk_test_acme_secret_0001' })).status).toBe(200);
    expect((await call(app, 'GET', '/v1/admin/prompts', { Cookie: cookie, 'X-Hearth-Project': 'acme' })).status).toBe(200);
    const unknown = await call(app, 'GET', '/v1/admin/prompts', { Cookie: cookie, 'X-Hearth-Project': 'nope' });
    expect((await errorOf(unknown)).code).toBe('project_not_found');
  });
});

describe('admin console: every admin route', () => {
  it('accepts the session where it accepts a secret key, and nothing without either', async () => {
    const { app } = consoleApp();
    const { cookie } = await session(app);
    for (const path of ['/v1/admin/prompts', '/v1/admin/announcements', '/v1/admin/kpi/checklists/none', '/v1/admin/kpi/surveys/none']) {
      const signedIn = await call(app, 'GET', path, { Cookie: cookie });
      expect([200, 404], `${path} with a session`).toContain(signedIn.status);
      const anonymous = await call(app, 'GET', path, {});
      expect(anonymous.status, `${path} without credentials`).toBe(401);
    }
    const remove = await call(app, 'DELETE', '/v1/admin/announcements/none', { Cookie: cookie });
    expect((await errorOf(remove)).code).toBe('csrf_failed');
  });
});

describe('admin console: password hashes', () => {
  it("replaces the configured scrypt hash by an Argon2id one at the first owner's first sign-in", async () => {
    const { app, store } = testApp({ config: testConfig({}, { admin: { passwordHash } }) });
    expect((await signIn(app, PASSWORD)).status).toBe(201);
    const owner = await store.team.accountByEmail(OWNER_EMAIL);
    expect(owner?.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await signIn(app, PASSWORD)).status).toBe(201);
    expect((await signIn(app, 'wrong')).status).toBe(401);
  });

  it('verifies only the hashed password and rejects malformed hashes', async () => {
    expect(await verifyAdminPassword(PASSWORD, passwordHash)).toBe(true);
    expect(await verifyAdminPassword(`${PASSWORD} `, passwordHash)).toBe(false);
    expect(await verifyAdminPassword(PASSWORD, 'bcrypt$whatever')).toBe(false);
  });
});
