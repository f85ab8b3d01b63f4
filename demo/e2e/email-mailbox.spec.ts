import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { signEmailLink } from '../../packages/collector/src/crypto/email-links.js';
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

test('one click on an NPS score in an email records it and lands on the follow-up question', async ({ page }) => {
  const now = Date.now();
  // A send of an NPS email, as the queue would have made it, and the score link it carried.
  await stack.collector.store.email.enqueue([
    {
      projectId: 'acme',
      sendId: 'e2e-nps-send',
      messageId: 'nps-by-email',
      userId: 'usr_e2e_mail',
      period: 'cycle-1',
      kind: 'nps',
      campaign: 'nps-2026',
      category: 'surveys',
      status: 'queued',
      payload: { surveyId: 'nps-2026', cycle: 1 },
      notBefore: now,
      createdAt: now,
    },
  ]);
  const token = signEmailLink(
    { action: 'nps', projectId: 'acme', sendId: 'e2e-nps-send', score: 9, expiresAt: now + 86_400_000 },
    stack.project.secretKeys[0]!,
  );
  await page.goto(`${stack.collector.url}/v1/email/nps?t=${token}`);
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await expect(page.locator('[data-score="9"]')).toBeVisible();
  await page.getByRole('textbox').fill('The exports are fast now');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('Your answer was recorded.')).toBeVisible();
  // A forged link is refused.
  await page.goto(`${stack.collector.url}/v1/email/nps?t=${token.slice(0, -2)}AA`);
  await expect(page.getByRole('heading', { name: 'Link not valid' })).toBeVisible();
});
