import { acmeApp } from './acme-app.js';
import { expect, newsWidget, publish, test } from './announcement-fixtures.js';
import { roleSetup } from './checklist-fixtures.js';

test('a deep link to an announcement on a later feed page loads pages until it is there, then focuses it', async ({ page, stack }) => {
  const { user } = roleSetup('member');
  // The collector sends the feed 10 at a time: the oldest of 25 is on the third page.
  for (let i = 0; i < 25; i++) await publish(stack, { id: `note-${i}`, category: 'fixed', content: { title: `Note ${i}` } }, i);

  await page.goto('/');
  await acmeApp(page).signIn(user.email);
  const news = newsWidget(page);
  await expect(news.bell).toBeVisible();
  await page.goto('/projects#hearth-news/note-24');
  await expect(news.item('Note 24')).toBeFocused();
  await expect(news.panel.getByRole('article')).toHaveCount(25);
  await expect(news.panel.getByRole('button', { name: 'Show more' })).toHaveCount(0);
});
