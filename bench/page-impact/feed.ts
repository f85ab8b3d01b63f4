import type { Browser, Page } from '@playwright/test';
import type { HostStack } from './host.js';
import { openHostPage, waitForHearthReady } from './open-page.js';
import { startTaskTrace, type TracedTask } from './task-trace.js';

export type FeedAction = 'open' | 'more' | 'react' | 'close' | 'reopen';

export interface FeedClick {
  action: FeedAction;
  /** Event Timing duration (input to next paint); 0: under 16 ms, which Chromium does not report. */
  eventMs: number;
  /** Longest animation frame with Hearth script in it from this click to the next (0: none over 50 ms). */
  hearthFrameMs: number;
  /** Longest main-thread task from this click to the next, by thread CPU time (unaffected by other load). */
  taskCpuMs: number;
}

export type FeedResult =
  | {
      measured: true;
      announcements: number;
      /** Items in the open feed once "more" is gone (every page loaded). */
      itemsShown: number;
      clicks: FeedClick[];
      /** `#hearth-news/<oldest id>` on a fresh load: the feed pages until that item is focused. */
      deepLink: { focused: boolean; ms: number; longestHearthFrameMs: number; longestTaskCpuMs: number };
    }
  | { measured: false; reason: string };

/** What a user waits for after one click: its next paint, or a frame Hearth's script ran in after it. */
export const clickCostMs = (click: FeedClick) => Math.max(click.eventMs, click.hearthFrameMs);

const SEED_CONCURRENCY = 8;
const BELL = 'hearth-root button[aria-controls="hearth-news"]';
const ITEMS = '#hearth-news article.item';
const MORE = '#hearth-news button.more';
const DEEP_LINK_TIMEOUT_MS = 60_000;
/** `performance.mark` set just before each click (and the deep link): where its trace window starts. */
const CLICK_MARK = 'hearth-feed-click';
const longestCpu = (tasks: TracedTask[], from: number, to: number) =>
  Math.max(0, ...tasks.filter((t) => t.ts >= from && t.ts < to).map((t) => t.cpuMs));

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
        content: {
          title: `Release note ${i}`,
          body: `Item **${i}** of the benchmark feed.\n\n- one change\n- [another](https://example.com/${i})`,
        },
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

interface InPageFeedRecord {
  events: { start: number; duration: number }[];
  frames: { start: number; duration: number; urls: string[] }[];
}

