import type { Browser, Page } from '@playwright/test';
import type { HostStack } from './host.js';
import { openHostPage, waitForHearthReady } from './open-page.js';

export type FeedResult =
  | {
      measured: true;
      announcements: number;
      /** Items in the open feed at the end (the feed pages; "more" was clicked `pages` times). */
      itemsShown: number;
      pages: number;
      /** Clicks made: open, each "more", close. */
      clicks: number;
      /** Event Timing duration (input to next paint) of each click that took ≥ 16 ms (Chromium reports no faster ones). */
      interactionsMs: number[];
      /** Longest animation frame in which Hearth's script ran during the session (0: none over 50 ms). */
      longestHearthFrameMs: number;
    }
  | { measured: false; reason: string };

const SEED_CONCURRENCY = 8;
const BELL = 'hearth-root button[aria-controls="hearth-news"]';
const ITEMS = '#hearth-news article.item';
const MORE = '#hearth-news button.more';

/**
 * Publishes `count` announcements through the collector's admin API (secret key), as a product
 * team's tooling would; each dated a minute apart so the feed has a stable order.
 */
async function seedAnnouncements(stack: HostStack, count: number): Promise<void> {
  const now = Date.now();
  const publish = async (i: number) => {
    const res = await fetch(`${stack.collectorUrl}/v1/admin/announcements`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${stack.secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        id: `bench-news-${i}`,
        status: 'live',
        publishAt: new Date(now - 3_600_000 - i * 60_000).toISOString(),
        category: ['new', 'improved', 'fixed'][i % 3],
        content: { title: `Release note ${i}`, body: `Item **${i}** of the benchmark feed.\n\n- one change\n- [another](https://example.com/${i})` },
      }),
    });
    if (res.status !== 201) throw new Error(`seeding announcement ${i} failed: ${res.status} ${await res.text()}`);
  };
  let next = 0;
  const worker = async () => {
    while (next < count) await publish(next++);
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
}

/** Installed before the page's scripts: Event Timing and long animation frames, as they happen. */
function recordInteractions() {
  const record = { events: new Map<number, number>(), frames: [] as { duration: number; urls: string[] }[] };
  (globalThis as unknown as { __hearthFeed: typeof record }).__hearthFeed = record;
  new PerformanceObserver((list) => {
    // `interactionId` groups the events of one click; TypeScript's DOM types do not have it yet.
    for (const entry of list.getEntries() as (PerformanceEntry & { interactionId?: number })[]) {
      if (entry.interactionId) record.events.set(entry.interactionId, Math.max(record.events.get(entry.interactionId) ?? 0, entry.duration));
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { scripts?: { sourceURL: string }[] })[]) {
      record.frames.push({ duration: entry.duration, urls: (entry.scripts ?? []).map((script) => script.sourceURL) });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

async function clickAndSettle(page: Page, selector: string, until: () => Promise<unknown>): Promise<void> {
  await page.locator(selector).first().click();
  await until();
  // One more frame, so the click's Event Timing entry (input → next paint) has been reported.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/**
 * The announcement feed with `count` items: seeded through the admin API, the page loaded, the
 * bell clicked open, "more" clicked `pages` times (the feed is paged by the collector), then closed.
 * Every click's latency comes from Event Timing (input to the next paint, measured by Chromium);
 * the rendering of a fetched page happens after the click, so long animation frames with Hearth
 * script in them are reported beside it.
 */
export async function measureFeed(browser: Browser, stack: HostStack, count: number, pages: number): Promise<FeedResult> {
  await seedAnnouncements(stack, count);
  const { context, page } = await openHostPage(browser, stack, 'with');
  try {
    // A function, not text: tsx adds no helpers to it, since it declares no named inner functions.
    await page.addInitScript(recordInteractions);
    await page.goto(stack.pageUrl, { waitUntil: 'load' });
    await waitForHearthReady(page);
    await page.locator(BELL).waitFor({ state: 'visible', timeout: 15_000 });
    const items = () => page.locator(ITEMS).count();
    await clickAndSettle(page, BELL, () => page.locator(ITEMS).first().waitFor());
    for (let i = 0; i < pages; i++) {
      const before = await items();
      // Shadow roots are opaque to `:has()`, so the count walks Hearth's hosts (no helper functions: tsx would wrap them).
      await clickAndSettle(page, MORE, () =>
        page.waitForFunction(
          (n) => Array.from(document.querySelectorAll('hearth-root')).reduce((sum, host) => sum + (host.shadowRoot?.querySelectorAll('#hearth-news article.item').length ?? 0), 0) > n,
          before,
        ),
      );
    }
    const itemsShown = await items();
    await clickAndSettle(page, BELL, () => page.locator(ITEMS).first().waitFor({ state: 'detached' }));
    const recorded = await page.evaluate(() => {
      const record = (globalThis as unknown as { __hearthFeed: { events: Map<number, number>; frames: { duration: number; urls: string[] }[] } }).__hearthFeed;
      return { events: [...record.events.values()], frames: record.frames };
    });
    const hearthFrames = recorded.frames.filter((frame) => frame.urls.some((url) => url.startsWith(stack.sdkUrl)));
    return {
      measured: true,
      announcements: count,
      itemsShown,
      pages,
      clicks: pages + 2,
      interactionsMs: recorded.events,
      longestHearthFrameMs: Math.max(0, ...hearthFrames.map((frame) => frame.duration)),
    };
  } finally {
    await context.close();
  }
}
