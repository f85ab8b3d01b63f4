import { ANNOUNCEMENT_EVENTS, PROMPT_EVENTS } from '@hearth/schema';
import { acmeApp } from './acme-app.js';
import { about, eventStored, expect, newsWidget, publish, test } from './announcement-fixtures.js';
import { roleSetup } from './checklist-fixtures.js';

test('a published announcement is unread once, then read on every reload and device', async ({ page, stack, browser, baseURL }) => {
  const { user } = roleSetup('admin');
  await publish(stack, {
    id: 'dark-mode',
    category: 'new',
    content: { title: 'Dark mode is here', body: 'Switch it on in **Settings**.' },
  });

  await page.goto('/');
  await acmeApp(page).signIn(user.email);
  const news = newsWidget(page);
  await expect(news.badge).toHaveText('1');
  await expect(news.bell).toHaveAccessibleName("What's new, 1 unread");
  await expect(news.bell).toHaveAttribute('aria-expanded', 'false');

  await news.bell.click();
  await expect(news.item('Dark mode is here')).toBeVisible();
  await expect(news.item('Dark mode is here')).toContainText('Switch it on in Settings.');
  // Visible in the open feed for a second: read, here at once and on the server.
  await expect(news.badge).toHaveCount(0);
  await expect(news.bell).toHaveAccessibleName("What's new");
  await eventStored(stack, user.id, ANNOUNCEMENT_EVENTS.read, about('dark-mode'));

  await page.reload();
  await expect(news.bell).toBeVisible();
  await expect(news.bell).toHaveAccessibleName("What's new");
  await expect(news.badge).toHaveCount(0);

  // Another device: a fresh browser context signs in as the same user.
  const other = await browser.newContext({ baseURL });
  try {
    const second = await other.newPage();
    await second.goto('/');
    await acmeApp(second).signIn(user.email);
    const elsewhere = newsWidget(second);
    await expect(elsewhere.bell).toBeVisible();
    await expect(elsewhere.bell).toHaveAccessibleName("What's new");
    await expect(elsewhere.badge).toHaveCount(0);
  } finally {
    await other.close();
  }
});

test('a boosted announcement shows once as a toast, then lives on in the feed', async ({ page, stack }) => {
  // The demo's fatigue budget (2 a day) leaves room for this boost beside its NPS survey.
  const { user } = roleSetup('member');
  await publish(stack, { id: 'older-news', category: 'fixed', content: { title: 'Invites fixed' } }, 2);
  await publish(stack, {
    id: 'roadmaps',
    category: 'new',
    boosted: true,
    content: { title: 'Roadmap template', body: 'Plan on a timeline.' },
  });

  await page.goto('/');
  await acmeApp(page).signIn(user.email);
  const toast = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Roadmap template' }) });
  await expect(toast).toBeVisible();
  await expect(toast).toContainText('New');
  await eventStored(stack, user.id, PROMPT_EVENTS.shown, about('roadmaps'));
  await toast.getByRole('button', { name: 'Close' }).click();
  await expect(toast).toHaveCount(0);

  await page.reload();
  const news = newsWidget(page);
  await expect(news.bell).toBeVisible();
  await expect(news.badge).toHaveText('2');
  await expect(page.getByRole('heading', { name: 'Roadmap template' })).toHaveCount(0);
  const shown = (await stack.store.listEvents(stack.projectId, { userId: user.id })).filter(
    (e) => e.name === PROMPT_EVENTS.shown && e.properties.promptId === 'roadmaps',
  );
  expect(shown).toHaveLength(1);

  await news.bell.click();
  await expect(news.item('Roadmap template')).toBeVisible();
  await expect(news.panel.getByRole('article')).toHaveCount(2);
});
