import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { loadDemoProject } from '../server/demo-project.js';
import { acmeApp } from './acme-app.js';
import { expectFocused, tabTo } from './keyboard.js';
import {
  DAY_MS,
  DETRACTOR_FOLLOW_UP,
  PROMOTER_FOLLOW_UP,
  expect,
  exportReports,
  npsCard,
  servedPromptIds,
  test,
} from './survey-fixtures.js';

const SURVEY = 'nps-2026';
const axeViolations = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`);

test('NPS: shows after the third export, a 3 gets the detractor follow-up, it never returns, the webhook and the admin NPS agree', async ({
  page,
  browser,
  baseURL,
  stack,
}) => {
  await page.goto('/');
  await acmeApp(page).signIn('ada@acme.test');
  const card = npsCard(page);
  await exportReports(page, 2);
  await expect(card.scale).toHaveCount(0);
  await exportReports(page, 1, 'third');
  await expect(card.scale).toBeVisible();
  expect(await axeViolations(page), 'survey card').toEqual([]);

  await card.score(3).click();
  await expect(card.comment(DETRACTOR_FOLLOW_UP)).toBeVisible();
  expect(await axeViolations(page), 'detractor follow-up').toEqual([]);
  await card.comment(DETRACTOR_FOLLOW_UP).fill('Exports time out');
  await card.send.click();
  await expect(card.thanks).toBeVisible();

  // The server decides: answered, so no tab, reload or device gets it again this cycle.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await exportReports(page, 3, 'again');
  expect(await servedPromptIds(page, stack, 'usr_ada')).not.toContain(SURVEY);
  await expect(card.scale).toHaveCount(0);

  // The demo backend got the signed detractor webhook (verified there), for the score and the comment.
  await expect
    .poll(() =>
      stack.demo
        .detractors()
        .map((n) => [n.event, n.userId, n.score, n.comment])
        .sort(),
    )
    .toEqual([
      ['survey.response.created', 'usr_ada', 3, null],
      ['survey.response.updated', 'usr_ada', 3, 'Exports time out'],
    ]);

  // Keyboard only, as another user: Tab into the corner card, arrows to 9, Enter, type, Send.
  const context = await browser.newContext({ baseURL });
  try {
    const max = await context.newPage();
    await max.goto('/');
    await acmeApp(max).signIn('max@acme.test');
    await exportReports(max, 3, 'kb');
    const maxCard = npsCard(max);
    await expect(maxCard.scale).toBeVisible();
    await tabTo(max, maxCard.score(0));
    await max.keyboard.press('End');
    await max.keyboard.press('ArrowLeft');
    await expectFocused(maxCard.score(9));
    await max.keyboard.press('Enter');
    await expectFocused(maxCard.comment(PROMOTER_FOLLOW_UP));
    await max.keyboard.type('The timeline');
    await max.keyboard.press('Tab');
    await expectFocused(maxCard.send);
    await max.keyboard.press('Enter');
    await expect(maxCard.thanks).toBeVisible();
  } finally {
    await context.close();
  }

  // The admin API's NPS equals the NPS computed here from the responses this test created.
  const range = { from: new Date(Date.now() - DAY_MS), to: new Date(Date.now() + DAY_MS) };
  await expect
    .poll(async () => (await stack.store.responses.list(stack.projectId, SURVEY, range)).map((r) => r.userId).sort())
    .toEqual(['usr_ada', 'usr_max']);
  const scores = (await stack.store.responses.list(stack.projectId, SURVEY, range)).map((r) =>
    r.answer.type === 'nps' ? r.answer.score : NaN,
  );
  const share = (test: (s: number) => boolean) => (scores.filter(test).length / scores.length) * 100;
  const expected = share((s) => s >= 9) - share((s) => s <= 6);
  const { secret } = loadDemoProject();
  const query = new URLSearchParams({ from: range.from.toISOString(), to: range.to.toISOString() });
  const res = await page.request.get(`${stack.collector.url}/v1/admin/kpi/surveys/${SURVEY}?${query}`, {
    headers: { Authorization: `Bearer ${secret}` },
  });
  expect(res.status()).toBe(200);
  const kpi = (await res.json()) as { nps: { score: number; count: number; promoters: number; detractors: number } };
  expect(kpi.nps).toMatchObject({ count: 2, promoters: 1, detractors: 1, score: expected });
});

test('"Ask me later" hides the survey for the 7-day snooze, then it comes back', async ({ page, stack, clock }) => {
  await page.goto('/');
  await acmeApp(page).signIn('ada@acme.test');
  const card = npsCard(page);
  await exportReports(page, 3);
  await expect(card.scale).toBeVisible();
  await card.askLater.click();
  await expect(card.scale).toHaveCount(0);
  await expect.poll(() => servedPromptIds(page, stack, 'usr_ada')).not.toContain(SURVEY);

  // Six days on, still snoozed.
  clock.offsetMs = 6 * DAY_MS;
  await page.reload();
  await exportReports(page, 3, 'day6');
  expect(await servedPromptIds(page, stack, 'usr_ada', clock)).not.toContain(SURVEY);
  await expect(card.scale).toHaveCount(0);

  // A week and a minute after "ask me later", the next three exports ask again.
  clock.offsetMs = 7 * DAY_MS + 60_000;
  expect(await servedPromptIds(page, stack, 'usr_ada', clock)).toContain(SURVEY);
  await page.reload();
  await exportReports(page, 3, 'week');
  await expect(card.scale).toBeVisible();
});
