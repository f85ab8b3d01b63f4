import { test as base, type BrowserContext } from '@playwright/test';
import { SIGNATURE_HEADER, verifyWebhook } from '@hearth/node';
import { exited } from '../../packages/collector/src/test-support/child-collector.js';
import { SURVEY_WEBHOOK_JOB } from '../../packages/collector/src/services/webhook-jobs.js';
import { openPostgresStore } from '../../packages/collector/src/storage/postgres/postgres-store.js';
import { acmeApp } from './acme-app.js';
import { adminConsole } from './admin-console.js';
import { checklistPanel, completingEvent, doItemInApp, expect, expectChecklist, roleSetup } from './checklist-fixtures.js';
import { SURVEY_HOOK_SECRET, withMultiInstanceStack, type MultiInstanceStack } from './multi-instance-stack.js';
import { expectBalance, rewardsPanel } from './rewards-fixtures.js';
import { DAY_MS, DETRACTOR_FOLLOW_UP, exportReports, npsCard } from './survey-fixtures.js';

const test = base.extend<{ stack: MultiInstanceStack }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern here.
  stack: async ({}, use) => withMultiInstanceStack(use),
  baseURL: async ({ stack }, use) => use(stack.demo.url),
});

const SURVEY = 'nps-2026';
/** demo/hearth.config.json: 50 points per admin checklist step; the sticker pack costs 50. */
const STEP_POINTS = 50;
const STICKERS = 'Acme sticker pack';
const NEW_TITLE = 'Welcome, admins of every instance';

/** The console session cookie's value as the browser holds it (it only travels to /v1/admin). */
async function consoleCookie(context: BrowserContext, collectorUrl: string): Promise<string> {
  const cookie = (await context.cookies(`${collectorUrl}/v1/admin/session`)).find((candidate) => candidate.name === 'hearth_admin');
  if (!cookie) throw new Error('the console set no hearth_admin cookie');
  return `${cookie.name}=${cookie.value}`;
}

