import { test as base, expect, type Page } from '@playwright/test';
import type { KpiOverviewAnswer } from '@hearth/schema';
import { loadDemoProject } from '../server/demo-project.js';
import { seedDemoData } from '../server/seed.js';
import { adminConsole, seriousViolations } from './admin-console.js';
import { withHearthStack } from './fixtures.js';

const test = base;
const CARDS = ['NPS', 'CLI', 'Retention', 'Churn', 'MRR', 'CLV', 'Program ROI'];
const TABS = [
  'Overview',
  'Checklists',
  'Surveys',
  'Active users',
  'Retention',
  'Usage',
  'Announcements',
  'Rewards',
  'Segments',
  'Program impact',
];

/** Every chart on the page (canvas or SVG) is an image with a non-empty name. */
async function chartsWithoutText(page: Page): Promise<number> {
  return page
    .locator('canvas, svg')
    .evaluateAll(
      (charts) => charts.filter((chart) => chart.getAttribute('role') !== 'img' || !chart.getAttribute('aria-label')?.trim()).length,
    );
}

test('the dashboard opens on the overview cards with the previous period, its tabs work from the keyboard, and every chart has a text alternative', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await withHearthStack(async (stack) => {
    const { project, secret } = loadDemoProject();
    await seedDemoData({ collectorUrl: stack.collector.url, project, secret, store: stack.store });
    await page.setViewportSize({ width: 1280, height: 800 });
    await adminConsole(page, stack.collector.url).signIn();
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Dashboard' }).click();

    // It opens on the Overview tab: a card per headline KPI, each with the previous period and the change.
    await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    const panel = page.getByRole('tabpanel', { name: 'Overview' });
    for (const name of CARDS) {
      const card = panel.getByRole('region', { name, exact: true });
      await expect(card.getByRole('term').filter({ hasText: 'Previous period' })).toBeVisible();
      await expect(card.getByTestId('overview-previous')).toBeVisible();
    }
    // The figures are the overview API's for the same dates (the console's default: the last 30 days, today included).
    const from = await page.getByLabel('From').inputValue();
    const to = await page.getByLabel('To (inclusive)').inputValue();
    const end = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString();
    const answer = (await (
      await fetch(`${stack.collector.url}/v1/admin/kpi/overview?from=${from}T00:00:00Z&to=${end}`, {
        headers: { Authorization: `Bearer ${secret}` },
      })
    ).json()) as KpiOverviewAnswer;
    const nps = answer.cards.find((card) => card.kpi === 'nps');
    // The seeded demo has NPS answers in this month and the one before.
    expect(nps?.current).not.toBeNull();
    expect(nps?.previous).not.toBeNull();
    const npsCard = panel.getByRole('region', { name: 'NPS', exact: true });
    await expect(npsCard.getByTestId('overview-current')).toHaveAttribute('value', String(nps?.current));
    await expect(npsCard.getByTestId('overview-previous')).toHaveAttribute('value', String(nps?.previous));
    await expect(npsCard.getByTestId('overview-change')).toHaveText(/^[+−]?\d+(\.\d+)? pts$/);
    await expect(npsCard.getByRole('img', { name: /^NPS over the last 6 periods, oldest first: / })).toBeVisible();
    // The demo's seeded revenue: MRR in minor units behind its money text, the change relative.
    const mrrAnswer = answer.cards.find((card) => card.kpi === 'mrr');
    expect(mrrAnswer?.current).not.toBeNull();
    const mrr = panel.getByRole('region', { name: 'MRR', exact: true });
    await expect(mrr.getByTestId('overview-current')).toHaveAttribute('value', String(mrrAnswer?.current));
    await expect(mrr.getByTestId('overview-current')).toHaveText(/^€[\d,]+\.\d{2}$/);
    await expect(mrr.getByRole('term').filter({ hasText: 'Change (relative)' })).toBeVisible();
    // The demo has no CLI survey: "—" with the reason, never 0.
    const cli = panel.getByRole('region', { name: 'CLI', exact: true });
    await expect(cli.getByTestId('overview-current')).toHaveText('—');
    await expect(cli).toContainText('The project has no CLI survey yet.');
    expect(await chartsWithoutText(page)).toBe(0);
    expect(await seriousViolations(page), 'overview').toEqual([]);

    // Keyboard: Tab reaches the selected tab, the arrow keys, Home and End move and select, each with its address.
    await page.getByLabel('Segment (trait:value)').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('tab', { name: 'Overview' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    const checklists = page.getByRole('tab', { name: 'Checklists' });
    await expect(checklists).toBeFocused();
    await expect(checklists).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/\/admin\/dashboard#checklists$/);
    await expect(page.getByRole('tabpanel', { name: 'Checklists' }).getByRole('heading', { name: 'Checklist funnel' })).toBeVisible();
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: 'Program impact' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Overview' })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tab', { name: 'Program impact' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    // Tab leaves the tab list for the panel: only the selected tab is in the tab order.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('tabpanel')).toBeFocused();

    // Each panel has its address; its chart comes first, named, and its table folds below it.
    await page.goto(`${stack.collector.url}/admin/dashboard#active-users`);
    await expect(page.getByRole('tab', { name: 'Active users' })).toHaveAttribute('aria-selected', 'true');
    const active = page.getByRole('region', { name: 'Active users' });
    await expect(active.getByRole('img', { name: /^Active users: \d{4}-\d{2}-\d{2}: \d+/ })).toBeVisible();
    const table = active.getByRole('table', { name: /Active users, daily/ });
    await expect(table).toBeHidden();
    await active.getByText('Table: Active users, daily').click();
    await expect(table).toBeVisible();

    for (const name of TABS) {
      await page.getByRole('tab', { name, exact: true }).click();
      await expect(page.getByRole('tabpanel', { name, exact: true })).toBeVisible();
      await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
      expect(await chartsWithoutText(page), name).toBe(0);
    }
  });
});
