import { readFile } from 'node:fs/promises';
import type { StoredEvent } from '@hearth/collector';
import { acmeApp } from './acme-app.js';
import { adminConsole, seriousViolations } from './admin-console.js';
import { expect, test } from './checklist-fixtures.js';

// Deleting changes the store, so each test gets its own collector (the checklist fixture's `stack`).
test('a product manager finds a demo user, exports them, deletes them, and they are gone', async ({ page, browser, stack }) => {
  const ada = { id: 'usr_ada', email: 'ada@acme.test' };
  // In the demo, Ada signs in and creates a project: that is what Hearth now holds about her.
  const demo = await browser.newPage({ baseURL: stack.demoUrl });
  await demo.goto('/');
  await acmeApp(demo).signIn(ada.email);
  await acmeApp(demo).createProject('Apollo launch');
  const names = async () => (await stack.store.listEvents(stack.projectId, { userId: ada.id })).map((e) => e.name);
  await expect.poll(names).toContain('Project Created');
  // Her browser must stop sending before she is deleted, or her next batch would bring her back.
  await demo.close();
  const held = await stack.store.listEvents(stack.projectId, { userId: ada.id });

  await adminConsole(page, stack.collector.url).signIn();
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await page.getByLabel('User id starts with').fill('usr_a');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('table', { name: 'Users, by id' }).getByRole('link', { name: ada.id }).click();
  await expect(page.getByRole('heading', { level: 1, name: `User ${ada.id}` })).toBeVisible();
  await expect(page.getByRole('table', { name: /The last 50 events/ })).toContainText('Project Created');
  await expect(page.getByRole('region', { name: 'Traits' })).toContainText(ada.email);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  expect(download.suggestedFilename()).toBe(`hearth-user-${ada.id}.json`);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as { user: { userId: string }; events: StoredEvent[] };
  expect(exported.user.userId).toBe(ada.id);
  expect(exported.events.map((e) => e.messageId)).toEqual(expect.arrayContaining(held.map((e) => e.messageId)));
  expect(exported.events.find((e) => e.name === 'Project Created')?.properties).toMatchObject({ template: 'kanban' });

  const opener = page.getByRole('button', { name: 'Delete user…' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: `Delete user ${ada.id}?` });
  await expect(page.getByLabel('Type the user id to confirm')).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Delete user' })).toBeDisabled();
  await page.keyboard.type(ada.id);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Deleted ${ada.id}:` })).toContainText(`${exported.events.length} events`);
  await expect(dialog).toBeHidden();

  // Gone from the console's search and from every read of the store.
  await page.getByRole('link', { name: 'Back to users' }).click();
  await page.getByLabel('User id starts with').fill(ada.id);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { name: 'No users match' })).toBeVisible();
  expect(await stack.store.listEvents(stack.projectId, { userId: ada.id })).toEqual([]);
  for (const anonymousId of new Set(held.map((e) => e.anonymousId)))
    expect(await stack.store.listEvents(stack.projectId, { anonymousId })).toEqual([]);
  expect(await stack.store.getUser(stack.projectId, ada.id)).toBeNull();
});

test('the Users pages work from the keyboard and have no serious or critical axe violations', async ({ page, stack }) => {
  await stack.store.writeEvents([
    {
      projectId: stack.projectId,
      messageId: 'seed-identify-max',
      type: 'identify',
      name: null,
      anonymousId: 'anon-max',
      userId: 'usr_max',
      timestamp: Date.now(),
      receivedAt: Date.now(),
      verified: false,
      properties: {},
      traits: { plan: 'free' },
      context: null,
      payloadHash: 'seed',
    },
  ]);
  await adminConsole(page, stack.collector.url).signIn();
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Users' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  expect(await seriousViolations(page), 'users page, empty').toEqual([]);

  await page.getByLabel('User id starts with').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Trait (key:value)')).toBeFocused();
  await page.keyboard.type('plan');
  await page.keyboard.press('Enter');
  await expect(page.locator('#user-trait-error')).toHaveText('expected key:value, e.g. plan:pro');
  await page.keyboard.type(':free');
  await page.keyboard.press('Enter');
  const link = page.getByRole('table', { name: 'Users, by id' }).getByRole('link', { name: 'usr_max' });
  await expect(link).toBeVisible();
  expect(await seriousViolations(page), 'users page, results').toEqual([]);
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'User usr_max' })).toBeVisible();
  expect(await seriousViolations(page), 'user page').toEqual([]);

  const opener = page.getByRole('button', { name: 'Delete user…' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const input = page.getByLabel('Type the user id to confirm');
  await expect(input).toBeFocused();
  expect(await seriousViolations(page), 'delete dialog').toEqual([]);
  // Focus is trapped: Cancel is the last focusable (Delete is disabled), and Tab wraps to the input.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(opener).toBeFocused();
  expect(await stack.store.getUser(stack.projectId, 'usr_max')).not.toBeNull();
});
