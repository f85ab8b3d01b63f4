import { randomBytes } from 'node:crypto';
import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { acmeApp } from './acme-app.js';
import { startFaultProxy, type BatchArrival, type FaultProxy } from './fault-proxy.js';
import { withHearthStack, type HearthStack } from './fixtures.js';

export type FaultyStack = HearthStack & { proxy: FaultProxy };

/** A fresh collector per spec, reached by the demo's pages only through a fault-injecting proxy. */
export const test = base.extend<{ stack: FaultyStack }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern here.
  stack: async ({}, use) => {
    let proxy: FaultProxy | undefined;
    try {
      await withHearthStack((stack) => use({ ...stack, proxy: proxy as FaultProxy }), {
        collectorUrlForPages: async (url) => (proxy = await startFaultProxy(url)).url,
      });
    } finally {
      await proxy?.close();
    }
  },
  baseURL: async ({ stack }, use) => use(stack.demoUrl),
});

export { expect };

/** The name every event these specs track carries; `run` tells one spec's events from another's. */
const EVENT = 'Delivery Checked';
type HearthWindow = Window & { Hearth?: ((...args: unknown[]) => void) & { live?: true } };

/** Tabs of one signed-in person: the first signs in through the form, the others open the app. */
export async function openSignedInTabs(context: BrowserContext, count: number): Promise<[Page, ...Page[]]> {
  const first = await context.newPage();
  await first.goto('/');
  await acmeApp(first).signIn('ada@acme.test');
  const tabs: [Page, ...Page[]] = [first];
  while (tabs.length < count) {
    const tab = await context.newPage();
    await tab.goto('/projects');
    tabs.push(tab);
  }
  for (const tab of tabs) await waitForHearth(tab);
  return tabs;
}

/** Hearth's core has loaded and replaced the snippet's queue. */
export const waitForHearth = (page: Page) => page.waitForFunction(() => (window as HearthWindow).Hearth?.live === true);

/** The host app records `count` events through the public API, as its own code would; `i` numbers them from `from`. */
export async function track(page: Page, run: string, tab: string, count: number, from = 0): Promise<void> {
  await page.evaluate(
    ({ name, run, tab, count, from }) => {
      for (let i = from; i < from + count; i++) (window as HearthWindow).Hearth?.('track', name, { run, tab, i });
    },
    { name: EVENT, run, tab, count, from },
  );
}

export const newRun = () => randomBytes(4).toString('hex');

/** This run's events in the collector's store. */
async function storedEvents(stack: HearthStack, run: string) {
  const events = await stack.store.listEvents(stack.projectId, {});
  return events.filter((event) => event.type === 'track' && event.name === EVENT && event.properties?.run === run);
}

/**
 * Waits until `tracked` events of `run` are stored, then reports stored against tracked and how often
 * each stored event crossed the network (fetches and beacons that reached the proxy), for the log.
 */
export async function expectAllStored(stack: FaultyStack, scenario: string, run: string, tracked: number, timeout: number) {
  await expect
    .poll(async () => (await storedEvents(stack, run)).length, { timeout, intervals: [500, 1000, 2000] })
    .toBeGreaterThanOrEqual(tracked);
  const events = await storedEvents(stack, run);
  // One row per messageId is the store's key; one row per tracked call is what counts.
  const calls = new Set(events.map((event) => `${String(event.properties?.tab)}:${String(event.properties?.i)}`));
  const perEvent = (counted: (batch: BatchArrival) => boolean) => {
    const sends = new Map(events.map((event) => [event.messageId, 0]));
    for (const batch of stack.proxy.batches.filter(counted))
      for (const id of batch.messageIds) if (sends.has(id)) sends.set(id, (sends.get(id) ?? 0) + 1);
    const counts = [...sends.values()];
    return { mean: Number((counts.reduce((sum, n) => sum + n, 0) / Math.max(counts.length, 1)).toFixed(2)), max: Math.max(...counts) };
  };
  // Every request that reached the proxy, and those the collector answered (not cut, not refused).
  const all = perEvent(() => true);
  const answered = perEvent((batch) => batch.answer === 200);
  const report = {
    scenario,
    tracked,
    stored: events.length,
    distinctCalls: calls.size,
    sendsPerEvent: all.mean,
    maxSends: all.max,
    answeredSendsPerEvent: answered.mean,
    maxAnsweredSends: answered.max,
  };
  console.log(`[delivery] ${JSON.stringify(report)}`);
  test.info().annotations.push({ type: 'delivery', description: JSON.stringify(report) });
  expect(report.stored, 'stored = tracked').toBe(tracked);
  expect(report.distinctCalls, 'each tracked call stored once').toBe(tracked);
  return report;
}

/** Hearth's keys in this origin's localStorage. */
export const hearthKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('hearth:')));
