import { randomUUID } from 'node:crypto';
import { test as base, expect, type Locator } from '@playwright/test';
import { mintUserToken } from '@hearth/node';
import type { BatchResult, HearthEvent, JsonValue } from '@hearth/schema';
import { loadDemoProject } from '../server/demo-project.js';
import { adminConsole } from './admin-console.js';
import { DAY_MS, adminCall, publish } from './announcement-fixtures.js';
import { withHearthStack, type HearthStack } from './fixtures.js';

const test = base;
const HOUR_MS = 3_600_000;
const { project, secret } = loadDemoProject();

/** The uplift's windows as docs/reference/kpi-definitions.md defines them ("Loyalty program impact"). */
const ACTION_DAYS = 14;
const RETENTION_DAYS = { from: 8, to: 30 };
/** Assigned long enough ago that both windows have closed: every assigned user counts in every figure. */
const ASSIGNED_DAYS_AGO = RETENTION_DAYS.to + 2;

const USERS = Array.from({ length: 24 }, (_, i) => ({
  id: `roi-user-${String(i).padStart(2, '0')}`,
  i,
  team: i % 3 === 1 ? 'growth' : 'core',
}));
type User = (typeof USERS)[number];
const ITEMS = [
  { id: 'create', title: 'Create a project', event: 'Project Created' },
  { id: 'invite', title: 'Invite a teammate', event: 'Teammate Invited' },
] as const;

/**
 * What each user does after assignment (days after it), chosen so each group has some of each:
 * - "Project Created" on day 2 unless i % 3 = 0; those with an even i do it on day 20 (too late);
 * - "Teammate Invited" on day 5 when i is even;
 * - a report exported on day 10 (in days 8–30: retained) unless i % 4 = 1, who export on day 3 only.
 */
function actions(u: User): [name: string, day: number][] {
  const done: [string, number][] = [['Report Exported', u.i % 4 === 1 ? 3 : 10]];
  if (u.i % 3 !== 0) done.push(['Project Created', 2]);
  else if (u.i % 2 === 0) done.push(['Project Created', 20]);
  if (u.i % 2 === 0) done.push(['Teammate Invited', 5]);
  return done;
}
const didItem = (u: User, event: string) => actions(u).some(([name, day]) => name === event && day < ACTION_DAYS);
const retained = (u: User) =>
  actions(u).some(([name, day]) => name === 'Report Exported' && day >= RETENTION_DAYS.from - 1 && day < RETENTION_DAYS.to);

/** The announcement's reach: readers (even i) and users shown it boosted without reading (i % 4 = 1); readers with i % 4 = 0 click. */
const reads = (u: User) => u.i % 2 === 0;
const boosted = (u: User) => u.i % 4 === 1;
const reached = (u: User) => reads(u) || boosted(u);
const clicks = (u: User) => u.i % 4 === 0;

