import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startDemoStack, type DemoStack } from '../server/demo-stack.js';
import { freePort } from '../server/free-port.js';
import { adminConsole, promptEditor } from './admin-console.js';

let stack: DemoStack;
let dir: string;
test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hearth-e2e-messages-'));
  stack = await startDemoStack({ sqliteFile: join(dir, 'demo.sqlite'), host: '127.0.0.1', collectorPort: 0, demoPort: await freePort() });
});
test.afterAll(async () => {
  await stack.close();
  await rm(dir, { recursive: true, force: true });
});

/** The address of the newest digest in the demo Mailbox, once the collector's email round has sent one. */
async function firstDigestRecipient(page: Page): Promise<string> {
  await expect(async () => {
    await page.goto(`${stack.demo.url}/mailbox`);
    await expect(page.locator('article.mail').first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  return (await page.locator('article.mail').first().getAttribute('data-to')) ?? '';
}

test('a PM edits the digest with its preview following the typing, sends a test that lands in the Mailbox, and reads the history and figures', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const address = await firstDigestRecipient(page);
  await adminConsole(page, stack.collector.url).signIn();
  await promptEditor(page).openList('Messages');
  await page.getByRole('link', { name: /^What's new while you were away/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Message: What's new while you were away" })).toBeVisible();

  // Preview as the user the digest went to, found by their email trait.
  await page.getByLabel('Find a real user (id prefix, or trait as key:value)').fill(`email:${address}`);
  await page.getByRole('search', { name: 'Find a user to preview as' }).getByRole('button', { name: 'Find' }).click();
  await page
    .getByRole('button', { name: /^Preview as / })
    .first()
    .click();
  const subject = page.getByTestId('email-subject');
  await expect(subject).toContainText("What's new at Acme Projects");
  const html = page.frameLocator('iframe[title="HTML part of the email"]');
  await expect(html.getByText('here is what we shipped while you were away')).toBeVisible();

  // The preview follows the typing: the subject, the HTML part and the text part.
  await page.getByLabel('Subject', { exact: true }).fill('Fresh from Acme for {{user.name | "friend"}}');
  await page
    .getByLabel('Body (Markdown: headings, lists, emphasis, links)')
    .fill('Hello {{user.nickname | "old friend"}}, **three** things shipped.');
  await expect(subject).toHaveText(/^Fresh from Acme for \S/);
  await expect(html.getByText('Hello old friend, three things shipped.')).toBeVisible();
  await expect(html.locator('strong', { hasText: 'three' })).toBeVisible();
  await expect(page.getByTestId('email-text')).toContainText('Hello old friend, three things shipped.');
  // The HTML part runs in an empty sandbox: no script, no access to the console.
  await expect(page.locator('iframe[title="HTML part of the email"]')).toHaveAttribute('sandbox', '');

  // A test send of the draft as shown, to the PM's own address, arrives in the Mailbox.
  await page.getByLabel('Send to address').fill('pm@acme.test');
  await page.getByRole('button', { name: 'Send test' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Test email sent to pm@acme.test' })).toBeVisible();

  // History and figures of the saved message: the digests the seeded users got.
  const history = page.getByRole('region', { name: 'Figures and history' });
  await expect(history.getByRole('definition').filter({ hasText: /^\d+/ }).first()).toBeVisible();
  await expect(history.getByRole('table', { name: /Latest sends/ })).toContainText(address);
  await expect(
    history
      .getByRole('table', { name: /Latest sends/ })
      .getByRole('cell', { name: 'sent', exact: true })
      .first(),
  ).toBeVisible();
  await expect(page.getByTestId('email-uplift')).toContainText('95 % interval');

  await page.goto(`${stack.demo.url}/mailbox`);
  const testMail = page.locator('article.mail[data-to="pm@acme.test"]');
  await expect(testMail.locator('h2')).toHaveText(/^\[test\] Fresh from Acme for /);
  await expect(testMail.frameLocator('iframe').getByText('Hello old friend, three things shipped.')).toBeVisible();
});
