import { expect, type Page } from '@playwright/test';

/** The rewards panel in the app's "Acme Rewards" aside, found by roles through its open shadow root. */
export function rewardsPanel(page: Page) {
  const panel = page.getByRole('complementary', { name: 'Acme Rewards' }).getByRole('region', { name: 'Rewards' });
  return {
    panel,
    balance: panel.locator('.balance'),
    history: panel.getByRole('list').filter({ has: page.locator('time') }),
    redeemButton: (item: string) => panel.getByRole('button', { name: `Redeem: ${item}` }),
    confirmButton: panel.getByRole('button', { name: 'Confirm' }),
    referralLink: panel.getByRole('textbox', { name: 'Your referral link' }),
  };
}

export async function expectBalance(page: Page, points: number): Promise<void> {
  await expect(rewardsPanel(page).balance).toHaveText(`${points.toLocaleString('en')} ${points === 1 ? 'point' : 'points'}`);
}
