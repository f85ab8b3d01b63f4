import { ANNOUNCEMENT_EVENTS } from '@hearth/schema';
import { acmeApp } from './acme-app.js';
import { DAY_MS, eventStored, expect, newsWidget, publish, seedPastActivity, test } from './announcement-fixtures.js';
import { roleSetup } from './checklist-fixtures.js';

test('a user back after 40 days sees, once, a digest of exactly the announcements since their last visit', async ({ page, stack }) => {
  const { user } = roleSetup('member');
  const now = Date.now();
  // Their history: signed up 60 days ago, last active 40 days ago.
  await seedPastActivity(stack, user.id, [new Date(now - 60 * DAY_MS), new Date(now - 41 * DAY_MS), new Date(now - 40 * DAY_MS)], {
    name: user.name,
    role: user.role,
    plan: user.plan,
  });
  await publish(stack, { id: 'before-they-left', category: 'fixed', content: { title: 'Shipped while they were here' } }, 45);
  await publish(stack, { id: 'timeline-view', category: 'new', content: { title: 'Timeline view' } }, 20);
  await publish(
    stack,
    {
      id: 'pro-only',
      category: 'new',
      audience: { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' },
      content: { title: 'Pro only' },
    },
    10,
  );
  await publish(stack, { id: 'not-in-digests', category: 'improved', digest: { include: false }, content: { title: 'Small tweak' } }, 5);
  await publish(stack, { id: 'faster-search', category: 'improved', content: { title: 'Faster search' } }, 2);

  await page.goto('/');
  await acmeApp(page).signIn(user.email);
  const digest = page.getByRole('region', { name: 'While you were away' });
  await expect(digest).toBeVisible();
  // Newest first; not the one from before their last visit, not another audience's, not one kept out of digests.
  await expect(digest.getByRole('listitem')).toHaveText(['Improved Faster search', 'New Timeline view']);
  await eventStored(stack, user.id, ANNOUNCEMENT_EVENTS.digestShown, (properties) => Array.isArray(properties.announcementIds));
  const shown = (await stack.store.listEvents(stack.projectId, { userId: user.id })).find(
    (e) => e.name === ANNOUNCEMENT_EVENTS.digestShown,
  );
  expect(shown?.properties.announcementIds).toEqual(['faster-search', 'timeline-view']);

  // An entry opens the feed on that announcement.
  await digest.getByRole('button', { name: 'Timeline view' }).click();
  await expect(digest).toHaveCount(0);
  const news = newsWidget(page);
  await expect(news.item('Timeline view')).toBeFocused();

  await page.reload();
  await expect(news.bell).toBeVisible();
  await expect(page.getByRole('region', { name: 'While you were away' })).toHaveCount(0);
});

test('a user active yesterday gets no digest', async ({ page, stack }) => {
  const { user } = roleSetup('member');
  await seedPastActivity(stack, user.id, [new Date(Date.now() - DAY_MS)], { name: user.name, role: user.role, plan: user.plan });
  await publish(stack, { id: 'timeline-view', category: 'new', content: { title: 'Timeline view' } }, 0);
  await page.goto('/');
  await acmeApp(page).signIn(user.email);
  const news = newsWidget(page);
  await expect(news.badge).toHaveText('1');
  await expect(page.getByRole('region', { name: 'While you were away' })).toHaveCount(0);
});
