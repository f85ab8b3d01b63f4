import { randomBytes } from 'node:crypto';
import { acmeApp } from './acme-app.js';
import { expect, test } from './fixtures.js';

test('after sign-out, new activity is anonymous again and not merged into the previous user', async ({ page, stack }) => {
  const run = randomBytes(4).toString('hex');
  const app = acmeApp(page);
  await page.goto('/');
  await app.signIn('max@acme.test');
  await app.createProject(`Max ${run}`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Acme Projects' })).toBeVisible();
  await app.requestDemo(`Visitor ${run}`);

  const { store, projectId } = stack;
  const find = async (name: string, property: string, value: string) =>
    (await store.listEvents(projectId)).filter((event) => event.name === name && event.properties[property] === value);
  await expect.poll(async () => (await find('Demo Requested', 'company', `Visitor ${run}`)).length, { timeout: 30_000 }).toBe(1);

  const [project] = await find('Project Created', 'projectName', `Max ${run}`);
  const [visitor] = await find('Demo Requested', 'company', `Visitor ${run}`);
  expect(project?.userId).toBe('usr_max');
  expect(visitor?.userId ?? null, 'the visitor after sign-out is nobody in particular').toBeNull();
  expect(visitor?.anonymousId, 'reset starts a new anonymous id').not.toBe(project?.anonymousId);
  const max = await store.getUser(projectId, 'usr_max');
  expect(max?.anonymousIds).not.toContain(visitor?.anonymousId);
});
