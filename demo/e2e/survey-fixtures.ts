import { test as base, expect, type Page } from '@playwright/test';
import { mintUserToken } from '@hearth/node';
import { loadDemoProject } from '../server/demo-project.js';
import { acmeApp } from './acme-app.js';
import { withHearthStack, type HearthStack } from './fixtures.js';

export const DAY_MS = 86_400_000;
export const QUESTION = /recommend Acme Projects/;
export const DETRACTOR_FOLLOW_UP = 'Sorry to hear that. What should we fix first?';
export const PROMOTER_FOLLOW_UP = 'What do you love most?';

/**
 * A fresh stack per test whose collector runs on a clock the test can move forward
 * (`clock.offsetMs`): the snooze and re-ask periods are days long, and the cadence is decided on
 * the collector, so moving the collector's clock is what "a week later" means. (The browser's
 * clock does not matter: stored event times are corrected by the collector's receive time.)
 */
export const test = base.extend<{ clock: { offsetMs: number }; stack: HearthStack }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern here.
  clock: async ({}, use) => use({ offsetMs: 0 }),
  stack: async ({ clock }, use) => withHearthStack(use, { clock: () => Date.now() + clock.offsetMs }),
  baseURL: async ({ stack }, use) => use(stack.demoUrl),
});

export { expect };

/** The NPS card's parts, found by role through the widget's open shadow root. */
export function npsCard(page: Page) {
  return {
    scale: page.getByRole('radiogroup', { name: QUESTION }),
    score: (n: number) => page.getByRole('radiogroup', { name: QUESTION }).getByRole('radio', { name: new RegExp(`^${n}\\b`) }),
    askLater: page.getByRole('button', { name: 'Ask me later' }),
    comment: (label: string) => page.getByRole('textbox', { name: label }),
    send: page.getByRole('button', { name: 'Send' }),
    thanks: page.getByText('Thank you for your feedback!'),
  };
}

/** Signs in and opens Reports; `exports` reports are exported (the survey's trigger counts them). */
export async function exportReports(page: Page, exports: number, prefix = 'q3') {
  const app = acmeApp(page);
  await app.openPage('Reports');
  for (let n = 1; n <= exports; n += 1) await app.exportReport(`${prefix}-${n}`);
}

/**
 * The prompt ids `/v1/state` serves this user now: what the server decided, not what a tab
 * remembers. Signed in like the page, with a token minted at the collector's (possibly moved) time.
 */
export async function servedPromptIds(
  page: Page,
  stack: HearthStack,
  userId: string,
  clock: { offsetMs: number } = { offsetMs: 0 },
): Promise<string[]> {
  const { project, secret } = loadDemoProject();
  const userToken = mintUserToken(userId, { secretKey: secret, now: new Date(Date.now() + clock.offsetMs) });
  const query = new URLSearchParams({ key: project.publicKey, anonymousId: `e2e-${userId}`, userId, userToken });
  const res = await page.request.get(`${stack.collector.url}/v1/state?${query}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { prompts: { id: string }[] }).prompts.map((prompt) => prompt.id);
}
