import { adminConsole } from './admin-console.js';
import { expect, test } from './checklist-fixtures.js';

/**
 * Console links are real links: a plain click changes the page in place, and the clicks a person
 * uses for a new tab or window open the page there, signed in, while the console stays put.
 */
test('ctrl, shift and middle clicks on console links open the page in a new tab or window; a plain click stays in the tab', async ({
  page,
  context,
  stack,
}) => {
  await adminConsole(page, stack.collector.url).signIn();
  const surveys = page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Surveys' });
  const home = page.url();

  for (const click of [
    () => surveys.click({ modifiers: ['ControlOrMeta'] }),
    () => surveys.click({ modifiers: ['Shift'] }),
    () => surveys.click({ button: 'middle' }),
  ]) {
    const [opened] = await Promise.all([context.waitForEvent('page'), click()]);
    await expect(opened.getByRole('heading', { level: 1, name: 'Surveys' })).toBeVisible();
    expect(opened.url()).toBe(new URL('/admin/prompts/surveys', stack.collector.url).href);
    await opened.close();
    await expect(page.getByRole('heading', { level: 1, name: 'Checklists' })).toBeVisible();
    expect(page.url()).toBe(home);
  }

  await surveys.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Surveys' })).toBeVisible();
  expect(context.pages()).toEqual([page]);
});
