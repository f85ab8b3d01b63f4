import type { Page } from '@playwright/test';
import { loadDemoProject } from '../server/demo-project.js';
import { acmeApp } from './acme-app.js';
import { adminConsole, seriousViolations } from './admin-console.js';
import { checklistPanel, expect, roleSetup, test } from './checklist-fixtures.js';

/** The project brand colour as the widget applies it: a custom property on its root inside the shadow root. */
const widgetBrand = (demo: Page) =>
  demo
    .locator('.root')
    .first()
    .evaluate((root) => (root as HTMLElement).style.getPropertyValue('--hearth-config-brand'));

test('settings edited in the console apply to the demo without restarting the collector', async ({ page, browser, request, stack }) => {
  const { user, checklist } = roleSetup('admin');
  const demo = await browser.newPage({ baseURL: stack.demoUrl });
  await demo.goto('/');
  await acmeApp(demo).signIn(user.email);
  await expect(checklistPanel(demo).panel).toContainText(checklist.content.title);
  expect(await widgetBrand(demo)).not.toBe('#0a7f5a');

  await adminConsole(page, stack.collector.url).signIn();
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Project settings' })).toBeVisible();
  expect(await seriousViolations(page), 'settings page').toEqual([]);

  // From the keyboard: an invalid colour is refused at the field, nothing is sent.
  const brand = page.getByLabel('Brand colour (hex)');
  await brand.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('green');
  await page.keyboard.press('Enter');
  await expect(page.locator('#theme-brand-error')).toHaveText('brandColor must be a hex colour such as #4f46e5');
  await expect(brand).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('#0a7f5a');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
  await expect(page.getByRole('img', { name: /brand colour #0a7f5a/ })).toBeVisible();

  await demo.reload();
  await expect(checklistPanel(demo).panel).toBeVisible();
  await expect.poll(() => widgetBrand(demo)).toBe('#0a7f5a');

  // Rotation: the new secret is shown once, and both fingerprints are active.
  const fingerprints = page.getByRole('list', { name: 'Active secret key fingerprints' }).getByRole('listitem');
  await expect(fingerprints).toHaveCount(1);
  await page.getByRole('button', { name: 'Rotate secret key' }).click();
  const secret = page.getByRole('region', { name: 'New secret: New secret key' });
  await expect(secret.getByLabel('New secret key')).toHaveValue(/^sk_[0-9a-f]{48}$/);
  await expect(fingerprints).toHaveCount(2);
  expect(await seriousViolations(page), 'settings page with a new secret').toEqual([]);
  await secret.getByRole('button', { name: 'I stored it' }).click();
  await expect(secret).toHaveCount(0);

  // Replace the demo's development wildcard with real origins: the collector's next answer follows.
  const origin = 'https://beta.acme.example';
  const state = (from: string) =>
    request.get(`${stack.collector.url}/v1/state?key=${loadDemoProject().project.publicKey}&anonymousId=anon-e2e`, {
      headers: { Origin: from },
    });
  expect((await state(origin)).headers()['access-control-allow-origin']).toBe('*');
  await page.getByRole('textbox', { name: 'Origin 1', exact: true }).fill(new URL(stack.demoUrl).origin);
  await page.getByRole('button', { name: 'Add origin' }).click();
  await page.getByRole('textbox', { name: 'Origin 2', exact: true }).fill(origin);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
  const allowed = await state(origin);
  expect(allowed.status()).toBe(200);
  expect(allowed.headers()['access-control-allow-origin']).toBe(origin);
  expect((await state('https://elsewhere.example')).status()).toBe(403);
  await demo.reload();
  await expect(checklistPanel(demo).panel).toContainText(checklist.content.title);

  // After a reload the secret is gone for good; the fingerprints and the changes stay.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Project settings' })).toBeVisible();
  await expect(fingerprints).toHaveCount(2);
  await expect(page.getByRole('region', { name: /New secret/ })).toHaveCount(0);
  await expect(page.getByLabel('Brand colour (hex)')).toHaveValue('#0a7f5a');
  await expect(page.getByRole('textbox', { name: 'Origin 2', exact: true })).toHaveValue(origin);
  await demo.close();
});

test('an owner sets how long raw events are kept, after reading what the dashboard still answers once they expire', async ({
  page,
  stack,
}) => {
  await adminConsole(page, stack.collector.url).signIn();
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Settings' }).click();
  const retention = page.getByRole('group', { name: 'Data retention' });
  const days = retention.getByLabel('Keep raw events for (days)');
  await expect(days).toHaveValue('');
  await retention.getByText('What the dashboard still answers after events expire').click();
  await expect(retention.getByRole('listitem').filter({ hasText: 'Unchanged:' })).toContainText('active users, churn and retention');
  await expect(retention.getByRole('listitem').filter({ hasText: 'Only within the kept events:' })).toContainText('checklist KPIs');

  await days.fill('3');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#event-retention-days-error')).toHaveText('eventRetentionDays must be at least 7');
  await days.fill('30');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();

  // Stored and applied: the collector's project now expires events after 30 days.
  await page.reload();
  await expect(page.getByRole('group', { name: 'Data retention' }).getByLabel('Keep raw events for (days)')).toHaveValue('30');
  expect((await stack.store.settings.get(stack.projectId))?.overrides).toMatchObject({ eventRetentionDays: 30 });
});