test('three collectors on one PostgreSQL behind a proxy, one killed mid-way: what a person does is kept once, the webhook delivered once, sign-out applies everywhere', async ({
  page,
  stack,
}) => {
  const { user, checklist } = roleSetup('admin');
  const reportItem = checklist.content.items.find((entry) => completingEvent(entry) === 'Report Exported');
  if (!reportItem) throw new Error(`${checklist.id}: expected an item completed by "Report Exported"`);

  // A checklist step: the first report export ticks it and pays its points.
  await page.goto('/');
  await acmeApp(page).signIn(user.email);
  await expectChecklist(page, checklist);
  await doItemInApp(page, reportItem);
  await expectChecklist(page, checklist, [reportItem.id]);
  await expectBalance(page, STEP_POINTS);

  // Two more exports bring the NPS survey; a 3 is saved at once (its webhook is enqueued with it).
  await exportReports(page, 2, 'multi');
  const card = npsCard(page);
  await expect(card.scale).toBeVisible();
  await card.score(3).click();
  await expect(card.comment(DETRACTOR_FOLLOW_UP)).toBeVisible();

  // The receiver refused the first attempt: the delivery waits in the store for its retry. Now
  // one collector dies without a chance to clean up.
  await expect.poll(() => stack.surveyHook.received.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  const firstDelivery = String(stack.surveyHook.received[0]!.headers['hearth-delivery']);
  const store = await openPostgresStore(stack.databaseUrl);
  try {
    const jobKey = `${SURVEY_WEBHOOK_JOB}:${stack.projectId}:${firstDelivery}:${stack.surveyHook.url}`;
    await expect.poll(async () => (await store.jobs.get(jobKey))?.status, { timeout: 10_000 }).toBe('pending');
    const [, victim] = stack.collectors;
    victim!.child.kill('SIGKILL');
    expect((await exited(victim!.child)).signal).toBe('SIGKILL');
    const alive = stack.collectors.filter((collector) => collector !== victim);

    // The person goes on through the proxy, which now reaches two collectors.
    await card.comment(DETRACTOR_FOLLOW_UP).fill('Exports time out');
    await card.send.click();
    await expect(card.thanks).toBeVisible();
    const rewards = rewardsPanel(page);
    await rewards.redeemButton(STICKERS).click();
    await rewards.confirmButton.click();
    await expect(rewards.panel.getByRole('status').filter({ hasText: 'redeemed' })).toContainText(`${STICKERS} redeemed`);
    await expectBalance(page, 0);

    // A product manager edits the checklist in the console, through the same proxy, and signs out.
    const consolePage = await page.context().newPage();
    const admin = adminConsole(consolePage, stack.proxy.url);
    await admin.signIn();
    await admin.openChecklist(checklist.name ?? checklist.id);
    await consolePage.getByLabel('Title', { exact: true }).fill(NEW_TITLE);
    await admin.save();
    const cookie = await consoleCookie(page.context(), stack.proxy.url);
    const sessionStatus = async (collectorUrl: string) => {
      const res = await fetch(`${collectorUrl}/v1/admin/prompts`, { headers: { Cookie: cookie } });
      await res.body?.cancel();
      return res.status;
    };
    for (const { url } of alive) expect(await sessionStatus(url), `the session on ${url} before sign-out`).toBe(200);
    await consolePage.getByRole('button', { name: 'Sign out' }).click();
    await expect(consolePage.getByLabel('Password')).toBeVisible();
    // Whichever collector handled the sign-out, the old cookie is refused by each one directly.
    for (const { url } of alive) expect(await sessionStatus(url), `the old cookie on ${url} after sign-out`).toBe(401);

    // The edit reached the app's users whichever collector serves them.
    await page.reload();
    await expect(checklistPanel(page).panel.getByRole('heading', { name: NEW_TITLE })).toBeVisible();

    // Stored exactly once: the three exports, the one response, the one redemption.
    const events = await store.listEvents(stack.projectId);
    expect(new Set(events.map((event) => event.messageId)).size).toBe(events.length);
    expect(events.filter((event) => event.userId === user.id && event.name === 'Report Exported')).toHaveLength(3);
    const range = { from: new Date(Date.now() - DAY_MS), to: new Date(Date.now() + DAY_MS) };
    const responses = await store.responses.list(stack.projectId, SURVEY, range);
    expect(responses.map((response) => [response.userId, response.comment])).toEqual([[user.id, 'Exports time out']]);
    await expect
      .poll(async () => (await store.rewards.redemptions(stack.projectId, user.id)).map((r) => [r.itemId, r.status]))
      .toEqual([['sticker-pack', 'fulfilled']]);
  } finally {
    await store.close();
  }

  // Each delivery (the score, then the comment) was refused once and then accepted once: the
  // pending retry outlived the killed collector and no collector sent it twice.
  await expect.poll(() => stack.surveyHook.received.length, { timeout: 20_000 }).toBe(4);
  const byDelivery = new Map<string, string[]>();
  for (const { headers, body } of stack.surveyHook.received) {
    expect(verifyWebhook({ secrets: [SURVEY_HOOK_SECRET], body, header: String(headers[SIGNATURE_HEADER.toLowerCase()]) }).ok).toBe(true);
    const id = String(headers['hearth-delivery']);
    byDelivery.set(id, [...(byDelivery.get(id) ?? []), (JSON.parse(body) as { type: string }).type]);
  }
  expect([...byDelivery.values()].sort()).toEqual([
    ['survey.response.created', 'survey.response.created'],
    ['survey.response.updated', 'survey.response.updated'],
  ]);
  // The proxy really spread the work: every collector answered some of it.
  for (const { url } of stack.collectors) expect(stack.proxy.answered.get(url) ?? 0, url).toBeGreaterThan(0);
});
