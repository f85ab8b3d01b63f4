import type { Browser, Page } from '@playwright/test';
import { demoUsers, type DemoUser } from '../server/demo-users.js';
import { acmeApp } from './acme-app.js';
import { adminConsole, promptEditor, seriousViolations } from './admin-console.js';
import { adminCall, newsWidget, publish } from './announcement-fixtures.js';
import { checklistPanel } from './checklist-fixtures.js';
import { DAY_MS, expect, servedPromptIds, test } from './survey-fixtures.js';

/**
 * The console's own end-to-end check: a product manager drives the console like a person (no JSON, no
 * restart), and the demo app shows what they built to the right users.
 */

const SURVEY = { id: 'nps-pro', name: 'NPS: Pro plan' };
// A placeholder in the question: the demo and the preview fill it from each user's own traits.
const QUESTION_TEMPLATE = '{{user.name | "Hi"}}, how likely are you to recommend Acme Pro to a colleague?';
const QUESTION = /how likely are you to recommend Acme Pro to a colleague/;
/** The score each Pro user gives; the expected NPS is computed from these, not typed in. */
const SCORES: Record<string, number> = { usr_ada: 10, usr_grace: 9, usr_alan: 3 };

const pro = demoUsers.filter((user) => user.plan === 'pro');
const free = demoUsers.find((user) => user.plan === 'free');

/** NPS as the issue defines it: % promoters (9–10) − % detractors (0–6), shown to two decimals by the dashboard. */
function npsOf(scores: readonly number[]): string {
  const share = (test: (score: number) => boolean) => (scores.filter(test).length / scores.length) * 100;
  return String(Math.round((share((s) => s >= 9) - share((s) => s <= 6)) * 100) / 100);
}

/** Signs `user` into the demo in a fresh browser (its own cookies and widget storage). */
async function inDemo<T>(browser: Browser, baseURL: string, user: DemoUser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await acmeApp(page).signIn(user.email);
    return await run(page);
  } finally {
    await context.close();
  }
}