/** Installed before the page's scripts: Event Timing and long animation frames, as they happen. */
function recordInteractions() {
  const record: InPageFeedRecord = { events: [], frames: [] };
  (globalThis as unknown as { __hearthFeed: InPageFeedRecord }).__hearthFeed = record;
  new PerformanceObserver((list) => {
    // `interactionId` marks the events of a user interaction; TypeScript's DOM types do not have it yet.
    for (const entry of list.getEntries() as (PerformanceEntry & { interactionId?: number })[]) {
      if (entry.interactionId) record.events.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { scripts?: { sourceURL: string }[] })[]) {
      record.frames.push({
        start: entry.startTime,
        duration: entry.duration,
        urls: (entry.scripts ?? []).map((script) => script.sourceURL),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

/** Items in Hearth's feed, through the shadow roots (opaque to `:has()`); no helper functions: tsx would wrap them. */
const itemCount = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('hearth-root')).reduce(
      (sum, host) => sum + (host.shadowRoot?.querySelectorAll('#hearth-news article.item').length ?? 0),
      0,
    ),
  );

/**
 * Clicks, waits for `until`, then one more frame and a short idle, so the click's Event Timing
 * entry and the frames of work it started have been reported. Returns the page time just before
 * the click: the start of the window its cost is read from.
 */
async function clickAndSettle(page: Page, selector: string, until: () => Promise<unknown>): Promise<number> {
  const target = page.locator(selector).first();
  // As a user does: scroll to it, see it (a frame for items coming into view to take their size), click.
  await target.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const start = await page.evaluate((mark) => performance.mark(mark).startTime, CLICK_MARK);
  await target.click();
  await until();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  return start;
}

/**
 * Each click's cost: the Event Timing entries and Hearth's long frames between its start and the
 * next click's, and the longest main-thread task between its trace mark and the next one.
 */
function attribute(
  clicks: { action: FeedAction; start: number }[],
  record: InPageFeedRecord,
  sdkUrl: string,
  trace: { marks: number[]; tasks: TracedTask[] },
): FeedClick[] {
  return clicks.map(({ action, start }, i) => {
    const end = clicks[i + 1]?.start ?? Infinity;
    const within = (t: number) => t >= start && t < end;
    const events = record.events.filter((e) => within(e.start)).map((e) => e.duration);
    const frames = record.frames.filter((f) => within(f.start) && f.urls.some((url) => url.startsWith(sdkUrl))).map((f) => f.duration);
    const taskCpuMs = longestCpu(trace.tasks, trace.marks[i] ?? Infinity, trace.marks[i + 1] ?? Infinity);
    return { action, eventMs: Math.max(0, ...events), hearthFrameMs: Math.max(0, ...frames), taskCpuMs };
  });
}

/**
 * A fresh load of `#hearth-news/<id>` for an item on the last feed page: how long until it has
 * focus (from navigation start), and the longest frame with Hearth script on the way.
 */
async function measureDeepLink(
  page: Page,
  stack: HostStack,
  id: string,
): Promise<{ focused: boolean; ms: number; longestHearthFrameMs: number }> {
  await page.evaluate((mark) => performance.mark(mark), CLICK_MARK);
  // Via about:blank: from the page itself, a new fragment would be a same-document navigation.
  await page.goto('about:blank');
  await page.goto(`${stack.pageUrl}#hearth-news/${id}`, { waitUntil: 'load' });
  const label = `hearth-news-${id}`;
  const ms = await page
    .waitForFunction(
      (labelledBy) =>
        Array.from(document.querySelectorAll('hearth-root')).some(
          (host) => host.shadowRoot?.activeElement?.getAttribute('aria-labelledby') === labelledBy,
        ) && performance.now(),
      label,
      { timeout: DEEP_LINK_TIMEOUT_MS, polling: 16 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>)
    .catch(() => null);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  const frames = await page.evaluate(() => (globalThis as unknown as { __hearthFeed: InPageFeedRecord }).__hearthFeed.frames);
  const hearthFrames = frames.filter((f) => f.urls.some((url) => url.startsWith(stack.sdkUrl))).map((f) => f.duration);
  return { focused: ms !== null, ms: ms ?? DEEP_LINK_TIMEOUT_MS, longestHearthFrameMs: Math.max(0, ...hearthFrames) };
}

/**
 * The announcement feed with `count` items: seeded through the admin API, the page loaded, the
 * bell clicked open, "more" clicked until every page is shown (the collector pages the feed), a
 * reaction given on the last item, the feed closed and opened again with everything in it, then
 * closed. Each click's cost is the worse of its Event Timing duration (input to next paint,
 * measured by Chromium) and the longest animation frame with Hearth script in it before the next
 * click: the rendering of a fetched page happens after its click's paint, in later tasks.
 * Last, a fresh load deep-links to the oldest item.
 */
export async function measureFeed(browser: Browser, stack: HostStack, count: number): Promise<FeedResult> {
  await seedAnnouncements(stack, count);
  const { context, page } = await openHostPage(browser, stack, 'with');
  const trace = await startTaskTrace(await browser.newBrowserCDPSession(), CLICK_MARK);
  try {
    // A function, not text: tsx adds no helpers to it, since it declares no named inner functions.
    await page.addInitScript(recordInteractions);
    await page.goto(stack.pageUrl, { waitUntil: 'load' });
    await waitForHearthReady(page);
    await page.locator(BELL).waitFor({ state: 'visible', timeout: 15_000 });
    const clicks: { action: FeedAction; start: number }[] = [];
    const click = async (action: FeedAction, selector: string, until: () => Promise<unknown>) =>
      clicks.push({ action, start: await clickAndSettle(page, selector, until) });
    const itemsAtLeast = (n: number) =>
      page.waitForFunction(
        (min) =>
          Array.from(document.querySelectorAll('hearth-root')).reduce(
            (sum, host) => sum + (host.shadowRoot?.querySelectorAll('#hearth-news article.item').length ?? 0),
            0,
          ) >= min,
        n,
      );
    // Any change: a state refresh may also fold the list (it did before the feed kept loaded pages).
    const itemsChanged = (n: number) =>
      page.waitForFunction(
        (was) =>
          Array.from(document.querySelectorAll('hearth-root')).reduce(
            (sum, host) => sum + (host.shadowRoot?.querySelectorAll('#hearth-news article.item').length ?? 0),
            0,
          ) !== was,
        n,
      );

    await click('open', BELL, () => page.locator(ITEMS).first().waitFor());
    while (await page.locator(MORE).count()) {
      const before = await itemCount(page);
      await click('more', MORE, () => itemsChanged(before));
    }
    const itemsShown = await itemCount(page);
    await click('react', `${ITEMS} >> nth=-1 >> .reactions button`, () => page.locator('#hearth-news .feedback').waitFor());
    await click('close', BELL, () => page.locator(ITEMS).first().waitFor({ state: 'hidden' }));
    await click('reopen', BELL, () => itemsAtLeast(itemsShown));
    await click('close', BELL, () => page.locator(ITEMS).first().waitFor({ state: 'hidden' }));
    const record = await page.evaluate(() => (globalThis as unknown as { __hearthFeed: InPageFeedRecord }).__hearthFeed);
    const deepLink = await measureDeepLink(page, stack, `bench-news-${count - 1}`);
    const traced = await trace.stop();
    const longestTaskCpuMs = longestCpu(traced.tasks, traced.marks[clicks.length] ?? Infinity, Infinity);
    return {
      measured: true,
      announcements: count,
      itemsShown,
      clicks: attribute(clicks, record, stack.sdkUrl, traced),
      deepLink: { ...deepLink, longestTaskCpuMs },
    };
  } finally {
    await context.close();
  }
}
