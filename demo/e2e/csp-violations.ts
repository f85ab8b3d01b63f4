import type { Page } from '@playwright/test';

const PREFIX = '[e2e-csp-violation]';

/**
 * Records every `securitypolicyviolation` event of every document `page` loads. The listener is
 * installed with `addInitScript` (DevTools injects it, so the page's CSP cannot block it) and
 * reports through the console, so it adds no globals. The event is composed, so violations
 * inside shadow roots reach `document` too.
 */
export async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith(PREFIX)) violations.push(message.text().slice(PREFIX.length + 1));
  });
  await page.addInitScript((prefix) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const where = `${event.sourceFile || event.documentURI}:${event.lineNumber}`;
      console.warn(prefix, `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${where}: ${event.sample}`);
    });
  }, PREFIX);
  return violations;
}
