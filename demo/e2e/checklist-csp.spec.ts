import { acmeApp } from './acme-app.js';
import { checklistPanel, doItemInApp, expect, expectChecklist, expectItemDone, roleSetup, test } from './checklist-fixtures.js';
import { recordCspViolations } from './csp-violations.js';

test('under a strict CSP with Trusted Types the checklist renders and ticks, with zero violations', async ({ page }) => {
  const { user, checklist } = roleSetup('member');
  const [first] = checklist.content.items;
  if (!first) throw new Error('the member checklist has no items');
  const violations = await recordCspViolations(page);

  const response = await page.goto('/?csp=strict');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp, 'the page is served with the strict policy').toContain("require-trusted-types-for 'script'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-');

  await acmeApp(page).signIn(user.email);
  await expectChecklist(page, checklist).catch((error: unknown) => {
    throw new Error(`the checklist did not render; CSP violations so far:\n${violations.join('\n')}`, { cause: error });
  });
  await doItemInApp(page, first);
  await expectItemDone(checklistPanel(page).item(first.title));
  // A round trip through the page, so console messages sent before it have arrived.
  await page.evaluate(() => document.readyState);
  expect(violations).toEqual([]);

  // The recorder is not blind: an untrusted innerHTML is refused and reported.
  await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>untrusted</b>';
    } catch {
      // Trusted Types throws here; the violation report is what this checks.
    }
  });
  await expect.poll(() => violations.length, { message: 'the canary violation was recorded' }).toBe(1);
  expect(violations[0]).toContain('require-trusted-types-for');
});
