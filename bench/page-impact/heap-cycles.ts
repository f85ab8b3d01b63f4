import type { Browser, CDPSession, Page } from '@playwright/test';
import type { HostStack } from './host.js';
import { openHostPage, SETTLE_MS, waitForHearthReady } from './open-page.js';

export type HeapCyclesResult =
  | { measured: true; cycles: number; baselineKiB: number; afterKiB: number; growthKiB: number }
  | { measured: false; reason: string };

/**
 * The widget's disclosure toggle, through its open shadow root: a floating launcher, or the
 * minimize/expand button of an inline widget (`<div data-hearth="…">`).
 */
const TOGGLE = ':is(hearth-root, [data-hearth]) button[aria-expanded]';

/** Live JS heap after a full garbage collection, so only retained objects count. */
async function retainedHeapKiB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024;
}

/** Closes the widget and opens it again (or opens and closes it), waiting for each state. */
async function toggleTwice(page: Page): Promise<void> {
  const toggle = page.locator(TOGGLE).first();
  const initial = await toggle.getAttribute('aria-expanded');
  const other = initial === 'true' ? 'false' : 'true';
  await toggle.click();
  await page.locator(`${TOGGLE}[aria-expanded="${other}"]`).first().waitFor();
  await page.locator(TOGGLE).first().click();
  await page.locator(`${TOGGLE}[aria-expanded="${initial}"]`).first().waitFor();
}

/**
 * Leak check: one warm-up cycle (fills caches), then the retained heap before and after
 * `cycles` more. A widget that cleans up after itself shows no growth.
 */
export async function heapAfterCycles(browser: Browser, stack: HostStack, cycles: number): Promise<HeapCyclesResult> {
  const { context, page } = await openHostPage(browser, stack, 'with');
  try {
    await page.goto(stack.pageUrl, { waitUntil: 'load' });
    await waitForHearthReady(page);
    try {
      await page.locator(TOGGLE).first().waitFor({ state: 'visible', timeout: SETTLE_MS * 4 });
    } catch {
      return { measured: false, reason: 'no widget with an open/close toggle shown on the measured page' };
    }
    const cdp = await context.newCDPSession(page);
    await toggleTwice(page);
    const baselineKiB = await retainedHeapKiB(cdp);
    for (let i = 0; i < cycles; i++) await toggleTwice(page);
    const afterKiB = await retainedHeapKiB(cdp);
    return { measured: true, cycles, baselineKiB, afterKiB, growthKiB: afterKiB - baselineKiB };
  } finally {
    await context.close();
  }
}
