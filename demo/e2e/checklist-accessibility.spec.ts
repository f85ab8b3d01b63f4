import AxeBuilder from '@axe-core/playwright';
import { acmeApp } from './acme-app.js';
import { expect, expectChecklist, roleSetup, test } from './checklist-fixtures.js';

test('axe finds no serious or critical violation with the checklist open', async ({ page }) => {
  const { user, checklist } = roleSetup('member');
  await page.goto('/');
  await acmeApp(page).signIn(user.email);
  await expectChecklist(page, checklist);

  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
    );
  expect(severe).toEqual([]);
  // A scan that never entered the shadow root would pass trivially: axe names shadow nodes with a
  // selector path through the host, e.g. [["[data-hearth=\"checklist\"]", ".card"]].
  const inShadow = results.passes.flatMap((rule) => rule.nodes).filter((node) => Array.isArray(node.target[0]));
  expect(inShadow.length, 'axe checked nodes inside the checklist shadow root').toBeGreaterThan(0);
});
