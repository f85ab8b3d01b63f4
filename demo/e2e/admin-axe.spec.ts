import type { Page } from '@playwright/test';
import { adminConsole, seriousViolations } from './admin-console.js';
import { expect, test } from './checklist-fixtures.js';

/** Every console page by route, with the heading that says it rendered. */
const PAGES: [route: string, heading: string | RegExp][] = [
  ['prompts', 'Checklists'],
  ['templates', 'Templates'],
  ['dashboard', 'Dashboard'],
  ['prompts/checklist/new', 'New checklist'],
  ['prompts/surveys', 'Surveys'],
  ['prompts/survey/new', 'New survey'],
  ['prompts/announcements', 'Announcements'],
  ['prompts/announcement/new', 'New announcement'],
  ['prompts/rewards', 'Rewards'],
  ['messages', 'Messages'],
  ['messages/new', 'New message'],
  ['users', 'Users'],
  ['accounts', 'Accounts'],
  ['settings', 'Project settings'],
  ['templates/onboarding-by-role', 'New checklist'],
  ['templates/whats-new', 'New announcement'],
  ['templates/starter-rewards', 'Rewards'],
];

/** The dashboard's panels past the overview (the overview is the dashboard page itself, above). */
const DASHBOARD_TABS = [
  'checklists',
  'surveys',
  'active-users',
  'retention',
  'usage',
  'announcements',
  'rewards',
  'segments',
  'program-impact',
];

async function visit(page: Page, base: string, route: string, heading: string | RegExp) {
  await page.goto(`${base}/admin/${route}`);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
}

test('no console page has serious or critical axe findings, at 1280 px and with the tablet menu open', async ({ page, stack }) => {
  // About thirty full axe runs: more than the default two minutes on a busy machine.
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${stack.collector.url}/admin/`);
  await page.getByLabel('Password').waitFor();
  expect(await seriousViolations(page), 'sign-in').toEqual([]);
  await adminConsole(page, stack.collector.url).signIn();

  const found: Record<string, string[]> = {};
  const check = async (name: string) => {
    const violations = await seriousViolations(page);
    if (violations.length) found[name] = violations;
  };
  for (const [route, heading] of PAGES) {
    await visit(page, stack.collector.url, route, heading);
    await check(route);
  }
  // Every dashboard tab, each at its own address, with its tables unfolded.
  for (const tab of DASHBOARD_TABS) {
    await visit(page, stack.collector.url, `dashboard#${tab}`, 'Dashboard');
    await expect(page.getByRole('tab', { selected: true })).toHaveAttribute('href', `#${tab}`);
    const folded = page.locator('details.fold:not([open]) > summary');
    while ((await folded.count()) > 0) await folded.first().click();
    await check(`dashboard#${tab}`);
  }
  // Saved records (the first checklist and survey; this stack has no announcement), and a user's page.
  for (const [list, heading] of [
    ['prompts', /^Checklist: /],
    ['prompts/surveys', /^Survey: /],
  ] as const) {
    await visit(page, stack.collector.url, list, /./);
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
    const closed = page.locator('details.section:not([open]) > summary');
    while ((await closed.count()) > 0) await closed.first().click();
    await check(`${list}: editor with every section open`);
  }
  // This stack has identified nobody yet: the user page then says what it holds (nothing).
  await visit(page, stack.collector.url, 'users/someone', 'User someone');
  await check('user detail');
  // Nor any account: the account page says so.
  await visit(page, stack.collector.url, 'accounts/someone', 'Account someone');
  await check('account detail');

  await page.setViewportSize({ width: 800, height: 1000 });
  await visit(page, stack.collector.url, 'prompts', 'Checklists');
  await page.getByRole('button', { name: 'Menu' }).click();
  await check('tablet menu open');
  expect(found).toEqual({});
});
