import type { Browser } from '@playwright/test';
import type { HostStack } from './host.js';
import { openHostPage, SETTLE_MS, waitForHearthReady, waitForWidget, type Variant } from './open-page.js';

export interface LoadMetrics {
  variant: Variant;
  /** From the install script creating `window.Hearth` to Hearth's `ready` event. */
  readyMs: number | null;
  /** From the same start to the frame that painted the first widget (null: none shown). */
  widgetMs: number | null;
  /** Chromium's cumulative main-thread figures for the page (CDP Performance.getMetrics). */
  scriptMs: number;
  taskMs: number;
  longTasks: number;
  longestTaskMs: number;
  layoutShift: number;
  /** Script time inside long animation frames (> 50 ms) spent in Hearth's files. */
  hearthLongFrameScriptMs: number;
  jsHeapMiB: number;
  /** Hearth files fetched, relative to /sdk/, and their body bytes on the wire. */
  sdkRequests: string[];
  sdkBytes: number;
}

interface InPageRecord {
  longTasks: number[];
  layoutShift: number;
  loafScripts: { url: string; duration: number; frame: number }[];
}

function metric(metrics: { name: string; value: number }[], name: string): number {
  const found = metrics.find((m) => m.name === name);
  if (!found) throw new Error(`CDP Performance.getMetrics has no ${name}`);
  return found.value;
}

/** One cold page load in a fresh browser context. */
export async function measureLoad(browser: Browser, stack: HostStack, variant: Variant): Promise<LoadMetrics> {
  const { context, page, sdkRequests, sdkBytes } = await openHostPage(browser, stack, variant);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(stack.pageUrl, { waitUntil: 'load' });
    if (variant === 'with') {
      await waitForHearthReady(page);
      await waitForWidget(page);
    }
    await page.waitForTimeout(SETTLE_MS);
    // No helper functions inside: tsx would wrap them in its `__name` helper, unknown in the page.
    const observed = await page.evaluate(() => ({
      marks: ['hearth:snippet', 'hearth:ready', 'hearth:widget'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? null),
      record: (globalThis as unknown as { __hearthBench: InPageRecord }).__hearthBench,
    }));
    const [start, ready, widget] = observed.marks;
    const since = (end: number | null | undefined) => (start != null && end != null ? end - start : null);
    if (variant === 'without' && sdkRequests.length)
      throw new Error(`"without Hearth" page fetched Hearth files: ${sdkRequests.join(', ')}`);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const { record } = observed;
    return {
      variant,
      readyMs: since(ready),
      widgetMs: since(widget),
      scriptMs: metric(metrics, 'ScriptDuration') * 1000,
      taskMs: metric(metrics, 'TaskDuration') * 1000,
      longTasks: record.longTasks.length,
      longestTaskMs: Math.max(0, ...record.longTasks),
      layoutShift: record.layoutShift,
      hearthLongFrameScriptMs: record.loafScripts
        .filter((script) => script.url.startsWith(stack.sdkUrl))
        .reduce((sum, script) => sum + script.duration, 0),
      jsHeapMiB: metric(metrics, 'JSHeapUsedSize') / 2 ** 20,
      sdkRequests: [...sdkRequests],
      sdkBytes: await sdkBytes(),
    };
  } finally {
    await context.close();
  }
}
