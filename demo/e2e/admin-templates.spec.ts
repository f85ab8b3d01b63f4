import type { Page } from '@playwright/test';
import { adminConsole, seriousViolations } from './admin-console.js';
import { expect, test } from './checklist-fixtures.js';
import { tabTo } from './keyboard.js';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Console' });

test('a survey is created from the templates gallery with the keyboard alone, previewed live before its first save', async ({
  page,
  stack,
}) => {
  await adminConsole(page, stack.collector.url).signIn();
  await tabTo(page, sidebar(page).getByRole('link', { name: 'Templates' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Templates' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(7);
  expect(await seriousViolations(page), 'templates gallery').toEqual([]);

  await tabTo(page, page.getByRole('link', { name: 'Use this template: NPS with detractor follow-up' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'New survey' })).toBeVisible();
  await expect(page.getByLabel('Id (used in events and URLs)')).toHaveValue('nps-quarterly');
  await expect(page.getByLabel('Follow-up for detractors (empty: the generic one)')).toHaveValue(
    'What is the one thing we should fix first?',
  );
  expect(await seriousViolations(page), 'survey editor from a template').toEqual([]);

  // The live preview renders the unsaved draft and follows the typing.
  const product = page.getByLabel('Product name', { exact: false }).first();
  await tabTo(page, product);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Acme Projects');
  await expect(page.getByTestId('preview')).toContainText('Acme Projects');

  await tabTo(page, page.getByRole('button', { name: 'Save', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Saved \(version 1\)\.$/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Survey: NPS: quarterly' })).toBeVisible();

  await tabTo(page, sidebar(page).getByRole('link', { name: 'Surveys' }), { backwards: true, maxPresses: 120 });
  await page.keyboard.press('Enter');
  const row = page.getByRole('row').filter({ hasText: 'nps-quarterly' });
  await expect(row).toContainText('draft');
  await expect(row.getByRole('button', { name: 'Publish nps-quarterly' })).toBeVisible();
});

/** The list row of the record with exactly this id. */
const rowOf = (page: Page, id: string) => page.getByRole('row').filter({ has: page.locator('.hint').getByText(id, { exact: true }) });

test('the lists offer publish or pause, duplicate and archive per row, and archive a selection at once', async ({ page, stack }) => {
  await adminConsole(page, stack.collector.url).signIn();
  const id = (await page.getByRole('table').getByRole('row').nth(1).locator('.hint').textContent()) ?? '';
  await expect(rowOf(page, id).getByRole('button', { name: `Pause ${id}` })).toBeVisible();
  await rowOf(page, id)
    .getByRole('button', { name: `Duplicate ${id}` })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Checklist: Copy of / })).toBeVisible();
  await expect(page.locator('.page-head .status')).toHaveText('draft');

  await sidebar(page).getByRole('link', { name: 'Checklists' }).click();
  await rowOf(page, `${id}-copy`).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Archive selected (1)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Archived 1 of 1.' })).toBeVisible();
  await expect(rowOf(page, `${id}-copy`)).toContainText('archived');

  await rowOf(page, id)
    .getByRole('button', { name: `Pause ${id}` })
    .click();
  await expect(page.getByRole('status').filter({ hasText: `Paused “${id}”` })).toBeVisible();
  await expect(rowOf(page, id).getByRole('button', { name: `Publish ${id}` })).toBeVisible();

  // Surveys share the row actions (the demo stack starts with no announcements; the collector tests cover theirs).
  await sidebar(page).getByRole('link', { name: 'Surveys' }).click();
  const survey = page.getByRole('table').getByRole('row').nth(1);
  for (const action of [/^(Pause|Publish) /, /^Duplicate /, /^Archive /])
    await expect(survey.getByRole('button', { name: action })).toBeVisible();
});
