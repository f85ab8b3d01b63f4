import type { Locator, Page } from '@playwright/test';
import { acmeApp } from './acme-app.js';
import { checklistPanel, expect, expectChecklist, roleSetup, startControl, test } from './checklist-fixtures.js';

const LOOK = ['fontSize', 'fontFamily', 'color', 'display', 'visibility'] as const;
type Look = Record<(typeof LOOK)[number], string>;

const lookOf = (target: Locator): Promise<Look> =>
  target.evaluate((element, keys) => {
    const style = getComputedStyle(element);
    return Object.fromEntries(keys.map((key) => [key, style[key]])) as Look;
  }, LOOK);

/** The widget's own text: the checklist title and the first Start control. */
async function widgetLook(page: Page): Promise<Look[]> {
  const { panel } = checklistPanel(page);
  return Promise.all([lookOf(panel.getByRole('heading', { level: 2 })), lookOf(startControl(panel).first())]);
}

test('hostile host styles do not reach the checklist, and the checklist leaves host styles alone', async ({ page }) => {
  const { user, checklist } = roleSetup('admin');
  await page.goto('/');
  await acmeApp(page).signIn(user.email);
  await expectChecklist(page, checklist);
  const normal = await widgetLook(page);
  // Host elements keep the demo's own styles (styles.css) next to a widget that also has a
  // `.card` and an `h2`: nothing of Hearth's stylesheet leaks out of its shadow root.
  const hostCard = page.locator('main section.card').first();
  await expect(hostCard).toHaveCSS('padding-top', '20px');
  await expect(page.getByRole('heading', { name: 'Getting started' })).toHaveCSS('font-size', '18.4px');

  // The hostile page: `* { all: revert; color: red !important; font: 40px serif !important }`
  // and `div { display: none }`, and the mount point is a <div>. The session cookie carries over.
  await page.goto('/projects?styles=hostile');
  await expectChecklist(page, checklist);
  const hostile = await widgetLook(page);
  expect(hostile).toEqual(normal);
  expect(hostile.map((look) => look.color)).not.toContain('rgb(255, 0, 0)');

  // ...and the host still gets exactly what its own (hostile) CSS asks for.
  const hostHeading = page.getByRole('heading', { level: 1, name: 'Projects' });
  await expect(hostHeading).toHaveCSS('color', 'rgb(255, 0, 0)');
  await expect(hostHeading).toHaveCSS('font-size', '40px');
  await expect(hostHeading).toHaveCSS('font-family', 'serif');
});
