import type { Browser, Page } from '@playwright/test';
import { createHearthClient } from '@hearth/node';
import { loadDemoProject } from '../server/demo-project.js';
import { findDemoUser, type DemoUser } from '../server/demo-users.js';
import { SEED_ACCOUNTS } from '../server/seed-accounts.js';
import { seedAccountsAndRevenue } from '../server/seed-revenue.js';
import { acmeApp } from './acme-app.js';
import { adminConsole, promptEditor, seriousViolations } from './admin-console.js';
import { checklistPanel } from './checklist-fixtures.js';
import { expect, servedPromptIds, test } from './survey-fixtures.js';

/**
 * A product manager targets accounts from the console's audience builder, without JSON: "accounts
 * on trial with fewer than 3 active members". The demo's seeded companies decide who sees it.
 */

const SURVEY = { id: 'trial-feedback', name: 'Trial feedback' };
const QUESTION = /How likely are you to recommend Acme Trial to a friend or colleague/;

const trial = SEED_ACCOUNTS.find((account) => account.plan === 'trial');
const paying = SEED_ACCOUNTS.find((account) => account.plan === 'business');
const [onTrial, onBusiness] = [findDemoUser({ id: 'usr_max' }), findDemoUser({ id: 'usr_grace' })];

/** Signs `user` into the demo in a fresh browser (its own cookies and widget storage). */
async function inDemo(browser: Browser, baseURL: string, user: DemoUser, run: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await acmeApp(page).signIn(user.email);
    await run(page);
  } finally {
    await context.close();
  }
}

test('an account audience built in the console reaches the trial account’s user, not the business account’s', async ({
  page,
  browser,
  baseURL,
  stack,
}) => {
  test.setTimeout(180_000);
  if (!trial || !paying || !onTrial || !onBusiness || !baseURL)
    throw new Error('the demo needs a trial and a business account, and two users');
  // The seeded companies, and one demo user in each (the seed's own members have no activity here,
  // so the trial account has one active member: fewer than 3).
  const { secret } = loadDemoProject();
  await seedAccountsAndRevenue(stack.collector.url, secret, new Date());
  const hearth = createHearthClient({ baseUrl: stack.collector.url, secretKey: secret });
  await hearth.addMember(trial.id, onTrial.id);
  await hearth.addMember(paying.id, onBusiness.id);

  const admin = adminConsole(page, stack.collector.url);
  const editor = promptEditor(page);
  await admin.signIn();
  await editor.openList('Surveys');
  await page.getByRole('link', { name: 'New survey' }).click();
  await page.getByLabel('Id (used in events and URLs)').fill(SURVEY.id);
  await page.getByLabel('Internal name').fill(SURVEY.name);
  await page.getByLabel('Product name (fills {product})').fill('Acme Trial');
  await page.locator('details.section summary').filter({ hasText: 'Trigger' }).click();
  await page.getByLabel('Trigger 1', { exact: true }).selectOption('load');

  // Rule 1, "account plan equals trial": the key is among those the project's accounts have.
  await editor.openSection('Audience');
  await page.getByRole('button', { name: 'Add rule' }).click();
  const rules = page.getByRole('group', { name: 'Audience', exact: true }).getByRole('listitem');
  await rules.nth(0).getByLabel('Rule 1', { exact: true }).selectOption('accountTrait');
  const key = rules.nth(0).getByLabel('Account trait', { exact: true });
  await expect(key).toHaveAttribute('list', 'known-account-traits');
  await expect(page.locator('datalist#known-account-traits option[value="plan"]')).toHaveCount(1);
  // By keyboard: type the key, Tab to the condition, Tab to the value.
  await key.fill('plan');
  await page.keyboard.press('Tab');
  await expect(rules.nth(0).getByLabel('Condition', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(rules.nth(0).getByLabel('Value', { exact: true })).toBeFocused();
  await page.keyboard.type('trial');

  // Rule 2, "fewer than 3 members active in the last 7 days".
  await page.getByRole('button', { name: 'Add rule' }).click();
  await rules.nth(1).getByLabel('Rule 2', { exact: true }).selectOption('accountActiveMembers');
  await expect(rules.nth(1).getByLabel('Active members', { exact: true })).toHaveValue('lt');
  await rules.nth(1).getByLabel('Members', { exact: true }).fill('3');
  await rules.nth(1).getByLabel('Active in the last … days', { exact: true }).fill('7');
  await expect(page.getByLabel('Users must match')).toHaveValue('all');
  expect(await seriousViolations(page), 'survey editor with account rules').toEqual([]);
  await editor.save();
  await editor.publish();

  const audience = {
    type: 'all',
    rules: [
      { type: 'accountTrait', trait: 'plan', op: 'equals', value: 'trial' },
      { type: 'accountActiveMembers', op: 'lt', count: 3, withinDays: 7 },
    ],
  };
  expect((await stack.store.prompts.get(stack.projectId, SURVEY.id))?.prompt).toMatchObject({ status: 'live', audience });

  // Opened again, the builder shows the same rows.
  await page.reload();
  await editor.openSection('Audience');
  await expect(rules).toHaveCount(2);
  await expect(rules.nth(0).getByLabel('Account trait', { exact: true })).toHaveValue('plan');
  await expect(rules.nth(0).getByLabel('Value', { exact: true })).toHaveValue('trial');
  await expect(rules.nth(1).getByLabel('Members', { exact: true })).toHaveValue('3');
  await expect(rules.nth(1).getByLabel('Active in the last … days', { exact: true })).toHaveValue('7');

  // The trial account's user sees it on page load; the business account's user never receives it.
  await inDemo(browser, baseURL, onTrial, async (demo) => {
    await expect(demo.getByRole('radiogroup', { name: QUESTION })).toBeVisible();
  });
  await inDemo(browser, baseURL, onBusiness, async (demo) => {
    await expect(checklistPanel(demo).panel).toBeVisible();
    expect(await servedPromptIds(demo, stack, onBusiness.id)).not.toContain(SURVEY.id);
    await expect(demo.getByRole('radiogroup', { name: QUESTION })).toHaveCount(0);
  });

  // The console's "Would this user see it?" gives the collector's reason for each.
  const explained = page.getByRole('region', { name: 'Would this user see it?' });
  const explain = async (userId: string) => {
    await explained.getByLabel('User id').fill(userId);
    await explained.getByRole('button', { name: 'Explain' }).click();
  };
  await explain(onTrial.id);
  await expect(explained.getByRole('listitem').filter({ hasText: 'audience (passes)' })).toBeVisible();
  await explain(onBusiness.id);
  await expect(explained.getByRole('listitem').filter({ hasText: 'audience (fails)' })).toContainText('plan');
});
