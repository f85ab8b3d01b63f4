import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchResult } from '@hearth/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStack, type DemoStack } from './demo-stack.js';
import { freePort } from './free-port.js';
import { buildSeedPlan } from './seed-data.js';
import { SEED_ACCOUNTS, SEED_STRIPE_EVENTS, serverRevenueFacts } from './seed-accounts.js';
import { seedDemoData } from './seed.js';
import { mintUserToken } from '@hearth/node';

const SECRET = 'sk_demo_acme_secret_change_me';
const NOW = new Date();

let dir: string;
let stack: DemoStack;
const kpi = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${stack.collector.url}/v1/admin/${path}`, { headers: { Authorization: `Bearer ${SECRET}` } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};

// The real stack `pnpm start` runs: collector on a temp SQLite file, demo app, seeding over HTTP.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hearth-seed-'));
  stack = await startDemoStack({
    sqliteFile: join(dir, 'demo.sqlite'),
    host: '127.0.0.1',
    collectorPort: 0,
    demoPort: await freePort(),
    now: NOW,
  });
});
afterAll(async () => {
  await stack?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('seeded demo history', () => {
  it('stores every generated event once', () => {
    const plan = buildSeedPlan(NOW, stack.project);
    const generated = plan.batches.reduce((sum, batch) => sum + batch.events.length, 0) + plan.serverEvents.flat().length;
    expect(stack.seeded).toMatchObject({ skipped: false, accepted: generated, duplicates: 0, conflicts: 0 });
    expect(stack.seeded.responses).toBe(plan.responses.length);
    expect(stack.seeded.redemptions).toBeGreaterThan(0);
    expect(stack.seeded).toMatchObject({
      accounts: SEED_ACCOUNTS.length,
      revenueFacts: serverRevenueFacts(NOW).length + SEED_STRIPE_EVENTS.length,
    });
  });

  it('bills the seeded accounts: MRR now is each subscription’s latest monthly price, computed here from the seed', async () => {
    // northwind €690 (upgraded), globex €290 (Stripe), initech €99 (trial converted via Stripe);
    // umbrella cancelled (bills 0); hooli on trial has no revenue fact at all (unknown, null).
    const expected = { northwind: 69_000, globex: 29_000, initech: 9_900, umbrella: 0, hooli: null };
    for (const [accountId, mrr] of Object.entries(expected)) {
      const page = await kpi<{ revenue: { mrr: number | null; facts: unknown[] } }>(`accounts/${accountId}`);
      expect(page.revenue.mrr, accountId).toBe(mrr);
    }
    const revenue = await kpi<{ mrr: number; payingCustomers: number; churnedCustomers: number }>('kpi/revenue');
    expect(revenue).toMatchObject({ mrr: 69_000 + 29_000 + 9_900, payingCustomers: 3, churnedCustomers: 1 });
  });

  it('gives every dashboard KPI something to show for the default 30 days', async () => {
    const churn = await kpi<{ customersAtStart: number; lost: number; retained: number }>('kpi/churn');
    expect(churn.customersAtStart).toBeGreaterThan(20);
    expect(churn.lost).toBeGreaterThan(0);
    expect(churn.retained).toBeGreaterThan(0);
    const cohorts = await kpi<{ cohorts: { size: number; retention: (number | null)[] }[] }>('kpi/cohorts?period=week');
    expect(cohorts.cohorts.filter((cohort) => cohort.size > 0).length).toBeGreaterThanOrEqual(4);
    expect(cohorts.cohorts[0]!.retention.slice(1).some((rate) => rate !== null && rate > 0 && rate < 100)).toBe(true);
    const dropOff = await kpi<{ eligible: number; droppedOff: number; returned: number }>('kpi/drop-off');
    expect(dropOff.droppedOff).toBeGreaterThan(0);
    expect(dropOff.returned).toBeGreaterThan(0);
    const survey = await kpi<{
      nps: { count: number; promoters: number; passives: number; detractors: number };
      trend: { points: { count: number }[] };
    }>('kpi/surveys/nps-2026?interval=week');
    expect(survey.nps.count).toBeGreaterThan(10);
    expect(Math.min(survey.nps.promoters, survey.nps.passives, survey.nps.detractors)).toBeGreaterThan(0);
    expect(survey.trend.points.filter((point) => point.count > 0).length).toBeGreaterThanOrEqual(4);
    for (const id of ['admin-onboarding', 'member-onboarding']) {
      const checklist = await kpi<{ shown: number; completed: number; items: { completed: number }[] }>(`kpi/checklists/${id}`);
      expect(checklist.completed, id).toBeGreaterThan(0);
      expect(checklist.completed, id).toBeLessThan(checklist.shown);
      expect(
        checklist.items.every((item) => item.completed > 0),
        id,
      ).toBe(true);
    }
    const news = await kpi<{ reach: number; read: number; ctaClicks: number }>('announcements/faster-exports/kpis');
    expect(news.reach).toBeGreaterThan(0);
    expect(news.read).toBeGreaterThan(0);
    expect(news.ctaClicks).toBeGreaterThan(0);
    const rewards = await kpi<{ pointsIssued: number; pointsRedeemed: number; topRules: { ruleId: string }[] }>('kpi/rewards');
    expect(rewards.pointsIssued).toBeGreaterThan(0);
    expect(rewards.pointsRedeemed).toBeGreaterThan(0);
    expect(rewards.topRules.map((rule) => rule.ruleId)).toEqual(expect.arrayContaining(['project-created', 'onboarded']));
  });

  it('adds nothing when seeding runs again', async () => {
    const before = await kpi<{ events: number }>('kpi/usage');
    const points = await kpi<{ pointsIssued: number }>('kpi/rewards');
    const again = await seedDemoData({
      collectorUrl: stack.collector.url,
      project: stack.project,
      secret: SECRET,
      store: stack.collector.store,
    });
    expect(again).toMatchObject({ skipped: true, accepted: 0, responses: 0, redemptions: 0 });
    expect((await kpi<{ events: number }>('kpi/usage')).events).toBe(before.events);
    expect((await kpi<{ pointsIssued: number }>('kpi/rewards')).pointsIssued).toBe(points.pointsIssued);
  });

  it('uses fixed messageIds: a re-sent batch is stored as duplicates', async () => {
    const { user, events } = buildSeedPlan(NOW, stack.project).batches[0]!;
    const body = JSON.stringify({ sentAt: new Date().toISOString(), userToken: mintUserToken(user.id, { secretKey: SECRET }), events });
    const response = await fetch(`${stack.collector.url}/v1/batch?key=${stack.project.publicKey}`, { method: 'POST', body });
    expect((await response.json()) as BatchResult).toEqual({ accepted: 0, duplicates: events.length, conflicts: 0 });
  });
});