/** Wilson's 95 % interval for x of n, then Newcombe's hybrid interval for p₁ − p₂ (docs/reference/kpi-definitions.md), in points. */
const Z_95 = 1.959963984540054;
function wilson(x: number, n: number) {
  const p = x / n;
  const z2 = Z_95 * Z_95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z_95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
function difference(exposed: { x: number; n: number }, control: { x: number; n: number }) {
  const a = wilson(exposed.x, exposed.n);
  const b = wilson(control.x, control.n);
  const d = a.p - b.p;
  return { d: 100 * d, low: 100 * (d - Math.hypot(a.p - a.low, b.high - b.p)), high: 100 * (d + Math.hypot(a.high - a.p, b.p - b.low)) };
}

/** Two decimals, half away from zero, as the console shows figures. */
const shown = (value: number) => (Math.sign(value) * Math.round(Math.abs(value) * 100)) / 100;
/** "−12.5 pts" → −12.5, "±0 pts" → 0: the console writes minus signs as U+2212. */
const numberIn = (text: string) => Number(text.replace('−', '-').replace(/[^\d.+-]/g, ''));
const escaped = (text: string) => text.replace(/[()]/g, '\\$&');

/** A user's `/v1/state` at the collector's time, signed as the demo backend signs it: the first eligible request records their group. */
async function requestState(stack: HearthStack, userId: string, now: number): Promise<string[]> {
  const query = new URLSearchParams({
    key: project.publicKey,
    anonymousId: `anon-${userId}`,
    userId,
    userToken: mintUserToken(userId, { secretKey: secret, now: new Date(now) }),
  });
  const res = await fetch(`${stack.collector.url}/v1/state?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { prompts: { id: string }[] }).prompts.map((p) => p.id);
}

/** Past events of one user through the public batch API, as their browser sent them (sentAt now, so timestamps are kept). */
async function send(
  stack: HearthStack,
  userId: string,
  events: { at: number; name?: string; traits?: Record<string, JsonValue>; properties?: Record<string, JsonValue> }[],
) {
  const anonymousId = `anon-${userId}`;
  const batch = events.map(
    ({ at, name, traits, properties }) =>
      ({
        messageId: randomUUID(),
        anonymousId,
        userId,
        timestamp: new Date(at).toISOString(),
        ...(traits ? { type: 'identify', traits } : { type: 'track', name, properties: properties ?? {} }),
      }) as HearthEvent,
  );
  const res = await fetch(`${stack.collector.url}/v1/batch?key=${project.publicKey}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sentAt: new Date().toISOString(), userToken: mintUserToken(userId, { secretKey: secret }), events: batch }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(((await res.json()) as BatchResult).accepted).toBe(batch.length);
}

async function cellsOf(table: Locator, metric: string): Promise<string[]> {
  const row = table.getByRole('row', { name: new RegExp(`^${escaped(metric)}`) });
  await expect(row).toBeVisible();
  return row.locator('td').allTextContents();
}

test('a product manager reads a checklist against its randomized holdout, and an announcement’s figures for one segment', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // The collector runs this many ms behind the real clock: the users are assigned in the past, then time catches up.
  let behind = ASSIGNED_DAYS_AGO * DAY_MS;
  await withHearthStack(
    async (stack) => {
      const assignedAt = Date.now() - behind;
      const created = await adminCall(stack, 'POST', '/v1/admin/prompts', {
        id: 'roi-setup',
        name: 'ROI setup checklist',
        kind: 'checklist',
        status: 'live',
        holdout: { percent: 50 },
        content: {
          title: 'Set up your workspace',
          items: ITEMS.map((item) => ({ id: item.id, title: item.title, completeWhen: { type: 'event', event: item.event } })),
        },
      });
      expect(created.status, await created.clone().text()).toBe(201);
      // Each user's first state request records their group; the control is never sent the checklist.
      const exposed = new Set<string>();
      for (const user of USERS) if ((await requestState(stack, user.id, Date.now() - behind)).includes('roi-setup')) exposed.add(user.id);
      behind = 0;
      const groups = { exposed: USERS.filter((u) => exposed.has(u.id)), control: USERS.filter((u) => !exposed.has(u.id)) };
      expect(groups.exposed.length).toBeGreaterThan(0);
      expect(groups.control.length).toBeGreaterThan(0);

      await publish(stack, { id: 'roi-news', content: { title: 'Shared dashboards', body: 'Share a dashboard with your team.' } });
      const news = { announcementId: 'roi-news' };
      for (const user of USERS) {
        await send(stack, user.id, [
          { at: assignedAt - HOUR_MS, traits: { team: user.team } },
          ...(exposed.has(user.id)
            ? [{ at: assignedAt + 60_000, name: '$prompt_shown', properties: { promptId: 'roi-setup', kind: 'checklist' } }]
            : []),
          ...actions(user).map(([name, day]) => ({ at: assignedAt + day * DAY_MS, name })),
          ...(reads(user) ? [{ at: Date.now() - 10 * 60_000, name: '$announcement_read', properties: news }] : []),
          ...(boosted(user)
            ? [{ at: Date.now() - 10 * 60_000, name: '$prompt_shown', properties: { promptId: 'roi-news', kind: 'announcement' } }]
            : []),
          ...(clicks(user) ? [{ at: Date.now() - 9 * 60_000, name: '$announcement_cta_clicked', properties: news }] : []),
        ]);
      }

      await adminConsole(page, stack.collector.url).signIn();
      await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Dashboard' }).click();
      // The range must reach back to the assignments.
      await page.getByLabel('From').fill(new Date(assignedAt - 2 * DAY_MS).toISOString().slice(0, 10));
      await page.getByRole('tab', { name: 'Checklists' }).click();
      await page.getByLabel('Checklist', { exact: true }).selectOption({ label: 'ROI setup checklist' });
      const uplift = page.getByRole('table', {
        name: `Shown vs control (50% of the audience held out at random: the checklist's effect; assigned in range: ${groups.exposed.length} shown, ${groups.control.length} control)`,
      });
      await expect(uplift).toBeVisible();
      const rows: [string, (u: User) => boolean][] = [
        ...ITEMS.map((item): [string, (u: User) => boolean] => [
          `Did “${item.title}” within ${ACTION_DAYS} days (%)`,
          (u) => didItem(u, item.event),
        ]),
        [`Did every item within ${ACTION_DAYS} days (%)`, (u) => ITEMS.every((item) => didItem(u, item.event))],
        [`Active in days ${RETENTION_DAYS.from}–${RETENTION_DAYS.to} after (%)`, retained],
      ];
      for (const [metric, outcome] of rows) {
        const [exposedGroup, controlGroup] = [groups.exposed, groups.control].map((group) => ({
          x: group.filter(outcome).length,
          n: group.length,
        }));
        const expected = difference(exposedGroup!, controlGroup!);
        const [name, shownCell, controlCell, differenceCell, intervalCell, verdict] = await cellsOf(uplift, metric);
        expect(name).toBe(metric);
        // Each group with its size; rates and points shown to two decimals.
        for (const [cell, group] of [
          [shownCell, exposedGroup!],
          [controlCell, controlGroup!],
        ] as const) {
          expect(cell, metric).toMatch(new RegExp(`^[\\d.]+% \\(n = ${group.n}\\)$`));
          expect(numberIn(cell!.split('%')[0]!), metric).toBe(shown((100 * group.x) / group.n));
        }
        expect(numberIn(differenceCell!), metric).toBe(shown(expected.d));
        expect(intervalCell!.split(' to ').map(numberIn), metric).toEqual([shown(expected.low), shown(expected.high)]);
        // Fewer than 30 users a group: the console says it cannot tell yet.
        expect(verdict, metric).toBe('Too few to tell');
      }
      await expect(
        page
          .getByRole('note')
          .filter({ hasText: `(users shown the checklist: ${groups.exposed.length}, the control group: ${groups.control.length})` }),
      ).toHaveText(/^Too few to tell: each group needs at least 30 subjects/);

      // The segment split's announcement rows: everyone, then the "growth" team alone.
      await page.getByRole('tab', { name: 'Segments' }).click();
      const split = page.getByRole('region', { name: 'Segment split' });
      const segments = split.getByLabel('Segments side by side');
      await segments.fill('trait:team:growth');
      await segments.blur();
      const table = split.getByRole('table', { name: /Figures by segment/ });
      await expect(table.getByRole('columnheader', { name: 'trait:team:growth' })).toBeVisible();
      const figures = (group: User[]) => {
        const reach = group.filter(reached).length;
        return {
          reach: String(reach),
          readRate: String(shown((100 * group.filter(reads).length) / reach)),
          clickRate: String(shown((100 * group.filter(clicks).length) / reach)),
        };
      };
      const everyone = figures(USERS);
      const growth = figures(USERS.filter((u) => u.team === 'growth'));
      const row = (metric: string) => table.getByRole('row', { name: new RegExp(`^${escaped(metric)}`) }).locator('td');
      await expect(row('Announcement: reach')).toHaveText(['Announcement: reach', everyone.reach, growth.reach]);
      await expect(row('Announcement: read rate (%)')).toHaveText(['Announcement: read rate (%)', everyone.readRate, growth.readRate]);
      await expect(row('Announcement: CTA click rate (%)')).toHaveText([
        'Announcement: CTA click rate (%)',
        everyone.clickRate,
        growth.clickRate,
      ]);
    },
    { clock: () => Date.now() - behind },
  );
});
