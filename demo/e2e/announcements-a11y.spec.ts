import AxeBuilder from '@axe-core/playwright';
import { acmeApp } from './acme-app.js';
import { expect, newsWidget, publish, test } from './announcement-fixtures.js';
import { roleSetup } from './checklist-fixtures.js';
import { expectFocused, tabTo } from './keyboard.js';

const NEWS = [
  {
    id: 'faster-exports',
    category: 'improved',
    ageDays: 3,
    content: {
      title: 'Faster exports',
      body: 'Exports finish in seconds.\n\n- CSV\n- PDF',
      cta: { type: 'url' as const, label: 'Export a report', url: '/reports' },
    },
  },
  {
    id: 'roadmaps',
    category: 'new',
    ageDays: 0,
    content: { title: 'Roadmap template', body: 'Plan on a [timeline](https://acme.example/guide).' },
  },
];

test.beforeEach(async ({ stack }) => {
  for (const { ageDays, ...input } of NEWS) {
    await publish(stack, { ...input, translations: { ar: { title: `عنوان ${input.id}` } } }, ageDays);
  }
});

test('the bell, the feed and its items work from the keyboard alone', async ({ page }) => {
  const { user } = roleSetup('member');
  await page.goto('/');
  await acmeApp(page).signIn(user.email);
  const news = newsWidget(page);
  await expect(news.badge).toHaveText('2');

  await tabTo(page, news.bell);
  await page.keyboard.press('Enter');
  await expect(news.bell).toHaveAttribute('aria-expanded', 'true');
  await expect(news.panel).toBeVisible();
  // Opening moves focus into the feed, which follows the bell: Tab walks through each item's controls.
  const helpful = news.item('Roadmap template').getByRole('button', { name: 'Helpful', exact: true });
  await tabTo(page, helpful);
  await page.keyboard.press('Enter');
  await expect(helpful).toHaveAttribute('aria-pressed', 'true');
  await tabTo(page, news.item('Faster exports').getByRole('link', { name: 'Export a report' }));
  // Escape closes the feed and gives focus back to the bell.
  await page.keyboard.press('Escape');
  await expect(news.panel).toHaveCount(0);
  await expect(news.bell).toHaveAttribute('aria-expanded', 'false');
  await expectFocused(news.bell);
  await page.keyboard.press('Space');
  await expect(news.panel).toBeVisible();

  // The header's "What's new" link opens the feed through the #hearth-news deep link, on one item too.
  await page.keyboard.press('Escape');
  await tabTo(page, page.getByRole('link', { name: "What's new" }));
  await page.keyboard.press('Enter');
  await expect(news.panel).toBeVisible();
  await page.goto('/projects#hearth-news/faster-exports');
  await expectFocused(news.item('Faster exports'));
});

test('axe finds no serious or critical violation with the feed open', async ({ page }) => {
  const { user } = roleSetup('admin');
  await page.goto('/');
  await acmeApp(page).signIn(user.email);
  const news = newsWidget(page);
  await news.bell.click();
  await expect(news.panel.getByRole('article')).toHaveCount(2);

  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
    );
  expect(severe).toEqual([]);
  // axe names shadow nodes with a path through the host; make sure it looked inside the feed.
  const inFeed = results.passes
    .flatMap((rule) => rule.nodes)
    .filter((node) => Array.isArray(node.target[0]) && JSON.stringify(node.target).includes('hearth'));
  expect(inFeed.length, 'axe checked nodes inside the announcements shadow root').toBeGreaterThan(0);
});

test('with locale "ar" the bell and feed are in Arabic, right to left', async ({ page }) => {
  const { user } = roleSetup('member');
  await page.goto('/?locale=ar');
  await acmeApp(page).signIn(user.email);
  const news = newsWidget(page, 'ما الجديد');
  await expect(news.bell).toBeVisible();
  await news.bell.click();
  await expect(news.panel).toBeVisible();
  await expect(news.panel).toHaveCSS('direction', 'rtl');
  await expect(news.item('عنوان roadmaps')).toBeVisible();
  await expect(news.item('عنوان roadmaps')).toContainText('جديد');
  await expect(news.item('عنوان faster-exports')).toContainText('محسّن');
  await expect(news.panel.getByRole('button', { name: 'إغلاق' })).toBeVisible();
  // The host page stays left-to-right English.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toHaveCSS('direction', 'ltr');
});
