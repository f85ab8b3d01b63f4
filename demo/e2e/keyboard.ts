import { expect, type Locator, type Page } from '@playwright/test';

/** `:focus` matches inside a shadow tree, where `document.activeElement` only shows the host. */
const isFocused = (target: Locator) => target.evaluate((element) => element.matches(':focus'));

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would, and fails if it
 * never gets there: a control that Tab cannot reach is a bug.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, maxPresses = 40 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < maxPresses; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  expect(await isFocused(target), `reached ${target} within ${maxPresses} Tab presses`).toBe(true);
}

export async function expectFocused(target: Locator): Promise<void> {
  await expect.poll(() => isFocused(target), { message: `${target} has focus` }).toBe(true);
}
