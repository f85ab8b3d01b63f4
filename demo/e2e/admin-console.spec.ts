import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { acmeApp } from './acme-app.js';
import { adminConsole, seriousViolations } from './admin-console.js';
import { checklistPanel, doItemInApp, expect, expectItemDone, roleSetup, test } from './checklist-fixtures.js';
import { DEMO_ADMIN_EMAIL } from '../server/demo-admin.js';

const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/admin-console/', import.meta.url));

test('a checklist title edited in the console shows in the demo without restarting the collector', async ({
  page,
  browser,
  stack,
}, testInfo) => {
  const { user, checklist } = roleSetup('admin');
  const name = checklist.name ?? checklist.id;
  const demo = await browser.newPage({ baseURL: stack.demoUrl });
  await demo.goto('/');
  await acmeApp(demo).signIn(user.email);
  await expect(checklistPanel(demo).panel).toContainText(checklist.content.title);

  const admin = adminConsole(page, stack.collector.url);
  await admin.signIn();
  await admin.openChecklist(name);
  const title = page.getByLabel('Title', { exact: true });
  await expect(title).toHaveValue(checklist.content.title);
  await title.fill('');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // The schema's message, at the field, and nothing was sent.
  await expect(page.locator('#title-error')).toHaveText('title must not be empty');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await title.fill('Welcome, workspace admins');
  await admin.save();

  await demo.reload();
  await expect(checklistPanel(demo).panel).toContainText('Welcome, workspace admins');
  await expect(checklistPanel(demo).panel).not.toContainText(checklist.content.title);
  const [first] = checklist.content.items;
  if (!first) throw new Error('the admin checklist has no items');
  await doItemInApp(demo, first);
  await expectItemDone(checklistPanel(demo).item(first.title));

  await page.getByLabel('User id').fill(user.id);
  await page.getByRole('button', { name: 'Explain' }).click();
  await expect(page.getByText('Shown:')).toBeVisible();
  await page.getByLabel('User id').fill('usr_max');
  await page.getByRole('button', { name: 'Explain' }).click();
  await expect(page.getByText('Not shown:')).toBeVisible();

  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('tab', { name: 'Checklists' }).click();
  await page.getByLabel('Checklist', { exact: true }).selectOption(checklist.id);
  // The chart first; its numbers fold below it.
  await expect(page.getByRole('img', { name: /^Funnel: 1 users shown/ })).toBeVisible();
  await page.getByText('Table: Checklist summary').click();
  await page.getByText('Table: Completion per item').click();
  const funnel = page.getByRole('table', { name: /Completion per item/ });
  await expect(funnel).toBeVisible();
  // The KPI API's numbers for what happened in the demo: one admin shown, one item done.
  await expect(page.getByRole('table', { name: /Checklist summary/ }).getByRole('row', { name: /Users shown/ })).toContainText('1');
  await expect(funnel.getByRole('row', { name: new RegExp(first.title) })).toContainText(`${first.title}${first.id}1100`);
  const [download] = await Promise.all([page.waitForEvent('download'), funnel.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`${checklist.id}-funnel.csv`);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.split('\r\n')[1]).toBe(`${first.title},${first.id},1,100`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const shot = await page.screenshot({ path: `${SCREENSHOT_DIR}dashboard.png`, fullPage: true });
  await testInfo.attach('dashboard', { body: shot, contentType: 'image/png' });
  await demo.close();
});

test('the console works from the keyboard and has no serious or critical axe violations', async ({ page, stack }) => {
  await page.goto(`${stack.collector.url}/admin/`);
  expect(await seriousViolations(page), 'sign-in page').toEqual([]);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(DEMO_ADMIN_EMAIL);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type('wrong password');
  await page.keyboard.press('Enter');
  await expect(page.locator('#password-error')).toHaveText('That email and password do not match a console account.');
  await page.getByLabel('Password').fill('');
  await page.getByLabel('Password').pressSequentially('hearth-demo-admin');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Checklists' })).toBeVisible();
  expect(await seriousViolations(page), 'prompts page').toEqual([]);

  // Skip link, then the sidebar, all by Tab.
  const sidebar = page.getByRole('navigation', { name: 'Console' });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(sidebar.getByRole('link', { name: 'Dashboard' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  expect(await seriousViolations(page), 'dashboard').toEqual([]);

  for (const kind of ['Surveys', 'Announcements']) {
    await sidebar.getByRole('link', { name: kind }).press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: kind })).toBeVisible();
    expect(await seriousViolations(page), `${kind} list`).toEqual([]);
  }
  await sidebar.getByRole('link', { name: 'Checklists' }).press('Enter');
  const first = page.getByRole('table').getByRole('link').first();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /^Checklist: / })).toBeVisible();
  expect(await seriousViolations(page), 'checklist editor').toEqual([]);
  // The Audience section opens from the keyboard too.
  await page.locator('details.section summary').filter({ hasText: 'Audience' }).press('Enter');
  await page.getByRole('button', { name: 'Add rule' }).press('Enter');
  await expect(page.getByLabel('Rule 2')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).press('Enter');
  await expect(page.getByLabel('Password')).toBeVisible();
});
