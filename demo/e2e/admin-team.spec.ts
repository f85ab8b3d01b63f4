import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startCollector } from '@hearth/collector';
import { DEMO_ADMIN_EMAIL } from '../server/demo-admin.js';
import { demoCollectorConfig, loadDemoProject } from '../server/demo-project.js';
import { demoPaths } from '../server/paths.js';
import { adminConsole, promptEditor, seriousViolations } from './admin-console.js';

/** The demo's configuration with a second project, so the switcher has something to scope. */
function twoProjectConfig() {
  const config = demoCollectorConfig('http://127.0.0.1:9');
  config.projects.push({ id: 'beta', name: 'Beta', publicKey: 'pk_demo_beta_public', secretKeys: ['sk_demo_beta_secret_change_me'] });
  return config;
}

/** Creates an invitation on the Team page and returns its one-time link. */
async function invite(page: Page, email: string, role: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption(role);
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  const link = page.getByLabel(`Invitation link for ${email} (${role})`);
  await expect(link).toHaveValue(/\/admin\/invite#[A-Za-z0-9_-]{43}$/);
  const value = await link.inputValue();
  expect(await seriousViolations(page), 'team page').toEqual([]);
  await page.getByRole('button', { name: 'Done' }).click();
  return value;
}

/** Opens the link in a browser of its own, creates the account and lands in the console. */
async function acceptInvitation(browser: Browser, link: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await expect(page.getByText(/is invited to/)).toBeVisible();
  expect(await seriousViolations(page), 'invitation page').toEqual([]);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Choose a password').fill(`${name}-long-password`);
  await page.getByRole('button', { name: 'Create account and join' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checklists' })).toBeVisible();
  return page;
}

test('an owner invites an editor and a viewer: the viewer cannot publish, the editor can, and the audit log names each', async ({
  page,
  browser,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'hearth-team-'));
  const collector = await startCollector({
    config: twoProjectConfig(),
    sqliteFile: join(dir, 'events.sqlite'),
    port: 0,
    host: '127.0.0.1',
    widgetDir: demoPaths.widgetDist,
  });
  try {
    const run = randomBytes(3).toString('hex');
    const [editorEmail, viewerEmail] = [`editor-${run}@acme.test`, `viewer-${run}@acme.test`];
    const draft = `team-tour-${run}`;
    const { secret } = loadDemoProject();
    const created = await page.request.post(`${collector.url}/v1/admin/prompts`, {
      headers: { Authorization: `Bearer ${secret}` },
      data: {
        id: draft,
        name: `Team tour ${run}`,
        kind: 'checklist',
        status: 'draft',
        content: {
          title: `Team tour ${run}`,
          items: [{ id: 'one', title: 'Do one thing', completeWhen: { type: 'event', event: 'One' } }],
        },
      },
    });
    expect(created.status()).toBe(201);

    await adminConsole(page, collector.url).signIn();
    // The owner has a role in both projects: the switcher offers both.
    await expect(page.getByLabel('Project').locator('option')).toHaveText(['Acme Projects (demo) (owner)', 'Beta (owner)']);
    const editorLink = await invite(page, editorEmail, 'editor');
    const viewerLink = await invite(page, viewerEmail, 'viewer');
    const editor = await acceptInvitation(browser, editorLink, 'Eddie');
    const viewer = await acceptInvitation(browser, viewerLink, 'Vera');

    // The viewer has a role in one project only: no switcher, just that project and role.
    await expect(viewer.getByLabel('Project')).toHaveCount(0);
    await expect(viewer.getByRole('complementary', { name: 'Sidebar' })).toContainText('Acme Projects (demo) (viewer)');
    await viewer.getByRole('link', { name: `Team tour ${run}` }).click();
    await expect(viewer.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
    await expect(viewer.getByText('viewers cannot save, publish or archive')).toBeVisible();
    // The API refuses too, even with the session's own CSRF token.
    const { csrfToken } = (await (await viewer.request.get(`${collector.url}/v1/admin/session`)).json()) as { csrfToken: string };
    const refused = await viewer.request.post(`${collector.url}/v1/admin/prompts/${draft}/publish`, {
      headers: { 'X-Hearth-CSRF': csrfToken },
    });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden_role');

    await editor.getByRole('link', { name: `Team tour ${run}` }).click();
    await promptEditor(editor).publish();

    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await expect(page.getByRole('row')).not.toHaveCount(1);
    expect(await seriousViolations(page), 'audit log').toEqual([]);
    const row = (actor: string, action: string, target: string) =>
      page
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: actor, exact: true }) })
        .filter({ hasText: action })
        .filter({ hasText: target });
    await expect(row(DEMO_ADMIN_EMAIL, 'Invited', `${editorEmail} as editor`)).toHaveCount(1);
    await expect(row(DEMO_ADMIN_EMAIL, 'Invited', `${viewerEmail} as viewer`)).toHaveCount(1);
    await expect(row(editorEmail, 'Accepted an invitation', `${editorEmail} as editor`)).toHaveCount(1);
    await expect(row(viewerEmail, 'Accepted an invitation', `${viewerEmail} as viewer`)).toHaveCount(1);
    await expect(row(editorEmail, 'Published', `prompts/${draft}`)).toHaveCount(1);
    await expect(row('secret-key', 'Created', `prompts/${draft}`)).toHaveCount(1);
    await expect(
      page
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: viewerEmail, exact: true }) })
        .filter({ hasText: 'Published' }),
    ).toHaveCount(0);
    // Neither the editor nor the viewer sees the audit log.
    await expect(editor.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
    await expect(viewer.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  } finally {
    await collector.close();
    await rm(dir, { recursive: true, force: true });
  }
});
