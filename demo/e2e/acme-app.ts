import { expect, type Page } from '@playwright/test';

/** Drives the demo app through its accessible names, the way a person would use it. */
export function acmeApp(page: Page) {
  const submit = async (button: string, confirmation: string) => {
    await page.getByRole('button', { name: button }).click();
    // The toast confirms the app handled this action (and so called Hearth) before we move on.
    // (Widgets have live regions of their own: the app's toast is the one with the message.)
    await expect(page.getByRole('status').filter({ hasText: confirmation })).toContainText(confirmation);
  };
  return {
    async requestDemo(company: string) {
      await page.getByLabel('Company').fill(company);
      await submit('Request a demo', company);
    },
    async signIn(email: string) {
      await page.getByLabel('Work email').fill(email);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    },
    async createProject(name: string) {
      await page.getByLabel('Project name').fill(name);
      await page.getByLabel('Template').selectOption('kanban');
      await submit('Create project', name);
    },
    async inviteTeammate(email: string) {
      await page.getByLabel("Teammate's email").fill(email);
      await page.getByLabel('Role').selectOption('viewer');
      await submit('Send invite', email);
    },
    async openPage(name: 'Projects' | 'Reports') {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    },
    async exportReport(fileName: string) {
      await page.getByLabel('Format').selectOption('pdf');
      await page.getByLabel('File name').fill(fileName);
      await submit('Export report', fileName);
    },
  };
}
