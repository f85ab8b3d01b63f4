import { randomBytes } from 'node:crypto';
import { expect, test as base, type Locator, type Page } from '@playwright/test';
import type { AudienceRule, ChecklistPrompt } from '@hearth/schema';
import { loadDemoProject } from '../server/demo-project.js';
import { demoUsers, type DemoUser } from '../server/demo-users.js';
import { acmeApp } from './acme-app.js';
import { withHearthStack, type HearthStack } from './fixtures.js';

/**
 * Checklist progress lives on the server, so each checklist spec gets its own collector and demo
 * server: a user's items start undone whatever ran before, and specs can run in any order.
 */
export const test = base.extend<{ stack: HearthStack }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern here.
  stack: async ({}, use) => withHearthStack(use),
  baseURL: async ({ stack }, use) => use(stack.demoUrl),
});

export { expect };

export type Role = DemoUser['role'];

/** Whether `rule` admits users whose `role` trait is `role` (the demo's audiences are that simple). */
function targetsRole(rule: AudienceRule, role: Role): boolean {
  switch (rule.type) {
    case 'all':
    case 'any':
      return rule.rules.some((child) => targetsRole(child, role));
    case 'trait':
      if (rule.trait !== 'role') return false;
      if (rule.op === 'equals') return rule.value === role;
      return rule.op === 'in' && rule.values.includes(role);
    default:
      return false;
  }
}

/** The demo account with `role`, and the checklist demo/hearth.config.json gives that role. */
export function roleSetup(role: Role): { user: DemoUser; checklist: ChecklistPrompt } {
  const user = demoUsers.find((candidate) => candidate.role === role);
  const matches = loadDemoProject().project.prompts.filter(
    (prompt): prompt is ChecklistPrompt => prompt.kind === 'checklist' && !!prompt.audience && targetsRole(prompt.audience, role),
  );
  if (!user || matches.length !== 1) {
    throw new Error(`demo/hearth.config.json: expected one checklist for role "${role}" and a demo user with it, found ${matches.length}`);
  }
  return { user, checklist: matches[0] as ChecklistPrompt };
}

type Item = ChecklistPrompt['content']['items'][number];

/** The event that completes `item`; the demo's items all complete on a real app event. */
export function completingEvent(item: Item): string {
  if (item.completeWhen.type !== 'event') throw new Error(`item "${item.id}": expected completeWhen.type "event"`);
  return item.completeWhen.event;
}

/** Does in the app, through its UI, what each demo checklist item asks for. */
export async function doItemInApp(page: Page, item: Item): Promise<void> {
  const app = acmeApp(page);
  const run = randomBytes(3).toString('hex');
  const event = completingEvent(item);
  switch (event) {
    case 'Project Created':
      await app.openPage('Projects');
      return app.createProject(`Checklist ${run}`);
    case 'Teammate Invited':
      await app.openPage('Projects');
      return app.inviteTeammate(`lin@team-${run}.test`);
    case 'Report Exported':
      await app.openPage('Reports');
      return app.exportReport(`checklist-${run}`);
    default:
      throw new Error(`item "${item.id}": the demo app has no action that tracks "${event}"`);
  }
}

/** The checklist in the app's "Getting started" panel, found by roles through its open shadow root. */
export function checklistPanel(page: Page) {
  const panel = page.getByRole('complementary', { name: 'Getting started' }).getByRole('region');
  return {
    panel,
    progress: panel.getByRole('progressbar'),
    item: (title: string): Locator => panel.getByRole('listitem').filter({ hasText: title }),
  };
}

/** An item's Start control: a link for `url` actions, a button for `event` actions. */
export function startControl(scope: Locator, name = 'Start'): Locator {
  return scope.getByRole('link', { name, exact: true }).or(scope.getByRole('button', { name, exact: true }));
}

/** An item's state as a screen reader announces it (the visually hidden suffix of its title). */
export async function expectItemDone(item: Locator, done = true): Promise<void> {
  if (done) await expect(item).toContainText(', Done');
  else await expect(item).toContainText(', Not done');
}

/** The checklist shows `checklist`'s title and every one of its items, none done yet or as given. */
export async function expectChecklist(page: Page, checklist: ChecklistPrompt, doneIds: readonly string[] = []): Promise<void> {
  const { panel, item, progress } = checklistPanel(page);
  await expect(panel.getByRole('heading', { name: checklist.content.title })).toBeVisible();
  await expect(panel.getByRole('listitem')).toHaveCount(checklist.content.items.length);
  for (const entry of checklist.content.items) await expectItemDone(item(entry.title), doneIds.includes(entry.id));
  await expect(progress).toHaveAttribute('aria-valuenow', String(doneIds.length));
}
