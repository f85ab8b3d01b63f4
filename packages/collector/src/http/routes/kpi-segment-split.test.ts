import { describe, expect, it } from 'vitest';
import { bothStores } from '../../test-support/both-stores.js';
import { uniqueProjectId } from '../../test-support/events.js';
import { NOW, errorOf } from '../../test-support/http.js';
import { admin, checklistInput, identify, track } from '../../test-support/prompts.js';
import { npsInput, nps, respond, surveyApp } from '../../test-support/surveys.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const range = `from=${iso(NOW - DAY)}&to=${iso(NOW)}`;
const monthly = (amount: number) => ({ amount, currency: 'EUR', interval: 'month' });

/**
 * One project, hand-computed over [NOW − 1 d, NOW):
 * - users: ada {plan "trial", seats 9, since "2025-06-01"}, bob {plan "pro", seats 10, since
 *   "2026-01-01T01:00:00+02:00" (2025-12-31T23:00Z)}, cy {plan "pro", seats "10", since epoch ms
 *   of 2026-01-01T01:00Z};
 * - checklist "setup" (create, invite), shown to all three at −5 h; ada creates (started), bob
 *   creates and invites (completed in 2 h), cy does nothing;
 * - NPS survey shown to all three at −3 h; ada answers 3 (detractor), bob 10 (promoter);
 * - announcement "news" (feature event "Teammate Invited", everyone's) published at −6 h: ada
 *   reads it at −5 h and reacts up; bob reads it at −5 h and clicks its call to action; cy is
 *   never reached (a control);
 * - revenue: account acme {plan "pro", seats 10, since "2026-02-30" (no such day)} €100/month,
 *   account globex {plan "trial", seats 9, since "2024-01-01T00:00:00Z"} €50/month, and user ada
 *   €20/month (revenue per user), all started before the range.
 */
async function fixture(open: () => Promise<import('../../storage/store.js').Store>) {
  const { app, clock } = await surveyApp(
    [checklistInput('setup', { events: ['Project Created', 'Teammate Invited'] }), npsInput()],
    { id: uniqueProjectId(), revenue: { currency: 'EUR' } },
    await open(),
  );
  clock.now = NOW - 6 * HOUR;
  expect(
    (
      await admin(app, 'POST', '/v1/admin/announcements', {
        body: { id: 'news', featureEvent: 'Teammate Invited', content: { title: 'News', body: 'New' } },
      })
    ).status,
  ).toBe(201);
  expect((await admin(app, 'POST', '/v1/admin/announcements/news/publish', { body: {} })).status).toBe(200);
  clock.now = NOW;
  const users: [string, Record<string, unknown>][] = [
    ['ada', { plan: 'trial', seats: 9, since: '2025-06-01' }],
    ['bob', { plan: 'pro', seats: 10, since: '2026-01-01T01:00:00+02:00' }],
    ['cy', { plan: 'pro', seats: '10', since: Date.parse('2026-01-01T01:00:00Z') }],
  ];
  for (const [user, traits] of users) {
    await identify(app, user, traits);
    await track(app, user, '$prompt_shown', { properties: { promptId: 'setup', kind: 'checklist' }, timestamp: iso(NOW - 5 * HOUR) });
    await track(app, user, '$prompt_shown', { properties: { promptId: 'nps', kind: 'survey', cycle: 1 }, timestamp: iso(NOW - 3 * HOUR) });
  }
  const news = (user: string, name: string, properties: Record<string, unknown> = {}) =>
    track(app, user, name, { properties: { announcementId: 'news', ...properties }, timestamp: iso(NOW - 5 * HOUR) });
  await news('ada', '$announcement_read');
  await news('ada', '$announcement_reacted', { reaction: 'up' });
  await news('bob', '$announcement_read');
  await news('bob', '$announcement_cta_clicked');
  await track(app, 'ada', 'Project Created', { timestamp: iso(NOW - 4 * HOUR) });
  await track(app, 'bob', 'Project Created', { timestamp: iso(NOW - 4 * HOUR) });
  await track(app, 'bob', 'Teammate Invited', { timestamp: iso(NOW - 3 * HOUR) });
  clock.now = NOW - 2 * HOUR;
  for (const [user, score] of [
    ['ada', 3],
    ['bob', 10],
  ] as const)
    expect((await respond(app, { userId: user, answer: nps(score) })).status).toBe(200);
  clock.now = NOW;
  const server = (path: string, body: unknown) => admin(app, path.includes('revenue') ? 'POST' : 'PUT', path, { body });
  expect((await server('/v1/server/accounts/acme', { traits: { plan: 'pro', seats: 10, since: '2026-02-30' } })).status).toBe(200);
  expect((await server('/v1/server/accounts/globex', { traits: { plan: 'trial', seats: 9, since: '2024-01-01T00:00:00Z' } })).status).toBe(
    200,
  );
  const started = iso(NOW - 10 * DAY);
  for (const fact of [
    { id: 'acme', type: 'subscription_started', accountId: 'acme', subscriptionId: 's1', ...monthly(10_000), occurredAt: started },
    { id: 'globex', type: 'subscription_started', accountId: 'globex', subscriptionId: 's2', ...monthly(5_000), occurredAt: started },
    { id: 'ada', type: 'subscription_started', userId: 'ada', subscriptionId: 's3', ...monthly(2_000), occurredAt: started },
  ])
    expect((await server('/v1/server/revenue', fact)).status).toBe(201);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked field by field.
  const get = async (path: string): Promise<Record<string, any>> => {
    const res = await admin(app, 'GET', path);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };
  return { app, get };
}

