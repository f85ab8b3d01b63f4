import type { Page } from '@playwright/test';
import { adminConsole } from './admin-console.js';
import { expect, test } from './checklist-fixtures.js';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Console' });
const menuButton = (page: Page) => page.getByRole('button', { name: 'Menu' });

/** Nothing sticks out sideways: the page never needs a horizontal scrollbar. */
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('at 1280 px the sidebar stays beside every page, which names itself in the title and breadcrumbs', async ({ page, stack }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await adminConsole(page, stack.collector.url).signIn();
  await expect(menuButton(page)).toBeHidden();
  const labels = await sidebar(page).getByRole('link').allTextContents();
  expect(labels).toEqual(expect.arrayContaining(['Checklists', 'Surveys', 'Announcements', 'Rewards', 'Users', 'Settings']));

  for (const [label, heading] of [
    ['Surveys', 'Surveys'],
    ['Announcements', 'Announcements'],
    ['Rewards', 'Rewards'],
    ['Users', 'Users'],
    ['Settings', 'Project settings'],
    ['Checklists', 'Checklists'],
  ] as const) {
    await sidebar(page).getByRole('link', { name: label }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(sidebar(page).getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
    await expect(page).toHaveTitle(`${heading} · Hearth admin`);
    const nav = await sidebar(page).boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(nav && main && nav.x + nav.width <= main.x, `${label}: the sidebar sits left of the page`).toBe(true);
    expect(await horizontalOverflow(page), label).toBeLessThanOrEqual(0);
  }

  // Below a section, the breadcrumbs lead back up to it.
  await page.getByRole('table').getByRole('link').first().click();
  const heading = page.getByRole('heading', { level: 1, name: /^Checklist: / });
  await expect(heading).toBeVisible();
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText((await heading.textContent()) ?? '');
  await crumbs.getByRole('link', { name: 'Checklists' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checklists' })).toBeVisible();
});

test('at 800 px the sidebar folds into a Menu button that works from the keyboard', async ({ page, stack }) => {
  await page.setViewportSize({ width: 800, height: 1000 });
  await adminConsole(page, stack.collector.url).signIn();
  await expect(sidebar(page)).toBeHidden();
  await expect(menuButton(page)).toHaveAttribute('aria-expanded', 'false');
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  await menuButton(page).focus();
  await page.keyboard.press('Enter');
  await expect(sidebar(page)).toBeVisible();
  await expect(menuButton(page)).toHaveAttribute('aria-expanded', 'true');
  // Focus moves into the opened menu; Escape closes it and returns focus to the button.
  await expect(sidebar(page).getByRole('link').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(sidebar(page)).toBeHidden();
  await expect(menuButton(page)).toBeFocused();

  await page.keyboard.press('Enter');
  // The menu moves focus to its first link when it opens: wait for that before moving on from it.
  await expect(sidebar(page).getByRole('link').first()).toBeFocused();
  await sidebar(page).getByRole('link', { name: 'Surveys' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Surveys' })).toBeVisible();
  await expect(sidebar(page)).toBeHidden();
  await expect(menuButton(page)).toBeFocused();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  // The editors stack form and preview in one column at this width.
  await page.goto(`${stack.collector.url}/admin/prompts/checklist/new`);
  await expect(page.getByRole('heading', { level: 1, name: 'New checklist' })).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});
