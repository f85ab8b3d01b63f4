import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { adminConsole } from './admin-console.js';
import { expect, test } from './checklist-fixtures.js';

/** axe's heading-order findings (a moderate rule, so the serious-only checks never report it). */
async function headingOrder(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withRules(['heading-order']).analyze();
  return violations.flatMap((violation) => violation.nodes.map((node) => node.html));
}

test('heading levels never skip on the Settings and Users pages', async ({ page, stack }) => {
  const nav = () => page.getByRole('navigation', { name: 'Console' });
  await adminConsole(page, stack.collector.url).signIn();

  await nav().getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Project settings' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Allowed origins' })).toBeVisible();
  expect(await headingOrder(page), 'settings').toEqual([]);

  await nav().getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Find a person' })).toBeVisible();
  expect(await headingOrder(page), 'users, before a search').toEqual([]);

  await page.getByLabel('User id starts with').fill('nobody-by-this-id');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { name: 'No users match' })).toBeVisible();
  expect(await headingOrder(page), 'users, no match').toEqual([]);

  await page.goto(`${stack.collector.url}/admin/users/nobody-by-this-id`);
  await expect(page.getByRole('heading', { name: 'No data held' })).toBeVisible();
  expect(await headingOrder(page), 'user page, no data').toEqual([]);
});
