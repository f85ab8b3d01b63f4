import { acmeApp } from './acme-app.js';
import { checklistPanel, doItemInApp, expect, expectChecklist, expectItemDone, roleSetup, test } from './checklist-fixtures.js';

test('doing each action in the app ticks its item without a reload, until the checklist is complete', async ({ page }) => {
  const { user, checklist } = roleSetup('member');
  await page.goto('/');
  await acmeApp(page).signIn(user.email);
  await expectChecklist(page, checklist);
  // A full page load would lose this; only the widget's own refresh may tick the items.
  await page.evaluate(() => document.documentElement.setAttribute('data-e2e-same-document', ''));

  const { item, progress, panel } = checklistPanel(page);
  for (const [index, entry] of checklist.content.items.entries()) {
    await doItemInApp(page, entry);
    await expectItemDone(item(entry.title));
    await expect(progress).toHaveAttribute('aria-valuenow', String(index + 1));
  }
  await expect(panel.getByRole('status')).toContainText('All done');
  await expect(page.locator('html')).toHaveAttribute('data-e2e-same-document', '');
});

test('progress survives a reload and shows in a second browser context of the same user', async ({ page, browser, baseURL }) => {
  const { user, checklist } = roleSetup('admin');
  const [first] = checklist.content.items;
  if (!first) throw new Error('the admin checklist has no items');
  await page.goto('/');
  await acmeApp(page).signIn(user.email);
  await expectChecklist(page, checklist);
  await doItemInApp(page, first);
  await expectItemDone(checklistPanel(page).item(first.title));

  await page.reload();
  await expectChecklist(page, checklist, [first.id]);

  // Another device: no shared storage or cookies, only the same account.
  const other = await browser.newContext({ baseURL });
  try {
    const otherPage = await other.newPage();
    await otherPage.goto('/');
    await acmeApp(otherPage).signIn(user.email);
    await expectChecklist(otherPage, checklist, [first.id]);
  } finally {
    await other.close();
  }
});
