import { test as base, expect } from '@playwright/test';
import { loadDemoProject } from '../server/demo-project.js';
import { seedDemoData } from '../server/seed.js';
import { adminConsole } from './admin-console.js';
import { withHearthStack } from './fixtures.js';

const test = base;

test('the dashboard shows members against non-members and exposed against the holdout with 95 % intervals, and a one-click segment split', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await withHearthStack(async (stack) => {
    const { project, secret } = loadDemoProject();
    await seedDemoData({ collectorUrl: stack.collector.url, project, secret, store: stack.store });
    // Turn the holdout on through the admin API, as a backend with the secret key would.
    const auth = { Authorization: `Bearer ${secret}` };
    const current = await (await fetch(`${stack.collector.url}/v1/admin/rewards-program`, { headers: auth })).json();
    const put = await fetch(`${stack.collector.url}/v1/admin/rewards-program`, {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'application/json', 'If-Match': `"${current.version}"` },
      body: JSON.stringify({ ...current.program, holdout: { percent: 20 }, pointValue: 0.01 }),
    });
    expect(put.status).toBe(200);

    await adminConsole(page, stack.collector.url).signIn();
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('tab', { name: 'Program impact' }).click();
    const impact = page.getByRole('region', { name: 'Program impact' });
    await expect(impact.getByRole('term').filter({ hasText: 'Membership rate' })).toBeVisible();
    const members = impact.getByRole('table', { name: /Members vs non-members/ });
    const retention = members.getByRole('row', { name: /Retention rate/ });
    // Each group with its sample size (every seeded customer earned points, so non-members may be 0).
    await expect(retention).toContainText(/\(n = \d+\).*\(n = \d+\)/);
    // The holdout is drawn from everyone at random (by assignment, whatever they earned before it was
    // switched on): both groups have customers, so the difference and its interval are drawn.
    const holdout = impact.getByRole('table', { name: /Exposed vs holdout \(20% of users held out at random/ });
    await expect(holdout.getByRole('row', { name: /Retention rate/ })).toContainText(/[+−±][\d.]+ pts[−\d.]+ to [−\d.]+ pts/);
    await expect(holdout.getByRole('row', { name: /Events per active user per week/ })).toContainText(/[−\d.]+ to [−\d.]+/);
    await expect(holdout.getByRole('columnheader', { name: '95 % interval' })).toBeVisible();
    // Revenue per group (the demo records revenue): ARPA with both groups' paying customers, and the
    // two CLVs side by side, which carry no interval.
    await expect(members.getByRole('row', { name: /ARPA \(EUR per month\)/ })).toContainText(/\(n = \d+\).*\(n = \d+\)/);
    await expect(impact.getByText(/^CLV \(no interval: a ratio over each group's churn\): Members /)).toBeVisible();

    await page.getByRole('tab', { name: 'Segments' }).click();
    const split = page.getByRole('region', { name: 'Segment split' });
    await split.getByRole('button', { name: 'Members vs non-members' }).click();
    const table = split.getByRole('table', { name: /Figures by segment/ });
    await expect(table.getByRole('columnheader', { name: 'program:member' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'program:non-member' })).toBeVisible();
    await split.getByRole('button', { name: 'Trial vs long-time' }).click();
    await expect(table.getByRole('columnheader', { name: 'lifecycle:long-time' })).toBeVisible();
    await expect(table.getByRole('row', { name: /Active users/ })).toContainText(/Active users\d+/);
    // Revenue split by account, worked out from the seed (seed-accounts.ts): everyone bills northwind
    // €690 + globex €290 + initech €99 a month; the long-time customers (billed for 90 days or more:
    // northwind, umbrella, globex) €690 + €290, umbrella having cancelled; the one trial account
    // (hooli, plan "trial") has no revenue yet, so its MRR is unknown, not 0.
    const cellsOf = (metric: string) => table.getByRole('row', { name: new RegExp(`^${metric.replace(/[()]/g, '\\$&')}`) }).locator('td');
    await expect(cellsOf('MRR (minor units)')).toHaveText(['MRR (minor units)', '107900', '—', '98000']);
    await expect(cellsOf('Paying customers')).toHaveText(['Paying customers', '3', '0', '2']);
  });
});
