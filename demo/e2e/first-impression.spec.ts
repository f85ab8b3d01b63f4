import type { Locator, Page } from '@playwright/test';
import { acmeApp } from './acme-app.js';
import { checklistPanel, expect, test } from './checklist-fixtures.js';
import { rewardsPanel } from './rewards-fixtures.js';

// A laptop: the size a prospect first sees the demo at.
test.use({ viewport: { width: 1280, height: 800 } });

/**
 * Whether the whole of `form` is on screen and on top: a grid of points across it, each of which
 * must hit the form itself, not a Hearth host (`hearth-root`, a mount point) laid over it.
 */
async function expectOnScreenAndUncovered(page: Page, form: Locator): Promise<void> {
  const box = await form.boundingBox();
  if (!box) throw new Error('the form has no box');
  const viewport = page.viewportSize()!;
  expect(box.y, 'top of the form on screen').toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, 'bottom of the form above the fold').toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width, 'form within the width').toBeLessThanOrEqual(viewport.width);
  const covered = await form.evaluate((element, { x, y, width, height }) => {
    const hits: string[] = [];
    for (let i = 0; i <= 4; i += 1) {
      for (let j = 0; j <= 4; j += 1) {
        const px = x + 2 + ((width - 4) * i) / 4;
        const py = y + 2 + ((height - 4) * j) / 4;
        const hit = document.elementFromPoint(px, py);
        if (!hit || !element.contains(hit)) hits.push(`${Math.round(px)},${Math.round(py)}: ${hit?.outerHTML.slice(0, 80) ?? 'nothing'}`);
      }
    }
    return hits;
  }, box);
  expect(covered, 'points of the form covered by something else').toEqual([]);
}

test('at 1280 × 800 the app comes first: its forms above the fold after sign-in, the checklist and rewards beside them, nothing over them', async ({
  page,
}) => {
  const app = acmeApp(page);
  await page.goto('/');
  await app.signIn('ada@acme.test');
  // Every Hearth surface of this user is on the page before anything is measured.
  await expect(checklistPanel(page).panel).toBeVisible();
  await expect(rewardsPanel(page).balance).toBeVisible();
  await expect(page.locator('main')).toBeFocused();

  expect(await page.evaluate(() => window.scrollY), 'sign-in leaves the page at its top').toBe(0);
  await expectOnScreenAndUncovered(page, page.locator('#new-project-form'));
  await expectOnScreenAndUncovered(page, page.locator('#invite-form'));
  // The checklist is in view too, beside the app rather than above it.
  const checklist = await checklistPanel(page).panel.boundingBox();
  const main = await page.locator('main').boundingBox();
  expect(checklist && main && checklist.x >= main.x + main.width, 'the checklist sits beside the app').toBe(true);
  expect(checklist!.y, 'the checklist starts on screen').toBeLessThan(800);

  await app.openPage('Reports');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expectOnScreenAndUncovered(page, page.locator('#export-form'));
});