test('a survey built in the console reaches Pro users only, and the dashboard shows the NPS of their answers', async ({
  page,
  browser,
  baseURL,
  stack,
}, testInfo) => {
  expect(pro.map((user) => user.id).sort()).toEqual(Object.keys(SCORES).sort());
  if (!free || !baseURL) throw new Error('the demo needs a Free user and a base URL');

  // Build the survey in the console: form fields, the targeting builder, a trigger, Publish.
  const admin = adminConsole(page, stack.collector.url);
  const editor = promptEditor(page);
  await admin.signIn();
  await editor.openList('Surveys');
  await page.getByRole('link', { name: 'New survey' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New survey' })).toBeVisible();
  await page.getByLabel('Id (used in events and URLs)').fill(SURVEY.id);
  await page.getByLabel('Internal name').fill(SURVEY.name);
  await expect(page.getByLabel('Survey type')).toHaveValue('nps');
  await page.getByLabel('Product name (fills {product})').fill('Acme Projects');
  await page.getByLabel('Question (empty: the standard NPS question)').fill(QUESTION_TEMPLATE);
  await page.locator('details.section summary').filter({ hasText: 'Trigger' }).click();
  await page.getByLabel('Trigger 1', { exact: true }).selectOption('load');
  await editor.addTraitRule(1, 'plan', 'pro');
  await editor.save();
  await expect(page.getByRole('heading', { level: 1, name: `Survey: ${SURVEY.name}` })).toBeVisible();
  await editor.publish();
  const stored = await stack.store.prompts.get(stack.projectId, SURVEY.id);
  expect(stored?.prompt).toMatchObject({
    status: 'live',
    triggers: [{ type: 'load' }],
    audience: { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' },
    content: { type: 'nps', question: QUESTION_TEMPLATE },
  });

  // The Free user never gets it: the widget loaded their checklist, and the server leaves the survey out.
  await inDemo(browser, baseURL, free, async (demo) => {
    await expect(checklistPanel(demo).panel).toBeVisible();
    await expect
      .poll(async () => (await stack.store.listEvents(stack.projectId, { userId: free.id })).some((e) => e.type === 'identify'))
      .toBe(true);
    expect(await servedPromptIds(demo, stack, free.id)).not.toContain(SURVEY.id);
    await expect(demo.getByRole('radiogroup', { name: QUESTION })).toHaveCount(0);
  });

  // Each Pro user gets it on page load, with their own name in the question, and answers.
  for (const user of pro) {
    await inDemo(browser, baseURL, user, async (demo) => {
      const scale = demo.getByRole('radiogroup', { name: QUESTION });
      await expect(scale).toBeVisible();
      await expect(scale).toHaveAccessibleName(new RegExp(`${user.name}, how likely`));
      await scale.getByRole('radio', { name: new RegExp(`^${SCORES[user.id]}\\b`) }).click();
      await demo.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(demo.getByText('Thank you for your feedback!')).toBeVisible();
    });
  }
  const range = { from: new Date(Date.now() - DAY_MS), to: new Date(Date.now() + DAY_MS) };
  await expect.poll(async () => (await stack.store.responses.list(stack.projectId, SURVEY.id, range)).length).toBe(pro.length);

  // The preview as a chosen real user: their traits in the draft, and the collector's reason for them.
  await editor.previewAs(`plan:${free.plan}`, free.id);
  await expect(page.getByTestId('preview').getByText(`${free.name}, how likely`).first()).toBeVisible();
  const explained = page.getByRole('region', { name: 'Would this user see it?' });
  await expect(explained.getByText('Not shown:')).toBeVisible();
  await expect(explained.getByRole('listitem').filter({ hasText: 'audience (fails)' })).toBeVisible();
  expect(await seriousViolations(page), 'survey editor with a real user previewed').toEqual([]);

  // The dashboard's NPS is the one these answers make.
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('tab', { name: 'Surveys' }).click();
  await page.getByLabel('Survey', { exact: true }).selectOption(SURVEY.id);
  const figures = page.getByLabel('NPS figures');
  const scores = pro.map((user) => SCORES[user.id] ?? NaN);
  await expect(figures.locator('.tile').filter({ hasText: /^NPS/ }).locator('strong')).toHaveText(npsOf(scores));
  await expect(figures).toContainText(`from ${scores.length} answers`);
  const panel = page.getByRole('region', { name: 'Surveys: NPS, CLI and CSAT' });
  // Kept in the run's output folder and attached to the report.
  const shot = testInfo.outputPath('dashboard-nps.png');
  await panel.screenshot({ path: shot });
  await testInfo.attach('dashboard-nps', { path: shot, contentType: 'image/png' });
});

test('announcements edited in the console change the demo feed without a restart', async ({ page, browser, stack }) => {
  const reader = demoUsers[0];
  if (!reader) throw new Error('the demo has no users');
  await publish(stack, { id: 'timeline', category: 'new', content: { title: 'Timeline view', body: 'Plan on a **timeline**.' } });
  // Another one saved as a draft: nobody sees it until it is published.
  const draft = await adminCall(stack, 'POST', '/v1/admin/announcements', {
    id: 'exports',
    category: 'improved',
    content: { title: 'Faster exports draft' },
  });
  expect(draft.status).toBe(201);

  const demo = await browser.newPage({ baseURL: stack.demoUrl });
  await demo.goto('/');
  await acmeApp(demo).signIn(reader.email);
  const news = newsWidget(demo);
  await news.bell.click();
  await expect(news.item('Timeline view')).toContainText('Plan on a timeline.');
  await expect(news.panel.getByRole('article')).toHaveCount(1);

  const admin = adminConsole(page, stack.collector.url);
  const editor = promptEditor(page);
  await admin.signIn();
  await editor.openList('Announcements');
  await page.getByRole('link', { name: 'Timeline view' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Announcement: Timeline view' })).toBeVisible();
  await page.getByLabel('Title', { exact: true }).fill('Timeline view, now with milestones');
  await page.getByLabel(/^Body/).fill('Plan on a **timeline**, and mark the _milestones_.');
  // The preview follows the typing, parsed by the collector, before anything is saved.
  await expect(page.getByTestId('preview').getByRole('article', { name: 'Timeline view, now with milestones' })).toBeVisible();
  // A live announcement stays live when saved: the edit is published by saving.
  await editor.save();
  await expect(page.locator('.page-head .status')).toHaveText('live');

  await editor.openList('Announcements');
  await page.getByRole('link', { name: 'Faster exports draft' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Exports are twice as fast');
  await editor.save();
  await editor.publish();

  await demo.reload();
  await news.bell.click();
  await expect(news.item('Timeline view, now with milestones')).toContainText('Plan on a timeline, and mark the milestones.');
  await expect(news.item('Exports are twice as fast')).toBeVisible();
  await expect(news.panel.getByRole('article')).toHaveCount(2);
  await expect(news.panel).not.toContainText('Faster exports draft');
  await demo.close();
});
