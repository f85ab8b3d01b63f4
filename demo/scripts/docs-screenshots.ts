import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.js';
import { DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD } from '../server/demo-admin.js';
import { startDemoStack } from '../server/demo-stack.js';
import { freePort } from '../server/free-port.js';
import { buildSeedPlan } from '../server/seed-data.js';
import { consoleShots, settle, type ConsoleShot } from './console-shots.js';

/**
 * `pnpm docs:screenshots`: the `pnpm start` stack on a temp SQLite file and free ports, seeded,
 * then Debian's Chromium captures every console page and the demo app into docs/images/.
 * Run `pnpm build` first (the console and the widget are served from their dist folders).
 */
const imagesDir = fileURLToPath(new URL('../../docs/images/', import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };

/**
 * `--record <dir>` also keeps a copy of every image (and a whole-page one, `<name>.full.png`) in <dir> and writes <dir>/heights.json with each
 * page's full scroll height, so a layout change can be compared before and after.
 */
const recordFlag = process.argv.indexOf('--record');
const recordDir = recordFlag === -1 ? undefined : process.argv[recordFlag + 1];
const heights: Record<string, number> = {};

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

async function capture(page: Page, file: string, area: ConsoleShot['area'] = 'viewport'): Promise<void> {
  await settle(page);
  const path = join(imagesDir, file);
  if (typeof area === 'object')
    await page.getByRole('region', { name: area.region, exact: true }).screenshot({ path, animations: 'disabled' });
  else await page.screenshot({ path, fullPage: area === 'fullPage', animations: 'disabled' });
  // Every page's full height is logged: a page that grows past a few screens is a layout to rethink.
  heights[file] = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`  docs/images/${file} (page ${heights[file]} px tall)`);
  if (!recordDir) return;
  copyFileSync(path, join(recordDir, file));
  await page.screenshot({ path: join(recordDir, file.replace(/\.png$/, '.full.png')), fullPage: true, animations: 'disabled' });
}

const dir = await mkdtemp(join(tmpdir(), 'hearth-docs-'));
const now = new Date();
const stack = await startDemoStack({
  sqliteFile: join(dir, 'demo.sqlite'),
  host: '127.0.0.1',
  collectorPort: 0,
  demoPort: await freePort(),
  now,
});
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  mkdirSync(imagesDir, { recursive: true });
  if (recordDir) mkdirSync(recordDir, { recursive: true });
  console.log(`Seeded ${stack.seeded.accepted} events for ${stack.seeded.users} users; writing:`);
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'en-GB',
    timezoneId: 'UTC',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const admin = `${stack.collector.url}/admin/`;

  await page.goto(admin);
  await page.getByLabel('Email').waitFor();
  await page.getByLabel('Email').fill(DEMO_ADMIN_EMAIL);
  await capture(page, 'admin-sign-in.png');
  await page.getByLabel('Password').fill(DEMO_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading(page, 'Checklists');

  // The user page shows a keen admin: checklist done, an NPS answer, points.
  const plan = buildSeedPlan(now, stack.project);
  const answered = new Set(plan.responses.map((response) => response.userId));
  const showcase =
    plan.users.find((user) => user.engagement === 'power' && user.traits.role === 'admin' && answered.has(user.id)) ?? plan.users[0]!;
  let invitationLink = '';
  for (const shot of consoleShots(showcase.id, (link) => (invitationLink = link))) {
    await page.goto(admin + shot.route);
    await heading(page, shot.heading);
    await shot.prepare?.(page);
    await capture(page, shot.file, shot.area);
  }

  // The invited person's side: the one-time link opens the join page (signed out, in a browser of its own).
  const invited = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB', timezoneId: 'UTC', reducedMotion: 'reduce' });
  const joinPage = await invited.newPage();
  await joinPage.goto(invitationLink);
  await joinPage.getByText(/is invited to/).waitFor();
  await capture(joinPage, 'admin-invite.png');
  await invited.close();

  // The demo app as Ada (workspace admin, Pro) sees it: her onboarding checklist and the news.
  const demo = await context.newPage();
  await demo.goto(stack.demo.url);
  await demo.getByLabel('Work email').fill('ada@acme.test');
  await demo.getByRole('button', { name: 'Sign in' }).click();
  await heading(demo, 'Projects');
  await demo.getByRole('complementary', { name: 'Getting started' }).getByRole('region').waitFor();
  await capture(demo, 'demo-app-widgets.png');
  await context.close();
  if (recordDir) writeFileSync(join(recordDir, 'heights.json'), `${JSON.stringify(heights, null, 2)}\n`);
} finally {
  await browser.close();
  await stack.close();
  await rm(dir, { recursive: true, force: true });
}
