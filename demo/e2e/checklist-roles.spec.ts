import type { Page } from '@playwright/test';
import { acmeApp } from './acme-app.js';
import { checklistPanel, expect, expectChecklist, roleSetup, test, type Role } from './checklist-fixtures.js';

/**
 * Every checklist id in the `/v1/state` answers the page receives for `userId` (304s repeat an
 * earlier answer and have no body of their own). Other kinds (the demo's NPS survey) are left out.
 */
function recordStatePrompts(page: Page, userId: string): () => Promise<string[]> {
  const ids = new Set<string>();
  const reading: Promise<void>[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.endsWith('/v1/state') || url.searchParams.get('userId') !== userId || response.status() !== 200) return;
    reading.push(
      response.json().then((state: { prompts: { id: string; kind: string }[] }) => {
        for (const prompt of state.prompts) if (prompt.kind === 'checklist') ids.add(prompt.id);
      }),
    );
  });
  return async () => {
    await Promise.all(reading);
    return [...ids];
  };
}

const ROLES: Array<[Role, Role]> = [
  ['admin', 'member'],
  ['member', 'admin'],
];

for (const [role, other] of ROLES) {
  test(`the ${role} sees the ${role} checklist and not the ${other}'s`, async ({ page }) => {
    const mine = roleSetup(role);
    const theirs = roleSetup(other);
    await page.goto('/');
    const received = recordStatePrompts(page, mine.user.id);
    await acmeApp(page).signIn(mine.user.email);

    await expectChecklist(page, mine.checklist);
    const { panel } = checklistPanel(page);
    await expect(panel.getByRole('heading', { name: theirs.checklist.content.title })).toHaveCount(0);
    // The server decides: the other role's checklist never reaches this browser at all.
    expect(await received(), `checklists in /v1/state answers for ${mine.user.id}`).toEqual([mine.checklist.id]);
  });
}
