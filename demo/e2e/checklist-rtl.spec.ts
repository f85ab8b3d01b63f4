import { acmeApp } from './acme-app.js';
import { expect, roleSetup, startControl, test } from './checklist-fixtures.js';

test('with locale "ar" the checklist renders right-to-left in Arabic', async ({ page }) => {
  const { user, checklist } = roleSetup('member');
  // `?locale=ar` makes the demo call `Hearth('init', { projectKey, locale: 'ar' })`.
  await page.goto('/?locale=ar');
  await acmeApp(page).signIn(user.email);

  const mount = page.locator('[data-hearth="checklist"]');
  // Arabic catalog strings: the progress bar's name and each item's "Start" button.
  const progress = mount.getByRole('progressbar', { name: 'التقدم' });
  await expect(progress).toBeVisible();
  await expect(startControl(mount, 'ابدأ').first()).toBeVisible();
  const translatedTitle = checklist.translations.ar?.title;
  if (translatedTitle) await expect(mount.getByRole('heading', { name: translatedTitle })).toBeVisible();

  // Inside the shadow root: the widget's root and card declare rtl and lay out right-to-left.
  const card = mount.getByRole('region');
  await expect(mount.locator('[dir="rtl"][lang="ar"]')).toHaveCount(1);
  await expect(card).toHaveAttribute('dir', 'rtl');
  await expect(card).toHaveCSS('direction', 'rtl');
  // The host page itself stays left-to-right English.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Getting started' })).toHaveCSS('direction', 'ltr');
});
