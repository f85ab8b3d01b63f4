import { acmeApp } from './acme-app.js';
import { checklistPanel, completingEvent, expect, expectChecklist, roleSetup, startControl, test } from './checklist-fixtures.js';
import { expectFocused, tabTo } from './keyboard.js';

test('keyboard only: Tab reaches the checklist, Enter and Space operate it, an action button completes an item', async ({ page }) => {
  const { user, checklist } = roleSetup('admin');
  // The report item's Start link leads to the page where the report is exported.
  const item = checklist.content.items.find((entry) => entry.action?.type === 'url' && completingEvent(entry) === 'Report Exported');
  if (!item) throw new Error(`${checklist.id}: expected an item with a url action completed by "Report Exported"`);
  await page.goto('/');
  await acmeApp(page).signIn(user.email);
  // A fresh load puts focus at the top of the document, where a keyboard user starts.
  await page.reload();
  await expectChecklist(page, checklist);
  const { panel, item: itemRow } = checklistPanel(page);
  const list = panel.getByRole('list');

  const minimize = panel.getByRole('button', { name: 'Minimize' });
  await tabTo(page, minimize);
  await page.keyboard.press('Enter');
  const expand = panel.getByRole('button', { name: 'Expand' });
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await expect(list).toBeHidden();
  await expectFocused(expand);
  await page.keyboard.press('Space');
  await expect(minimize).toHaveAttribute('aria-expanded', 'true');
  await expect(list).toBeVisible();

  // The item's action button takes the user to the right page...
  await tabTo(page, startControl(itemRow(item.title)));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  // ...where doing the real thing, still by keyboard, ticks the item.
  await tabTo(page, page.getByRole('button', { name: 'Export report', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toBeVisible();
  await expectChecklist(page, checklist, [item.id]);
});
