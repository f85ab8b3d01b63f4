import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { CollectorConfigInput } from '@hearth/schema';
import { DEMO_ADMIN_EMAIL } from '../server/demo-admin.js';
import { acmeApp } from './acme-app.js';
import { adminConsole, promptEditor, seriousViolations } from './admin-console.js';
import { checklistPanel } from './checklist-fixtures.js';
import { withHearthStack } from './fixtures.js';

/** A second project next to the demo's, so the switcher has something to scope. */
const addBetaProject = (config: CollectorConfigInput) =>
  config.projects.push({ id: 'beta', name: 'Beta', publicKey: 'pk_demo_beta_public', secretKeys: ['sk_demo_beta_secret_change_me'] });

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

/** The id the gallery's role-based onboarding checklist comes with. */
const TEMPLATE_ID = 'admin-onboarding-steps';

test('an owner invites an editor and a viewer; the editor builds a checklist from a template and publishes it to the app, the viewer cannot, and the audit log names each', async ({
  page,
  browser,
}) =>
  withHearthStack(
    async ({ collector, demoUrl }) => {
      const run = randomBytes(3).toString('hex');
      const [editorEmail, viewerEmail] = [`editor-${run}@acme.test`, `viewer-${run}@acme.test`];

      await adminConsole(page, collector.url).signIn();
      // The owner has a role in both projects: the switcher offers both.
      await expect(page.getByLabel('Project').locator('option')).toHaveText(['Acme Projects (demo) (owner)', 'Beta (owner)']);
      const editorLink = await invite(page, editorEmail, 'editor');
      const viewerLink = await invite(page, viewerEmail, 'viewer');
      const editor = await acceptInvitation(browser, editorLink, 'Eddie');
      const editing = promptEditor(editor);

      // The editor starts from the gallery: the template opens as an unsaved draft, then is saved.
      await editor.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Templates' }).click();
      await editor.getByRole('link', { name: 'Use this template: Role-based onboarding checklist' }).click();
      await expect(editor.getByRole('heading', { level: 1, name: 'New checklist' })).toBeVisible();
      await expect(editor.getByLabel('Id (used in events and URLs)')).toHaveValue(TEMPLATE_ID);
      await expect(editor.getByTestId('preview')).toContainText('Set up your workspace');
      // Its internal name tells it apart from the demo's own admin checklist in the lists.
      const name = `Admin setup ${run}`;
      await editor.getByLabel('Internal name').fill(name);
      await editing.save();
      await expect(editor.getByRole('heading', { level: 1, name: `Checklist: ${name}` })).toBeVisible();

      const viewer = await acceptInvitation(browser, viewerLink, 'Vera');
      // The viewer has a role in one project only: no switcher, just that project and role.
      await expect(viewer.getByLabel('Project')).toHaveCount(0);
      await expect(viewer.getByRole('complementary', { name: 'Sidebar' })).toContainText('Acme Projects (demo) (viewer)');
      await viewer.getByRole('link', { name }).click();
      await expect(viewer.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
      await expect(viewer.getByText('viewers cannot save, publish or archive')).toBeVisible();
      // The API refuses too, even with the session's own CSRF token.
      const { csrfToken } = (await (await viewer.request.get(`${collector.url}/v1/admin/session`)).json()) as { csrfToken: string };
      const refused = await viewer.request.post(`${collector.url}/v1/admin/prompts/${TEMPLATE_ID}/publish`, {
        headers: { 'X-Hearth-CSRF': csrfToken },
      });
      expect(refused.status()).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden_role');

      // The editor retitles it, watching the live preview follow, puts it first and publishes it.
      const title = `Welcome aboard, ${run}`;
      await editor.getByLabel('Title', { exact: true }).fill(title);
      await expect(editor.getByTestId('preview').getByRole('heading', { name: title })).toBeVisible();
      await editing.openSection('Frequency');
      // The demo already has an admin checklist; the app shows one at a time, the highest priority first.
      await editor.getByLabel('Priority (higher wins under the fatigue budget)').fill('10');
      await editing.save();
      await editing.publish();

      // An admin of the demo app now gets it.
      const app = await (await browser.newContext({ baseURL: demoUrl })).newPage();
      await app.goto('/');
      await acmeApp(app).signIn('ada@acme.test');
      const { panel, item } = checklistPanel(app);
      await expect(panel.getByRole('heading', { name: title })).toBeVisible();
      for (const step of ['Create your first project', 'Invite a teammate as admin', 'Choose a plan'])
        await expect(item(step)).toBeVisible();

      await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
      await expect(page.getByRole('row')).not.toHaveCount(1);
      expect(await seriousViolations(page), 'audit log').toEqual([]);
      const rows = (actor: string, action: string, target: string) =>
        page
          .getByRole('row')
          .filter({ has: page.getByRole('cell', { name: actor, exact: true }) })
          .filter({ hasText: action })
          .filter({ hasText: target });
      await expect(rows(DEMO_ADMIN_EMAIL, 'Invited', `${editorEmail} as editor`)).toHaveCount(1);
      await expect(rows(DEMO_ADMIN_EMAIL, 'Invited', `${viewerEmail} as viewer`)).toHaveCount(1);
      await expect(rows(editorEmail, 'Accepted an invitation', `${editorEmail} as editor`)).toHaveCount(1);
      await expect(rows(viewerEmail, 'Accepted an invitation', `${viewerEmail} as viewer`)).toHaveCount(1);
      await expect(rows(editorEmail, 'Created', `prompts/${TEMPLATE_ID}`)).toHaveCount(1);
      await expect(rows(editorEmail, 'Saved', `prompts/${TEMPLATE_ID}`)).toHaveCount(1);
      await expect(rows(editorEmail, 'Published', `prompts/${TEMPLATE_ID}`)).toHaveCount(1);
      // The viewer's refused publish changed nothing, so it is not an entry.
      await expect(
        page
          .getByRole('row')
          .filter({ has: page.getByRole('cell', { name: viewerEmail, exact: true }) })
          .filter({ hasText: 'Published' }),
      ).toHaveCount(0);
      // Neither the editor nor the viewer sees the audit log.
      await expect(editor.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
      await expect(viewer.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
    },
    { configure: addBetaProject },
  ));
