import type { Page } from '@playwright/test';
import { acmeApp } from './acme-app.js';
import { adminConsole, seriousViolations } from './admin-console.js';
import { completingEvent, doItemInApp, expect, roleSetup, test } from './checklist-fixtures.js';
import { expectFocused } from './keyboard.js';
import { expectBalance, rewardsPanel } from './rewards-fixtures.js';

/** demo/hearth.config.json: rule 1 pays 50 points per admin checklist step; this spec makes it 80. */
const STEP_POINTS = 80;
const HOODIE = { id: 'hoodie', name: 'Acme hoodie', cost: 70 };

/** The admin's checklist item done by exporting a report: it pays the step rule only. */
function adminStep() {
  const { user, checklist } = roleSetup('admin');
  const item = checklist.content.items.find((entry) => completingEvent(entry) === 'Report Exported');
  if (!item) throw new Error(`${checklist.id}: expected an item completed by "Report Exported"`);
  return { user, item };
}

/** Signs in to the console and opens the Rewards tab; its form loads the collector's program. */
async function openRewards(page: Page, collectorUrl: string) {
  await adminConsole(page, collectorUrl).signIn();
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Rewards' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rewards' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Earning rule 1: Complete a setup step' })).toBeVisible();
}

const rule = (page: Page, n: number, title: string) => page.getByRole('group', { name: `Earning rule ${n}: ${title}` });
const status = (page: Page) => page.locator('p[role="status"].message');

test('points and a catalog item changed in the console apply in the demo at once, without restarting the collector', async ({
  page,
  browser,
  stack,
}) => {
  const { user, item } = adminStep();
  await openRewards(page, stack.collector.url);
  const points = rule(page, 1, 'Complete a setup step').getByLabel('Points', { exact: true });
  await expect(points).toHaveValue('50');

  // The schema's message at the field, and nothing is sent.
  await points.fill('0');
  await page.getByRole('button', { name: 'Save program' }).click();
  await expect(page.locator('#rw-rules-0-points-error')).toHaveText('points must be greater than 0');
  await expect(points).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { name: 'One problem to fix' })).toBeFocused();
  await points.fill(String(STEP_POINTS));
  await expect(page.locator('#rw-rules-0-points-error')).toHaveCount(0);

  // Keyboard only: add a catalog item (focus lands in it), fill it, move it to the top.
  await page.getByRole('button', { name: 'Add catalog item' }).focus();
  await page.keyboard.press('Enter');
  const itemId = page.locator('#rw-catalog-2-id');
  await expectFocused(itemId);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(HOODIE.id);
  await page.keyboard.press('Tab');
  await page.keyboard.type(HOODIE.name);
  await page
    .getByRole('group', { name: `Catalog item 3: ${HOODIE.name}` })
    .getByLabel('Cost in points')
    .fill(String(HOODIE.cost));
  await page.getByRole('button', { name: 'Move catalog item 3 up' }).focus();
  await page.keyboard.press('Enter');
  await expectFocused(page.getByRole('button', { name: 'Move catalog item 2 up' }));
  await page.keyboard.press('Enter');
  await expectFocused(page.getByRole('button', { name: 'Move catalog item 1 down' }));
  await expect(page.getByRole('group', { name: `Catalog item 1: ${HOODIE.name}` })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Save program' }).click();
  await expect(status(page)).toHaveText('Saved (settings version 1). The new program applies from the next request: no restart needed.');
  await expect(page.getByText(/Saved program: 4 earning rules · 2 badges · 3 tiers · 3 catalog items/)).toBeVisible();

  // The same collector process, never restarted: the demo user earns the new amount and redeems the new item.
  const demo = await browser.newPage({ baseURL: stack.demoUrl });
  await demo.goto('/');
  await acmeApp(demo).signIn(user.email);
  await expectBalance(demo, 0);
  await doItemInApp(demo, item);
  await expectBalance(demo, STEP_POINTS);
  const rewards = rewardsPanel(demo);
  await rewards.redeemButton(HOODIE.name).click();
  await rewards.confirmButton.click();
  await expect(rewards.panel.getByRole('status').filter({ hasText: 'redeemed' })).toContainText(`${HOODIE.name} redeemed`);
  await expectBalance(demo, STEP_POINTS - HOODIE.cost);
  const [redemption] = await stack.store.rewards.redemptions(stack.projectId, user.id);
  expect(redemption).toMatchObject({ itemId: HOODIE.id, cost: HOODIE.cost });
  await demo.close();
});

test('a save based on an older version is refused with a reload offered, and the reload shows the other change', async ({
  page,
  browser,
  stack,
}) => {
  await openRewards(page, stack.collector.url);
  const other = await browser.newPage();
  await openRewards(other, stack.collector.url);

  await rule(other, 1, 'Complete a setup step').getByLabel('Points', { exact: true }).fill('65');
  await other.getByRole('button', { name: 'Save program' }).click();
  await expect(status(other)).toHaveText(/^Saved \(settings version 1\)/);

  await rule(page, 1, 'Complete a setup step').getByLabel('Title (shown to users)').fill('Finish a setup step');
  await page.getByRole('button', { name: 'Save program' }).click();
  await expect(status(page)).toContainText('Not saved: The settings changed meanwhile (now version 1)');
  await page.getByRole('button', { name: 'Reload the program' }).click();
  await expect(rule(page, 1, 'Complete a setup step').getByLabel('Points', { exact: true })).toHaveValue('65');
  await expect(status(page)).toBeEmpty();
  await other.close();
});
