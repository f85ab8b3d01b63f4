import type { Page } from '@playwright/test';

/** One docs image: a console route, the heading that says it rendered, and what to do first. */
export type ConsoleShot = {
  file: string;
  /** The console route, the part after /admin/. */
  route: string;
  heading: string;
  /** What goes in the image: the viewport (default), the whole page, or one region by its name. */
  area?: 'viewport' | 'fullPage' | { region: string };
  /** Steps after the page rendered (e.g. run a search), before it settles and is captured. */
  prepare?: (page: Page) => Promise<void>;
};

/** "Preview as" a seeded user, so the preview shows their real progress. */
const previewAs = (userId: string) => async (page: Page) => {
  await page.getByLabel('Find a real user (id prefix, or trait as key:value)').fill(userId);
  await page.getByRole('search', { name: 'Find a user to preview as' }).getByRole('button', { name: 'Find' }).click();
  await page.getByRole('button', { name: `Preview as ${userId}` }).click();
  await page.getByTestId('preview-user').filter({ hasText: userId }).waitFor();
};

/** Invites an editor on the Team page, so the image shows the one-time link (and the audit log the invitation); hands the link on. */
const inviteEditor = (onLink: (link: string) => void) => async (page: Page) => {
  const email = 'lin@acme.test';
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('editor');
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  onLink(await page.getByLabel(`Invitation link for ${email} (editor)`).inputValue());
};

/** Every console page the docs tour shows (docs/admin-console.md), in tour order. */
export function consoleShots(userId: string, onInvitationLink: (link: string) => void): ConsoleShot[] {
  return [
    { file: 'admin-templates.png', route: 'templates', heading: 'Templates' },
    { file: 'admin-template-editor.png', route: 'templates/onboarding-by-role', heading: 'New checklist' },
    { file: 'admin-checklists.png', route: 'prompts', heading: 'Checklists' },
    { file: 'admin-checklist-editor.png', route: 'prompts/checklist/admin-onboarding', heading: 'Checklist: Onboarding: workspace admins' },
    {
      file: 'admin-checklist-preview.png',
      route: 'prompts/checklist/admin-onboarding',
      heading: 'Checklist: Onboarding: workspace admins',
      area: { region: 'Preview' },
      prepare: previewAs(userId),
    },
    { file: 'admin-surveys.png', route: 'prompts/surveys', heading: 'Surveys' },
    { file: 'admin-survey-editor.png', route: 'prompts/survey/nps-2026', heading: 'Survey: NPS after a few reports' },
    {
      file: 'admin-survey-preview.png',
      route: 'prompts/survey/nps-2026',
      heading: 'Survey: NPS after a few reports',
      area: { region: 'Preview' },
    },
    { file: 'admin-announcements.png', route: 'prompts/announcements', heading: 'Announcements' },
    {
      file: 'admin-announcement-editor.png',
      route: 'prompts/announcement/faster-exports',
      heading: 'Announcement: Report exports are three times faster',
    },
    { file: 'admin-rewards.png', route: 'prompts/rewards', heading: 'Rewards' },
    { file: 'admin-settings.png', route: 'settings', heading: 'Project settings' },
    { file: 'admin-dashboard.png', route: 'dashboard', heading: 'Dashboard', area: 'fullPage' },
    {
      file: 'admin-users.png',
      route: 'users',
      heading: 'Users',
      // Empty fields list everyone.
      prepare: async (page) => {
        await page.getByRole('search', { name: 'Find users' }).getByRole('button', { name: 'Search' }).click();
        await page.getByRole('table').waitFor();
      },
    },
    { file: 'admin-user-detail.png', route: `users/${encodeURIComponent(userId)}`, heading: `User ${userId}` },
    { file: 'admin-team.png', route: 'team', heading: 'Team', prepare: inviteEditor(onInvitationLink) },
    { file: 'admin-audit.png', route: 'audit', heading: 'Audit log' },
  ];
}

/**
 * Waits until the page has nothing left to load: no request in flight, no `aria-busy` placeholder,
 * and two animation frames so charts drawn after the last answer are on the canvas.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}