const NOBODY = { shown: 0, started: 0, completed: 0, startedRate: null, completionRate: null, medianTimeToCompleteMs: null };

describe.each(bothStores('hearth_segment_split'))('segment= on the checklist, survey, announcement and revenue KPIs ($name)', (kind) => {
  it('splits the checklist KPIs in SQL, numbers compared as numbers (9 vs 10 vs "10")', async () => {
    const { get } = await fixture(kind.open);
    const path = (segment: string) => `/v1/admin/kpi/checklists/setup?${range}&segment=${encodeURIComponent(segment)}`;
    expect(await get(`/v1/admin/kpi/checklists/setup?${range}`)).toMatchObject({ segment: null, shown: 3, started: 2, completed: 1 });
    expect(await get(path('lifecycle:trial'))).toMatchObject({
      segment: { kind: 'lifecycle', stage: 'trial' },
      shown: 1,
      started: 1,
      completed: 0,
      startedRate: 100,
      completionRate: 0,
    });
    // seats:10 is the number 10 (or 10.0) and the text "10", never 9; seats:10.0 the number only.
    expect(await get(path('trait:seats:10'))).toMatchObject({
      segment: { kind: 'trait', trait: 'seats:10' },
      shown: 2,
      started: 1,
      completed: 1,
    });
    expect(await get(path('trait:seats:10.0'))).toMatchObject({ shown: 1, completed: 1, medianTimeToCompleteMs: 2 * HOUR });
    expect(await get(path('trait:seats:9'))).toMatchObject({ shown: 1, started: 1, completed: 0 });
    // Comparisons: only the number 10 is ≥ 10 (bob), never the text "10" (cy); ada's 9 is < 10.
    expect(await get(path('trait:seats:gte:10'))).toMatchObject({
      segment: { kind: 'trait', trait: 'seats:gte:10' },
      shown: 1,
      completed: 1,
    });
    expect(await get(path('trait:seats:lt:10'))).toMatchObject({ shown: 1, started: 1, completed: 0 });
    // Before 2026-01-01: ada's date and bob's +02:00 time (23:00Z the day before); after it: cy's epoch ms.
    expect(await get(path('trait:since:before:2026-01-01'))).toMatchObject({ shown: 2, started: 2, completed: 1 });
    expect(await get(path('trait:since:after:2026-01-01'))).toMatchObject({ shown: 1, started: 0, completed: 0 });
    // A segment that holds nobody: counts 0, every rate and the median null, never 0.
    expect(await get(path('trait:plan:enterprise'))).toMatchObject(NOBODY);
  });

  it('splits the survey KPIs: the segment users responses and displays', async () => {
    const { get } = await fixture(kind.open);
    const path = (segment: string) => `/v1/admin/kpi/surveys/nps?${range}&segment=${encodeURIComponent(segment)}`;
    const all = await get(`/v1/admin/kpi/surveys/nps?${range}`);
    expect([all.nps.score, all.responseRate]).toEqual([0, { displays: 3, responses: 2, rate: (2 / 3) * 100 }]);
    const ten = await get(path('trait:seats:10'));
    expect([ten.segment, ten.nps.count, ten.nps.score, ten.responseRate]).toEqual([
      { kind: 'trait', trait: 'seats:10' },
      1,
      100,
      { displays: 2, responses: 1, rate: 50 },
    ]);
    const trial = await get(path('lifecycle:trial'));
    expect([trial.nps.score, trial.responseRate]).toEqual([-100, { displays: 1, responses: 1, rate: 100 }]);
    const nobody = await get(path('trait:plan:enterprise'));
    expect([nobody.nps.score, nobody.nps.promotersPct, nobody.responseRate]).toEqual([
      null,
      null,
      { displays: 0, responses: 0, rate: null },
    ]);
  });

  it("splits the revenue KPIs by the accounts' own traits and the users' traits", async () => {
    const { get } = await fixture(kind.open);
    const path = (segment: string) => `/v1/admin/kpi/revenue?${range}&segment=${encodeURIComponent(segment)}`;
    expect(await get(`/v1/admin/kpi/revenue?${range}`)).toMatchObject({ segment: null, mrr: 17_000, payingCustomers: 3 });
    // Account plan "pro": acme. Trial: account globex and user ada (revenue per user).
    expect(await get(path('trait:plan:pro'))).toMatchObject({
      segment: { kind: 'trait', trait: 'plan:pro' },
      mrr: 10_000,
      payingCustomers: 1,
    });
    expect(await get(path('lifecycle:trial'))).toMatchObject({ mrr: 7_000, payingCustomers: 2, arpa: 3_500 });
    // Typed: the number 10 is acme's seats; 9 is globex's and ada's.
    expect(await get(path('trait:seats:10'))).toMatchObject({ mrr: 10_000, payingCustomers: 1 });
    expect(await get(path('trait:seats:9'))).toMatchObject({ mrr: 7_000, payingCustomers: 2 });
    expect(await get(path('trait:plan:enterprise'))).toMatchObject({ mrr: null, arpa: null, payingCustomers: 0, clv: null });
    // Comparisons judge accounts by their own traits too: acme's 10 seats; globex's and ada's 9.
    expect(await get(path('trait:seats:gte:10'))).toMatchObject({ mrr: 10_000, payingCustomers: 1 });
    expect(await get(path('trait:seats:lt:10'))).toMatchObject({ mrr: 7_000, payingCustomers: 2 });
    // acme's "2026-02-30" is no date, so never before or after anything: globex (2024) + ada (2025-06-01).
    expect(await get(path('trait:since:before:2027-01-01'))).toMatchObject({ mrr: 7_000, payingCustomers: 2 });
    expect(await get(path('trait:since:after:2025-01-01'))).toMatchObject({ mrr: 2_000, payingCustomers: 1 });
  });

  it("exports a segment's survey responses as CSV, the trait= snapshot filter kept", async () => {
    const { app } = await fixture(kind.open);
    const csvUsers = async (filter: string) => {
      const res = await admin(app, 'GET', `/v1/admin/surveys/nps/responses.csv?${range}&${filter}`);
      expect(res.status, await res.clone().text()).toBe(200);
      return (await res.text())
        .split('\r\n')
        .filter(Boolean)
        .slice(1)
        .map((line) => line.split(',')[3]);
    };
    // Answers: ada 3, bob 10 (cy never answered).
    expect(await csvUsers('')).toEqual(['ada', 'bob']);
    expect(await csvUsers(`segment=${encodeURIComponent('lifecycle:trial')}`)).toEqual(['ada']);
    expect(await csvUsers(`segment=${encodeURIComponent('trait:seats:gte:10')}`)).toEqual(['bob']);
    expect(await csvUsers(`segment=${encodeURIComponent('trait:plan:enterprise')}`)).toEqual([]);
    expect(await csvUsers('trait=plan:pro')).toEqual(['bob']); // the answer-time snapshot
    const both = await admin(app, 'GET', `/v1/admin/surveys/nps/responses.csv?segment=lifecycle:trial&trait=plan:pro`);
    expect([both.status, (await errorOf(both)).issues]).toEqual([
      400,
      [{ path: 'segment', message: 'give either segment or trait, not both' }],
    ]);
  });

  it('splits the announcement KPIs, the adoption control group too', async () => {
    const { get } = await fixture(kind.open);
    const path = (segment: string) => `/v1/admin/announcements/news/kpis?to=${iso(NOW)}&segment=${encodeURIComponent(segment)}`;
    const figures = (k: Awaited<ReturnType<typeof get>>) => [
      k.reach,
      k.readRate,
      k.ctaClickRate,
      k.reactions.up,
      k.adoption.exposed,
      k.adoption.control,
    ];
    const group = (users: number, adopted: number) => ({ users, adopted, rate: users ? (adopted / users) * 100 : null, alreadyUsing: 0 });
    // Everyone: ada and bob reached (both read, bob clicked: 1/2), bob invited at −3 h (1/2 adopted); cy the control.
    const all = await get(`/v1/admin/announcements/news/kpis?to=${iso(NOW)}`);
    expect([all.segment, ...figures(all)]).toEqual([null, 2, 100, 50, 1, group(2, 1), group(1, 0)]);
    const pro = await get(path('trait:plan:pro')); // bob reached and adopted, cy the control
    expect([pro.segment, ...figures(pro)]).toEqual([{ kind: 'trait', trait: 'plan:pro' }, 1, 100, 100, 0, group(1, 1), group(1, 0)]);
    expect(figures(await get(path('lifecycle:trial')))).toEqual([1, 100, 0, 1, group(1, 0), group(0, 0)]); // ada
    expect(figures(await get(path('trait:seats:gte:10')))).toEqual([1, 100, 100, 0, group(1, 1), group(0, 0)]); // bob, not cy's "10"
    const nobody = await get(path('trait:plan:enterprise'));
    expect([nobody.reach, nobody.readRate, nobody.ctaClickRate, nobody.adoption.exposed.rate]).toEqual([0, null, null, null]);
  });

  it('refuses a bad segment the way the retention routes do, naming the field', async () => {
    const { app } = await fixture(kind.open);
    for (const route of [
      '/v1/admin/kpi/checklists/setup',
      '/v1/admin/kpi/surveys/nps',
      '/v1/admin/kpi/revenue',
      '/v1/admin/announcements/news/kpis',
    ]) {
      const bad = await admin(app, 'GET', `${route}?segment=lifecycle:dormant`);
      expect([bad.status, (await errorOf(bad)).issues]).toEqual([
        400,
        [{ path: 'segment', message: 'expected lifecycle:trial|new|long-time|at-risk' }],
      ]);
      const both = await admin(app, 'GET', `${route}?segment=lifecycle:trial&trait=plan:pro`);
      expect([both.status, (await errorOf(both)).issues]).toEqual([
        400,
        [{ path: 'segment', message: 'give either segment or trait, not both' }],
      ]);
      const notNumber = await admin(app, 'GET', `${route}?segment=trait:seats:gte:ten`);
      expect([notNumber.status, (await errorOf(notNumber)).issues]).toEqual([
        400,
        [{ path: 'segment', message: 'expected trait:seats:gte:<number>, the number in JSON syntax (10, 2.5, -3), not "ten"' }],
      ]);
      const notDate = await admin(app, 'GET', `${route}?trait=since:before:2026-13-01`);
      expect([notDate.status, (await errorOf(notDate)).issues]).toEqual([
        400,
        [
          {
            path: 'trait',
            message: 'expected since:before:<date>, the date in ISO 8601 ("2026-01-31") or a date-time with offset, not "2026-13-01"',
          },
        ],
      ]);
    }
  });
});
