import type { PromptInput, SurveyAnswer } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config.js';
import { revenueFactRow } from '../domain/revenue/revenue-fact.js';
import { inRewardsHoldout } from '../domain/rewards/holdout.js';
import { seedPrompts } from '../seed-prompts.js';
import type { Store } from '../storage/store.js';
import { bothStores } from '../test-support/both-stores.js';
import { newEvent, uniqueProjectId } from '../test-support/events.js';
import { testConfig } from '../test-support/http.js';
import { fact, type FactSpec } from '../test-support/revenue.js';
import { kpiOverview } from './kpi-overview.js';

const DAY = 86_400_000;
const D0 = Date.parse('2026-06-01T00:00:00.000Z');
/** Ten-day periods: the chosen one [D0, D0 + 10 d), the previous [D0 − 10 d, D0), four more before. */
const range = { from: new Date(D0), to: new Date(D0 + 10 * DAY) };
const PROGRAM = { rules: [], holdout: { percent: 50 }, pointValue: 0.01 };

const SURVEYS = [
  { id: 'nps', kind: 'survey', status: 'live', content: { type: 'nps', product: 'Acme' } },
  {
    id: 'cli',
    kind: 'survey',
    status: 'live',
    content: {
      type: 'cli',
      questions: [
        { id: 'quality', text: 'Quality?' },
        { id: 'support', text: 'Support?' },
      ],
    },
  },
] as PromptInput[];

async function projectOf(store: Store, project: Record<string, unknown>) {
  const id = uniqueProjectId();
  const config = parseConfig(testConfig({ id, inactivityDays: 7, ...project }));
  await seedPrompts(store, config, D0);
  return config.projects[0]!;
}

/** Two users in the rewards holdout and two exposed, found by the same hash the program uses. */
function usersBySide(projectId: string) {
  const ids = Array.from({ length: 64 }, (_, i) => `payer-${i}`);
  const held = ids.filter((id) => inRewardsHoldout(PROGRAM, projectId, id));
  const exposed = ids.filter((id) => !inRewardsHoldout(PROGRAM, projectId, id));
  return { e1: exposed[0]!, e2: exposed[1]!, h1: held[0]!, h2: held[1]! };
}

/**
 * Hand-computed fixture (inactivity N = 7 days, EUR, margin 100 %, 1 point = €0.01 = 1 cent):
 * - NPS: now 10, 10, 9, 3 → 75 % − 25 % = 50; before 10, 6 → 50 % − 50 % = 0; change +50 points.
 * - CLI: now quality 8 and support 9, then quality 10 → (8 + 9 + 10) ÷ 3 × 10 = 90; before none → null.
 * - Active at the start (an event in the 7 days before): now ada, bob, cy, fay (4), of whom ada, cy
 *   and fay are active at the end (3) → retention 75 %, churn 25 %; before ada and eve (2), ada
 *   retained → 50 %, 50 %; change +25 / −25 points; the four periods before: nobody → null.
 * - Revenue (monthly plans from D0 − 35 d): e1 €100, e2 €50 → €60 on D0 + 2 d, h1 €100 cancelled on
 *   D0 + 5 d, h2 €100. MRR before 350.00 (and in every period back to D0 − 40 d), now
 *   100 + 60 + 100 = 260.00 → change (26,000 − 35,000) ÷ 35,000 = −25.71 %; the oldest period
 *   ends before any fact → null.
 * - CLV now: ARPA 312,000 ÷ 12 ÷ 3 = 8,666.67 cents; monthly churn 1 of 4 × 30 ÷ 10 = 0.75; CLV =
 *   8,666.67 ÷ 0.75 = 11,555.56 → 11,556. Before: nobody churned → null.
 * - Program ROI now: exposed ARR 180,000 → 192,000, holdout 240,000 → 120,000; kept MRR =
 *   (192,000 − 180,000 × 120,000 ÷ 240,000) ÷ 12 = 8,500; cost 1,500 points × 1 cent × 30 ÷ 10 =
 *   4,500 a month; ROI (8,500 − 4,500) ÷ 4,500 = 88.89 %. Before: kept 0, cost 300 × 3 = 900 →
 *   −100 %; change +188.89 points.
 */
