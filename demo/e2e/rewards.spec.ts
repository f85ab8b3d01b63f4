import AxeBuilder from '@axe-core/playwright';
import { acmeApp } from './acme-app.js';
import { completingEvent, doItemInApp, expect, expectChecklist, roleSetup, test } from './checklist-fixtures.js';
import { expectFocused, tabTo } from './keyboard.js';
import { expectBalance, rewardsPanel } from './rewards-fixtures.js';

/** demo/hearth.config.json: 50 points per admin checklist step; the sticker pack costs 50. */
const STEP_POINTS = 50;
const STICKERS = 'Acme sticker pack';
/** Points the backend adds for a "Project Created" it vouches for (rule `project-created`). */
const PROJECT_POINTS = 10;

/** The admin's report item: exporting pays only the checklist step (no server event involved). */
function adminSetup() {
  const { user, checklist } = roleSetup('admin');
  const item = checklist.content.items.find((entry) => completingEvent(entry) === 'Report Exported');
  if (!item) throw new Error(`${checklist.id}: expected an item completed by "Report Exported"`);
  return { user, checklist, item };
}

test('completing a checklist item shows the new balance without reload', async ({ page }) => {
  const { user, checklist, item } = adminSetup();
  await page.goto('/');
  await acmeApp(page).signIn(user.email);
  await expectBalance(page, 0);
  await doItemInApp(page, item);
  await expectChecklist(page, checklist, [item.id]);
  await expectBalance(page, STEP_POINTS);
  await expect(rewardsPanel(page).history).toContainText('Complete a setup step');
});

test('redeeming drops the balance, lists it in the history, and the fulfilment webhook is handled', async ({ page, stack }) => {
  const { user, item } = adminSetup();
  await page.goto('/');
  await acmeApp(page).signIn(user.email);
  await doItemInApp(page, item);
  await expectBalance(page, STEP_POINTS);
  const rewards = rewardsPanel(page);
  await rewards.redeemButton(STICKERS).click();
  await rewards.confirmButton.click();
  await expect(rewards.panel.getByRole('status').filter({ hasText: 'redeemed' })).toContainText(`${STICKERS} redeemed`);
  await expectBalance(page, 0);
  await expect(rewards.history.getByRole('listitem').first()).toContainText('−50');
  // The demo backend received the signed webhook and reported the redemption fulfilled.
  await expect
    .poll(() => stack.demo.fulfilments())
    .toEqual([expect.objectContaining({ userId: user.id, itemId: 'sticker-pack', reported: 'fulfilled' })]);
  const [redemption] = await stack.store.rewards.redemptions(stack.projectId, user.id);
  expect(redemption).toMatchObject({ itemId: 'sticker-pack', status: 'fulfilled', cost: 50 });
});

test('a referral pays both users once the referred user creates a project', async ({ browser, baseURL }) => {
  const { user: referrer } = roleSetup('admin');
  const { user: friend, checklist: friendChecklist } = roleSetup('member');
  // Creating a project may also tick a step of the friend's own checklist.
  const stepToo = friendChecklist.content.items.some((entry) => completingEvent(entry) === 'Project Created');
  const adaContext = await browser.newContext({ baseURL });
  const maxContext = await browser.newContext({ baseURL });
  try {
    const ada = await adaContext.newPage();
    await ada.goto('/');
    await acmeApp(ada).signIn(referrer.email);
    const link = await rewardsPanel(ada).referralLink.inputValue();
    expect(link).toMatch(/\/\?ref=[A-Z2-9]{8}$/);

    const max = await maxContext.newPage();
    await max.goto(link);
    await acmeApp(max).signIn(friend.email);
    await expectBalance(max, 0);
    await acmeApp(max).openPage('Projects');
    await acmeApp(max).createProject('Referred project');
    // 50 for being referred and 10 for the project, both decided on the backend's server event.
    await expectBalance(max, 50 + PROJECT_POINTS + (stepToo ? STEP_POINTS : 0));
    await ada.reload();
    await expectBalance(ada, 100);
    await expect(rewardsPanel(ada).history).toContainText('Referral bonus');
  } finally {
    await adaContext.close();
    await maxContext.close();
  }
});

test('keyboard only: redeem with Enter, confirm takes focus, and the outcome is announced', async ({ page }) => {
  const { user, item } = adminSetup();
  await page.goto('/');
  await acmeApp(page).signIn(user.email);
  await doItemInApp(page, item);
  await expectBalance(page, STEP_POINTS);
  await page.reload();
  const rewards = rewardsPanel(page);
  await tabTo(page, rewards.redeemButton(STICKERS));
  await page.keyboard.press('Enter');
  await expectFocused(rewards.confirmButton);
  await page.keyboard.press('Enter');
  await expect(rewards.panel.getByRole('status').filter({ hasText: 'redeemed' })).toBeVisible();
  await expectBalance(page, 0);
});

test('the rewards panel has no serious or critical axe violations', async ({ page }) => {
  const { user, item } = adminSetup();
  await page.goto('/');
  await acmeApp(page).signIn(user.email);
  await doItemInApp(page, item);
  await expectBalance(page, STEP_POINTS);
  await rewardsPanel(page).redeemButton(STICKERS).click();
  await expect(rewardsPanel(page).confirmButton).toBeVisible();
  const results = await new AxeBuilder({ page }).include('#rewards').analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
});
