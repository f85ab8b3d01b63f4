import AxeBuilder from '@axe-core/playwright';
import { acmeApp } from './acme-app.js';
import { expect, test } from './fixtures.js';

/** The demo is what newcomers see first; its own markup should be an example worth copying. */
test('the demo pages have no detectable accessibility violations', async ({ page }) => {
  const violations = async () =>
    (await new AxeBuilder({ page }).analyze()).violations.map((violation) => `${violation.id}: ${violation.help}`);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in to Acme Projects' })).toBeVisible();
  expect(await violations(), 'sign-in page').toEqual([]);

  await acmeApp(page).signIn('max@acme.test');
  expect(await violations(), 'projects page').toEqual([]);

  await acmeApp(page).openPage('Reports');
  expect(await violations(), 'reports page').toEqual([]);
});
