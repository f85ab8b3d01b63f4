import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { DEMO_ADMIN_PASSWORD } from '../server/demo-admin.js';

/** Drives the admin console by accessible names, as a product manager would. */
export function adminConsole(page: Page, collectorUrl: string) {
  return {
    async signIn(password = DEMO_ADMIN_PASSWORD) {
      await page.goto(`${collectorUrl}/admin/`);
      await page.getByLabel('Admin password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Checklists' })).toBeVisible();
    },
    async openChecklist(name: string) {
      await page.getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { level: 1, name: `Checklist: ${name}` })).toBeVisible();
    },
    async save() {
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    },
  };
}

/** Serious and critical axe findings only, as `rule: help (n nodes)`. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
}
