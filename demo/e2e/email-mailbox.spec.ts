import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startDemoStack, type DemoStack } from '../server/demo-stack.js';
import { freePort } from '../server/free-port.js';

let stack: DemoStack;
let dir: string;
test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hearth-e2e-mail-'));
  stack = await startDemoStack({ sqliteFile: join(dir, 'demo.sqlite'), host: '127.0.0.1', collectorPort: 0, demoPort: await freePort() });
});
test.afterAll(async () => {
  await stack.close();
  await rm(dir, { recursive: true, force: true });
});

test('the demo Mailbox shows the digest a user away for weeks received, with the announcements and a working unsubscribe', async ({
  page,
}) => {
  // The collector plans and sends every 5 s in the demo: reload until the first digest is in.
  await expect(async () => {
    await page.goto(`${stack.demo.url}/mailbox`);
    await expect(page.locator('article.mail').first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const mail = page.locator('article.mail').first();
  await expect(mail.locator('h2')).toContainText("What's new at Acme Projects");
  const frame = mail.frameLocator('iframe');
  await expect(frame.locator('h2').first()).toBeVisible();
  await expect(frame.getByRole('link', { name: 'Unsubscribe' })).toBeVisible();
  // Every email of the demo is one send: the same address never appears twice.
  const recipients = await page.locator('article.mail').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-to')));
  expect(new Set(recipients).size).toBe(recipients.length);

  // The visible unsubscribe link asks first, then unsubscribes with one click.
  const unsubscribe = await frame.getByRole('link', { name: 'Unsubscribe' }).getAttribute('href');
  await page.goto(unsubscribe!);
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByRole('heading', { name: 'You are unsubscribed' })).toBeVisible();
});
