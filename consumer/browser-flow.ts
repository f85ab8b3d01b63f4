/**
 * Drives the consumer app in Chromium the way its user would: sign in (identify), export a report
 * (the checklist ticks itself, the NPS survey asks), leave the route and come back (the inline
 * checklist fills again), answer the survey, open the feed, read the points balance.
 */
import { chromium, expect } from '@playwright/test';

export interface FlowTarget {
  appUrl: string;
  collectorUrl: string;
  user: { id: string; token: string };
  /** The announcement published before the flow starts. */
  announcement: string;
}

/** The checklist's "n of 3" in the app's inline mount point (locators pierce its open shadow root). */
const progress = '[data-hearth="checklist"] .count';

export async function browserFlow({ appUrl, collectorUrl, user, announcement }: FlowTarget): Promise<void> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const query = new URLSearchParams({ collector: collectorUrl, user: user.id, token: user.token });
    await page.goto(`${appUrl}/?${query}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator(progress)).toHaveText('0 of 3', { timeout: 15_000 });

    await page.getByRole('button', { name: 'Export report' }).click();
    // Delivered within the SDK's 3 s flush interval, then the state refresh ticks the item.
    await expect(page.locator(progress)).toHaveText('1 of 3', { timeout: 15_000 });

    const survey = page.getByRole('radiogroup', { name: /recommend Acme/ });
    await survey.getByRole('radio', { name: /^9\b/ }).click();
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(survey).toHaveCount(0, { timeout: 10_000 });

    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await expect(page.locator('[data-hearth="checklist"]')).toHaveCount(0);
    await page.getByRole('button', { name: 'Dashboard' }).click();
    // A new mount point: the checklist comes back in it, with the step the settings visit did.
    await expect(page.locator(progress)).toHaveText('2 of 3', { timeout: 15_000 });
    await expect(page.locator('[data-hearth="checklist"]').getByRole('listitem')).toHaveCount(3);

    await expect(page.locator('[data-hearth="rewards"] .balance')).toHaveText('100 points', { timeout: 15_000 });

    await page.getByRole('button', { name: /^What's new/ }).click();
    await expect(page.getByRole('region', { name: "What's new", exact: true }).getByRole('article', { name: announcement })).toBeVisible();
    if (errors.length) throw new Error(`the app threw: ${errors.join('; ')}`);
  } finally {
    await browser.close();
  }
}
