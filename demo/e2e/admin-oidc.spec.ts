import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startCollector } from '@hearth/collector';
import { startTestProvider } from '../../packages/collector/src/test-support/oidc-provider.js';
import { demoCollectorConfig, loadDemoProject } from '../server/demo-project.js';
import { freePort } from '../server/free-port.js';
import { demoPaths } from '../server/paths.js';
import { adminConsole, seriousViolations } from './admin-console.js';

const CLIENT = { clientId: 'hearth-console', clientSecret: 'e2e-client-secret-for-the-local-provider' };
const VERA = { login: 'vera', email: 'vera@acme.test', name: 'Vera Viewer', groups: ['staff'] };
const MALLORY = { login: 'mallory', email: 'mallory@acme.test', name: 'Mallory', groups: ['marketing'] };

/** At the provider's own (development) pages: types the login and any password, then consents. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('single sign-on against a local OpenID Connect provider: the mapped role applies, unmapped people are refused, sign-out ends both sessions', async ({
  page: mallory,
  browser,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'hearth-oidc-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const provider = await startTestProvider({
    ...CLIENT,
    redirectUri: `${origin}/v1/admin/oidc/callback`,
    postLogoutRedirectUri: `${origin}/admin/`,
    people: [VERA, MALLORY],
  });
  const { project, secret } = loadDemoProject();
  const config = demoCollectorConfig('http://127.0.0.1:9');
  config.admin = {
    ...config.admin,
    oidc: {
      issuer: provider.issuer,
      ...CLIENT,
      redirectUri: `${origin}/v1/admin/oidc/callback`,
      postLogoutRedirectUri: `${origin}/admin/`,
      scopes: ['openid', 'email', 'profile', 'groups'],
      rolesClaim: 'groups',
      roleMapping: { staff: { [project.id]: 'viewer' } },
    },
  };
  const collector = await startCollector({
    config,
    sqliteFile: join(dir, 'events.sqlite'),
    port,
    host: '127.0.0.1',
    widgetDir: demoPaths.widgetDist,
  });
  try {
    // Someone the provider knows but whose groups map to no Hearth role is sent back with a reason.
    await mallory.goto(`${collector.url}/admin/`);
    await mallory.getByRole('link', { name: 'Sign in with SSO' }).click();
    await signInAtProvider(mallory, MALLORY.login);
    await expect(mallory.getByRole('alert')).toContainText('gives you no role in Hearth');
    await expect(mallory).toHaveURL(`${origin}/admin/`);

    // Vera, in her own browser: her "staff" group maps to viewer, so she lands in the console, where
    // she can look but not publish.
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${collector.url}/admin/`);
    await page.getByRole('link', { name: 'Sign in with SSO' }).click();
    await signInAtProvider(page, VERA.login);
    await expect(page.getByRole('heading', { level: 1, name: 'Checklists' })).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Sidebar' })).toContainText(`${project.name} (viewer)`);
    expect(await seriousViolations(page), 'checklists after single sign-on').toEqual([]);
    await adminConsole(page, collector.url).openChecklist('Onboarding: workspace admins');
    // A live checklist: its editor offers Save and Archive, both locked for a viewer.
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Archive', exact: true })).toBeDisabled();
    await expect(page.getByText('viewers cannot save, publish or archive')).toBeVisible();
    const { csrfToken } = (await (await page.request.get(`${collector.url}/v1/admin/session`)).json()) as { csrfToken: string };
    const refused = await page.request.post(`${collector.url}/v1/admin/prompts/admin-onboarding/publish`, {
      headers: { 'X-Hearth-CSRF': csrfToken },
    });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden_role');
    const [sessionCookie] = (await page.context().cookies(`${origin}/v1/admin/session`)).filter((c) => c.name === 'hearth_admin');
    expect(sessionCookie).toBeDefined();

    // Signing out ends the console session and goes through the provider's sign-out back to the console.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect(page).toHaveURL(`${origin}/admin/`);
    await expect(page.getByRole('link', { name: 'Sign in with SSO' })).toBeVisible();
    // The old cookie, replayed, opens nothing: the session is gone from the store.
    const replayed = await page.request.get(`${collector.url}/v1/admin/prompts`, {
      headers: { Cookie: `hearth_admin=${sessionCookie!.value}` },
    });
    expect(replayed.status()).toBe(401);
    // The secret key still works: only the person's session ended.
    const withKey = await page.request.get(`${collector.url}/v1/admin/prompts`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(withKey.status()).toBe(200);
  } finally {
    await collector.close();
    await provider.close();
    await rm(dir, { recursive: true, force: true });
  }
});
