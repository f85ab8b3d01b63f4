import type { Browser, CDPSession, Page } from '@playwright/test';
import type { HostStack } from './host.js';
import { openHostPage, SETTLE_MS, waitForHearthReady } from './open-page.js';

export type HeapCyclesResult =
  { measured: true; cycles: number; baselineKiB: number; afterKiB: number; growthKiB: number } | { measured: false; reason: string };

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

/**
 * Closes the widget and opens it again (or opens and closes it), each time waiting for the frame
 * after the change. Clicked from a page script: Playwright's locators keep state of their own in
 * the page's heap (its injected script), which would count as the widget's growth.
 */
async function toggleTwice(page: Page): Promise<void> {
  await page.evaluate(async (selector) => {
    for (let i = 0; i < 2; i++) {
      const hosts = Array.from(document.querySelectorAll('hearth-root, [data-hearth]'));
      const toggle = hosts.map((host) => host.shadowRoot?.querySelector(selector)).find(Boolean) as HTMLButtonElement | undefined;
      if (!toggle) throw new Error('the widget toggle is gone');
      const before = toggle.getAttribute('aria-expanded');
      toggle.click();
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      if (toggle.getAttribute('aria-expanded') === before) throw new Error('the widget toggle did not toggle');
    }
  }, 'button[aria-expanded]');
}

/**
 * Leak check: `cycles` warm-up cycles, then the retained heap before and after `cycles` more. The
 * warm-up lets what grows only to a bound settle first: V8's optimised code for the toggle's hot
 * paths, and Chromium's performance timeline (up to 150 layout-shift entries, each holding its
 * rects). Heap snapshots of the first block show only those; a widget that leaks keeps growing.
 */
export async function heapAfterCycles(browser: Browser, stack: HostStack, cycles: number): Promise<HeapCyclesResult> {
  const { context, page } = await openHostPage(browser, stack, 'with');
  try {
    await page.goto(stack.pageUrl, { waitUntil: 'load' });
    await waitForHearthReady(page);
    try {
      await page
        .locator(TOGGLE)
        .first()
        .waitFor({ state: 'visible', timeout: SETTLE_MS * 4 });
    } catch {
      return { measured: false, reason: 'no widget with an open/close toggle shown on the measured page' };
    }
    const cdp = await context.newCDPSession(page);
    for (let i = 0; i < cycles; i++) await toggleTwice(page);
    const baselineKiB = await retainedHeapKiB(cdp);
    for (let i = 0; i < cycles; i++) await toggleTwice(page);
    const afterKiB = await retainedHeapKiB(cdp);
    return { measured: true, cycles, baselineKiB, afterKiB, growthKiB: afterKiB - baselineKiB };
  } finally {
    await context.close();
  }
}
