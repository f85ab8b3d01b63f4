import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD } from '../server/demo-admin.js';

/** Drives the admin console by accessible names, as a product manager would. */
export function adminConsole(page: Page, collectorUrl: string) {
  return {
    async signIn(password = DEMO_ADMIN_PASSWORD, email = DEMO_ADMIN_EMAIL) {
      await page.goto(`${collectorUrl}/admin/`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
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

/** Prompt-editing steps shared by the console specs, by accessible names. */
export function promptEditor(page: Page) {
  return {
    /** Opens a prompt type's list from the console's sidebar ("Surveys", "Announcements"…). */
    async openList(kind: string) {
      await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: kind }).click();
      await expect(page.getByRole('heading', { level: 1, name: kind })).toBeVisible();
    },
    /** Opens the editor's section `title` (a closed <details> until a person opens it). */
    async openSection(title: string) {
      const section = page.locator('details.section').filter({ has: page.getByRole('heading', { name: title }) });
      if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
    },
    /** Adds a targeting rule `trait equals value` as row `rule` (1-based). */
    async addTraitRule(rule: number, trait: string, value: string) {
      // The rules live in the editor's Audience section, closed until opened.
      await this.openSection('Audience');
      await page.getByRole('button', { name: 'Add rule' }).click();
      await expect(page.getByLabel(`Rule ${rule}`, { exact: true })).toHaveValue('trait');
      await page.locator(`#audience-rows-${rule - 1}-name`).fill(trait);
      await page.locator(`#audience-rows-${rule - 1}-op`).selectOption('equals');
      await page.locator(`#audience-rows-${rule - 1}-value`).fill(value);
    },
    /** Saves with the editor's submit button (its label differs per kind) and waits for the collector's answer. */
    async save(label: string | RegExp = 'Save') {
      await page.getByRole('button', { name: label, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: /^Saved \(version \d+\)\.$/ })).toBeVisible();
    },
    async publish() {
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: /^Published \(version \d+\)\.$/ })).toBeVisible();
      await expect(page.locator('.page-head .status')).toHaveText('live');
    },
    /** "Preview as": finds users by id prefix or `trait:value`, then picks `userId`. */
    async previewAs(query: string, userId: string) {
      await page.getByLabel('Find a real user (id prefix, or trait as key:value)').fill(query);
      await page.getByRole('search', { name: 'Find a user to preview as' }).getByRole('button', { name: 'Find' }).click();
      await page.getByRole('button', { name: `Preview as ${userId}` }).click();
      await expect(page.getByTestId('preview-user')).toContainText(userId);
    },
  };
}
