import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { acmeApp } from './acme-app.js';
import { checklistPanel, roleSetup } from './checklist-fixtures.js';
import { expectFocused, tabTo } from './keyboard.js';
import { newsWidget, publish } from './announcement-fixtures.js';
import { expect, exportReports, test } from './survey-fixtures.js';

type Box = { x: number; y: number; width: number; height: number };

/**
 * Takes the app's inline mount points for `kinds` away as the page is parsed, so those widgets
 * float in their corners as on a host page that gives them no place of its own.
 */
async function withoutMountPoints(page: Page, kinds: readonly string[]): Promise<void> {
  await page.addInitScript((names) => {
    const drop = () => names.forEach((name) => document.querySelector(`[data-hearth="${name}"]`)?.remove());
    new MutationObserver(drop).observe(document, { childList: true, subtree: true });
  }, kinds);
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxOf(target: Locator): Promise<Box> {
  const box = await target.boundingBox();
  if (!box) throw new Error(`${target} has no box`);
  return box;
}

/** Every pair of the given surfaces is apart, and each lies inside the window. */
async function expectApart(page: Page, surfaces: Record<string, Locator>): Promise<void> {
  const viewport = page.viewportSize()!;
  const boxes = Object.entries(surfaces);
  for (const [name, target] of boxes) await expect(target, name).toBeVisible();
  const measured = await Promise.all(boxes.map(async ([name, target]) => [name, await boxOf(target)] as const));
  for (const [name, box] of measured) {
    expect(box.x, `${name} inside the window (left)`).toBeGreaterThanOrEqual(0);
    expect(box.y, `${name} inside the window (top)`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${name} inside the window (right)`).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height, `${name} inside the window (bottom)`).toBeLessThanOrEqual(viewport.height);
  }
  for (let i = 0; i < measured.length; i++) {
    for (let j = i + 1; j < measured.length; j++) {
      const [a, boxA] = measured[i]!;
      const [b, boxB] = measured[j]!;
      expect(overlaps(boxA, boxB), `${a} ${JSON.stringify(boxA)} and ${b} ${JSON.stringify(boxB)} do not overlap`).toBe(false);
    }
  }
}

/** Names of the pairs among the visible `surfaces` whose boxes overlap or leave the window. */
async function overlappingPairs(surfaces: Record<string, Locator>): Promise<string[]> {
  const boxes: [string, Box][] = [];
  for (const [name, target] of Object.entries(surfaces)) {
    const box = (await target.isVisible()) ? await target.boundingBox() : null;
    if (box) boxes.push([name, box]);
  }
  const viewport = surfaces[Object.keys(surfaces)[0]!]!.page().viewportSize()!;
  const outside = boxes.filter(([, b]) => b.x < 0 || b.y < 0 || b.x + b.width > viewport.width || b.y + b.height > viewport.height);
  const pairs = boxes.flatMap(([a, boxA], i) =>
    boxes
      .slice(i + 1)
      .filter(([, boxB]) => overlaps(boxA, boxB))
      .map(([b]) => `${a} / ${b}`),
  );
  return [...outside.map(([name]) => `${name} / window`), ...pairs];
}

const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
];

for (const locale of ['en', 'ar']) {
  test(`the floating checklist and the NPS corner card never overlap, at 1280 and 375 px (${locale})`, async ({ page }) => {
    await withoutMountPoints(page, ['checklist']);
    await page.setViewportSize(WIDTHS[0]!);
    await page.goto(locale === 'en' ? '/' : `/?locale=${locale}`);
    await acmeApp(page).signIn('ada@acme.test');
    const checklistCard = page.locator('section#hearth-checklist');
    await expect(checklistCard).toBeVisible();
    await exportReports(page, 3);
    // The NPS card, whatever the language: the card that holds the score scale.
    const nps = page.locator('.card[aria-labelledby="hearth-survey-q"]');
    await expect(nps.getByRole('radiogroup')).toBeVisible();
    const surfaces = {
      'checklist card': checklistCard,
      'checklist launcher': page.locator('button.launcher[aria-controls="hearth-checklist"]'),
      'NPS card': nps,
      bell: page.locator('button.launcher[aria-controls="hearth-news"]'),
    };
    if (!(await surfaces.bell.count())) delete (surfaces as Partial<typeof surfaces>).bell;
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await expectApart(page, surfaces);
    }
    const severe = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(severe.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);

    // Closing the card by keyboard leaves focus in a sensible place, never on <body>.
    // Its × when it can be dismissed, else "Ask me later": either removes the card.
    await nps.locator('.icon-btn, .later').first().focus();
    await page.keyboard.press('Enter');
    await expect(nps).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
  });
}

/** The three floating launchers, found by the panel each one controls (the same in every language). */
function launchers(page: Page): Record<string, Locator> {
  const launcher = (panel: string) => page.locator(`button.launcher[aria-controls="${panel}"]`);
  return {
    'checklist launcher': launcher('hearth-checklist'),
    bell: launcher('hearth-news'),
    'rewards launcher': launcher('hearth-rewards'),
  };
}

/** The panels the launchers open. */
function cornerPanels(page: Page): Record<string, Locator> {
  return {
    'checklist card': page.locator('section#hearth-checklist'),
    'feed panel': page.locator('section#hearth-news'),
    'rewards panel': page.locator('section#hearth-rewards'),
  };
}

/** Opens or closes what `launcher` controls with a real pointer click, which fails when anything covers it. */
async function clickTo(launcher: Locator, expanded: boolean): Promise<void> {
  if ((await launcher.getAttribute('aria-expanded')) === String(expanded)) return;
  await launcher.click({ timeout: 5_000 });
  await expect(launcher).toHaveAttribute('aria-expanded', String(expanded));
}

for (const locale of ['en', 'ar']) {
  test(`every launcher takes a real click while another corner's surface is open, at 1280 and 375 px (${locale})`, async ({
    page,
    stack,
  }) => {
    await publish(stack, { id: `click-news-${locale}`, category: 'new', content: { title: 'Click news', body: 'Body.' } });
    await withoutMountPoints(page, ['checklist', 'rewards']);
    await page.setViewportSize(WIDTHS[0]!);
    await page.goto(locale === 'en' ? '/' : `/?locale=${locale}`);
    await acmeApp(page).signIn(roleSetup('admin').user.email);
    const all = Object.entries(launchers(page));
    for (const [, launcher] of all) await expect(launcher).toBeVisible();
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      for (const [name, launcher] of all) {
        for (const [otherName, other] of all) {
          if (other === launcher) continue;
          await test.step(`${size.width} px: ${name} with the ${otherName}'s surface open`, async () => {
            // A panel the last one opened covered closes a frame or two later: start once it has.
            await expect.poll(() => overlappingPairs({ ...launchers(page), ...cornerPanels(page) })).toEqual([]);
            for (const [, each] of all) if (each !== other) await clickTo(each, false);
            await clickTo(other, true);
            await clickTo(launcher, true);
          });
        }
      }
    }
  });
}