async function seed(store: Store, projectId: string) {
  const event = (userId: string, days: number) =>
    newEvent({ projectId, userId, anonymousId: `a-${userId}`, timestamp: D0 + days * DAY, verified: true });
  await store.writeEvents([
    event('ada', -12),
    event('ada', -2),
    event('ada', 5),
    event('eve', -15),
    event('bob', -1),
    event('cy', -3),
    event('cy', 9),
    event('fay', -1),
    event('fay', 6),
    event('dee', 4),
  ]);
  const answer = (surveyId: string, userId: string, days: number, value: SurveyAnswer) =>
    store.responses.insert(projectId, {
      surveyId,
      cycle: 1,
      answer: value,
      traits: {},
      locale: 'en',
      answeredAt: new Date(D0 + days * DAY),
      updatedAt: new Date(D0 + days * DAY),
      userId,
      anonymous: false,
      comment: null,
    });
  const nps = (score: number) => ({ type: 'nps', score }) as const;
  for (const [userId, days, score] of [
    ['ada', 1, 10],
    ['bob', 2, 10],
    ['cy', 3, 9],
    ['dee', 4, 3],
    ['eve', -5, 10],
    ['fay', -4, 6],
  ] as const)
    await answer('nps', userId, days, nps(score));
  await answer('cli', 'ada', 2, { type: 'cli', scores: { quality: 8, support: 9 } });
  await answer('cli', 'bob', 3, { type: 'cli', scores: { quality: 10 } });

  const { e1, e2, h1, h2 } = usersBySide(projectId);
  const at = (days: number) => new Date(D0 + days * DAY).toISOString();
  const monthly = (
    userId: string,
    subscriptionId: string,
    amount: number,
    days: number,
    type: 'subscription_started' | 'subscription_changed' = 'subscription_started',
  ): FactSpec => ({
    type,
    userId,
    subscriptionId,
    amount,
    currency: 'EUR',
    interval: 'month',
    occurredAt: at(days),
  });
  const facts: FactSpec[] = [
    monthly(e1, 's-e1', 10_000, -35),
    monthly(e2, 's-e2', 5_000, -35),
    monthly(e2, 's-e2', 6_000, 2, 'subscription_changed'),
    monthly(h1, 's-h1', 10_000, -35),
    { type: 'subscription_cancelled', userId: h1, subscriptionId: 's-h1', occurredAt: at(5) },
    monthly(h2, 's-h2', 10_000, -35),
  ];
  for (const spec of facts) await store.revenue.record(revenueFactRow(projectId, fact(spec), 'EUR'), D0);
  const grant = (userId: string, id: string, amount: number, days: number) =>
    store.rewards.append({ projectId, id, userId, amount, reason: 'Grant', ruleId: null, at: D0 + days * DAY });
  await grant(e1, 'g1', 1_000, 1);
  await grant(e2, 'g2', 500, 2);
  await grant(e1, 'g0', 300, -5);
}

describe.each(bothStores('hearth_kpi_overview'))('the KPI overview on $name', ({ open }) => {
  it('matches the hand-computed fixture: each card now, before, the change and the series', async () => {
    const store = await open();
    const project = await projectOf(store, {
      prompts: SURVEYS,
      rewards: PROGRAM,
      revenue: { currency: 'EUR' },
    });
    await seed(store, project.id);
    const overview = await kpiOverview(store, project, range);
    expect(overview.previousRange).toEqual({ from: new Date(D0 - 10 * DAY).toISOString(), to: new Date(D0).toISOString() });
    expect(overview.currency).toBe('EUR');
    const card = (kpi: string) => overview.cards.find((c) => c.kpi === kpi)!;
    const figures = (kpi: string) => [card(kpi).current, card(kpi).previous, card(kpi).change];

    expect(overview.cards.map((c) => c.kpi)).toEqual(['nps', 'cli', 'retention', 'churn', 'mrr', 'clv', 'programRoi']);
    expect(figures('nps')).toEqual([50, 0, 50]);
    expect(figures('cli')).toEqual([90, null, null]);
    expect(card('cli').series.at(-2)?.note).toBe('No CLI answers in this period.');
    expect(figures('retention')).toEqual([75, 50, 25]);
    expect(figures('churn')).toEqual([25, 50, -25]);
    expect(card('retention').series.map((p) => p.value)).toEqual([null, null, null, null, 50, 75]);
    expect(figures('mrr')).toEqual([26_000, 35_000, -25.71]);
    expect(card('mrr').changeKind).toBe('relative');
    expect(card('mrr').series.map((p) => p.value)).toEqual([null, 35_000, 35_000, 35_000, 35_000, 26_000]);
    expect(figures('clv')).toEqual([11_556, null, null]);
    expect(card('clv').series.at(-2)?.note).toContain('No paying customer churned');
    expect(figures('programRoi')).toEqual([88.89, -100, 188.89]);
    expect(card('programRoi').series.at(-3)?.note).toContain('issued no points');
    expect(card('nps').series.map((p) => p.from)).toEqual([50, 40, 30, 20, 10, 0].map((d) => new Date(D0 - d * DAY).toISOString()));
  });

  it('an empty period is null with its reason, never 0, and missing set-up says what to set', async () => {
    const store = await open();
    const bare = await projectOf(store, {});
    const overview = await kpiOverview(store, bare, range);
    for (const card of overview.cards) {
      expect(card.series.every((point) => point.value === null && point.note !== null)).toBe(true);
      expect([card.current, card.previous, card.change]).toEqual([null, null, null]);
    }
    const notes = Object.fromEntries(overview.cards.map((c) => [c.kpi, c.series.at(-1)?.note]));
    expect(notes).toMatchObject({
      nps: 'The project has no NPS survey yet.',
      retention: expect.stringContaining('Nobody was active at the start'),
      mrr: expect.stringContaining('records no revenue'),
      programRoi: expect.stringContaining('records no revenue'),
    });

    const configured = await projectOf(store, { prompts: SURVEYS, rewards: { rules: [] }, revenue: { currency: 'EUR' } });
    const empty = await kpiOverview(store, configured, range);
    const note = (kpi: string) => empty.cards.find((c) => c.kpi === kpi)?.series.at(-1);
    expect(note('nps')).toEqual(expect.objectContaining({ value: null, note: 'No NPS answers in this period.' }));
    expect(note('mrr')).toEqual(expect.objectContaining({ value: null, note: expect.stringContaining('No revenue facts') }));
    expect(note('programRoi')?.note).toContain('no holdout');
  });
});
