import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { HostStack } from './host.js';

export type Variant = 'with' | 'without';

const IN_PAGE = readFileSync(new URL('./in-page.js', import.meta.url), 'utf8');
const READY_TIMEOUT_MS = 15_000;
/** After `ready` (or `load` without Hearth), time for lazy chunks, rendering and late shifts. */
export const SETTLE_MS = 1_500;

/**
 * A fresh browser context (cold cache, no stored Hearth state), signed in to the demo app
 * through its API (session cookie), with the in-page recorder installed for `variant`.
 * Not yet navigated, so callers can attach CDP first.
 * The host page itself is served unchanged (rewriting it through request interception would
 * make Chromium treat it as a public-network page and block its loopback requests).
 */
export async function openHostPage(
  browser: Browser,
  stack: HostStack,
  variant: Variant,
): Promise<{ context: BrowserContext; page: Page; sdkRequests: string[]; sdkBytes: () => Promise<number> }> {
  const context = await browser.newContext();
  const login = await context.request.post(`${stack.demoUrl}/api/login`, { data: { email: stack.email } });
  if (!login.ok()) throw new Error(`demo sign-in as ${stack.email} failed: ${login.status()} ${await login.text()}`);
  const page = await context.newPage();
  await page.addInitScript({ content: `${IN_PAGE}\ninstallHearthBench(${JSON.stringify(variant)});` });
  // Which Hearth files the page fetched: none without Hearth, the core and its chunks with it.
  const sdkRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(stack.sdkUrl)) sdkRequests.push(request.url().slice(stack.sdkUrl.length));
  });
  // Body bytes as they crossed the wire (compressed if the server compressed them).
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) => {
    if (request.url().startsWith(stack.sdkUrl)) sizes.push(request.sizes().then((s) => s.responseBodySize));
  });
  const sdkBytes = async () => (await Promise.all(sizes)).reduce((sum, n) => sum + n, 0);
  return { context, page, sdkRequests, sdkBytes };
}

const WIDGET_TIMEOUT_MS = 5_000;

/**
 * Waits for Hearth's first widget to be painted; returns false when none appears in time
 * (nothing to show this visitor), so the caller measures the page as it is.
 */
export async function waitForWidget(page: Page): Promise<boolean> {
  try {
    await page.waitForFunction(() => performance.getEntriesByName('hearth:widget').length > 0, null, { timeout: WIDGET_TIMEOUT_MS });
    return true;
  } catch {
    return false;
  }
}

/** Waits for the mark set when Hearth emits `ready`. */
export async function waitForHearthReady(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('hearth:ready').length > 0, null, {
    timeout: READY_TIMEOUT_MS,
  });
}