for (const locale of ['en', 'ar']) {
  test(`opening any corner's panel leaves no two surfaces overlapping, at 1280 and 375 px (${locale})`, async ({ page, stack }) => {
    await publish(stack, { id: `apart-news-${locale}`, category: 'new', content: { title: 'Apart news', body: 'Body.' } });
    await withoutMountPoints(page, ['checklist', 'rewards']);
    await page.setViewportSize(WIDTHS[0]!);
    await page.goto(locale === 'en' ? '/' : `/?locale=${locale}`);
    await acmeApp(page).signIn(roleSetup('admin').user.email);
    const buttons = launchers(page);
    const panels = cornerPanels(page);
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      // Each panel opened in turn (the others as they were left), both orders round the corners.
      for (const name of ['checklist launcher', 'bell', 'rewards launcher', 'checklist launcher', 'rewards launcher', 'bell']) {
        await test.step(`${size.width} px: ${name} opens its panel`, async () => {
          await clickTo(buttons[name]!, false);
          await clickTo(buttons[name]!, true);
          // A panel the new one covers closes within a frame or two: poll until the layout settles.
          await expect.poll(() => overlappingPairs({ ...buttons, ...panels })).toEqual([]);
          await expect(page.locator(`#${await buttons[name]!.getAttribute('aria-controls')}`)).toBeVisible();
          for (const launcher of Object.values(buttons)) await expect(launcher).toBeVisible();
        });
      }
    }
  });
}

test('the floating rewards panel: opening moves focus in, Tab walks it, Escape closes and returns to the launcher', async ({ page }) => {
  await withoutMountPoints(page, ['rewards']);
  await page.goto('/');
  await acmeApp(page).signIn(roleSetup('admin').user.email);
  const launcher = page.getByRole('button', { name: /^Rewards: / });
  const panel = page.getByRole('region', { name: 'Rewards', exact: true });
  await tabTo(page, launcher);
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await expect.poll(() => panel.evaluate((el) => el.matches(':focus-within'))).toBe(true);
  // Tab goes on into the panel's own controls, not out of the widget.
  await page.keyboard.press('Tab');
  await expect.poll(() => panel.evaluate((el) => el.matches(':focus-within'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expectFocused(launcher);
  // Escape on the launcher itself closes an open panel too.
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await launcher.focus();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expectFocused(launcher);
});

test('the feed opened from the bell takes focus, Tab stays in it, and Escape closes it back to the bell', async ({ page, stack }) => {
  await publish(stack, { id: 'surfaces-news', category: 'new', content: { title: 'Surfaces news', body: 'Body.' } });
  await page.goto('/');
  await acmeApp(page).signIn(roleSetup('member').user.email);
  const news = newsWidget(page);
  await tabTo(page, news.bell);
  await page.keyboard.press('Enter');
  await expect(news.panel).toBeVisible();
  await expect.poll(() => news.panel.evaluate((el) => el.matches(':focus-within'))).toBe(true);
  await page.keyboard.press('Tab');
  await expect.poll(() => news.panel.evaluate((el) => el.matches(':focus-within'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(news.bell).toHaveAttribute('aria-expanded', 'false');
  await expectFocused(news.bell);
  // Opened by pointer, focus on the bell: Escape still closes it.
  await news.bell.click();
  await news.bell.focus();
  await page.keyboard.press('Escape');
  await expect(news.bell).toHaveAttribute('aria-expanded', 'false');
});

for (const locale of ['en', 'ar']) {
  test(`focus stays on a checklist item when it ticks while its Start control has focus (${locale})`, async ({ page }) => {
    const { user, checklist } = roleSetup('admin');
    const index = checklist.content.items.findIndex(
      (entry) => entry.completeWhen.type === 'event' && entry.completeWhen.event === 'Report Exported',
    );
    await page.goto(locale === 'en' ? '/' : `/?locale=${locale}`);
    await acmeApp(page).signIn(user.email);
    const { panel } = checklistPanel(page);
    const row = panel.getByRole('listitem').nth(index);
    await tabTo(page, row.getByRole('link'));
    // The item completes on the server (the app's event, sent without moving focus), and the
    // refreshed state removes the focused Start link.
    await page.evaluate(() => (window as unknown as { Hearth: (...args: unknown[]) => void }).Hearth('track', 'Report Exported'));
    await expect(row.getByRole('link')).toHaveCount(0);
    await expectFocused(row);
  });
}
