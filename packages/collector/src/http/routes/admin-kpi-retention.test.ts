import { describe, expect, it } from 'vitest';
import { NOW, batch, errorOf, post, trackEvent, userToken } from '../../test-support/http.js';
import { admin, promptApp } from '../../test-support/prompts.js';

const D = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const FROM = NOW - 14 * D;
const window = `from=${iso(FROM)}&to=${iso(NOW)}`;

/**
 * Hand-computed, range [NOW − 14 d, NOW), project inactivityDays 7 (so customers at the start
 * had an event in (NOW − 21 d, NOW − 14 d)):
 * - ada (pro): identify −16 d, event −1 d → customer, retained.
 * - bob (free): identify −15 d, silent → customer, lost.
 * - cy (free): identify −10 d (new, week-0 cohort), "Report Exported" −10 d + 1 h, event −2 d
 *   (after her first 7 days, which end at −3 d) → came back.
 */
async function fixture() {
  const { app } = await promptApp([], { inactivityDays: 7 });
  const send = async (event: Record<string, unknown>) => {
    const signed = typeof event.userId === 'string' ? { userToken: await userToken(event.userId) } : {};
    const res = await post(app, batch([trackEvent({ properties: {}, ...event })], signed));
    if (res.status !== 200) throw new Error(`batch failed: ${res.status} ${await res.text()}`);
  };
  const identify = (userId: string, plan: string, at: number) =>
    send({
      type: 'identify',
      name: undefined,
      properties: undefined,
      userId,
      anonymousId: `anon-${userId}`,
      traits: { plan },
      timestamp: iso(at),
    });
  const track = (userId: string, at: number, name = 'Page Viewed') =>
    send({ userId, anonymousId: `anon-${userId}`, name, timestamp: iso(at) });
  await identify('ada', 'pro', NOW - 16 * D);
  await track('ada', NOW - D);
  await identify('bob', 'free', NOW - 15 * D);
  await identify('cy', 'free', NOW - 10 * D);
  await track('cy', NOW - 10 * D + 3_600_000, 'Report Exported');
  await track('cy', NOW - 2 * D);
  return app;
}

const get = async (app: Awaited<ReturnType<typeof fixture>>, path: string) => {
  const res = await admin(app, 'GET', path);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
};

describe('GET /v1/admin/kpi/{active-users,churn,cohorts,drop-off,adoption,usage}', () => {
  it('answers each KPI of the hand-computed fixture', async () => {
    const app = await fixture();
    const active = await get(app, `/v1/admin/kpi/active-users?${window}`);
    const daily = active.daily as { activeUsers: number }[];
    expect(daily.map((d) => d.activeUsers)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect((active.weekly as { activeUsers: number }[]).map((w) => w.activeUsers)).toEqual([1, 2]);
    expect(active).toMatchObject({ range: { from: iso(FROM), to: iso(NOW) }, segment: null });

    expect(await get(app, `/v1/admin/kpi/churn?${window}`)).toMatchObject({
      definition: 'docs/reference/kpi-definitions.md: Churn rate and retention rate',
      inactivityDays: 7,
      customersAtStart: 2,
      retained: 1,
      lost: 1,
      churnRate: 50,
      retentionRate: 50,
    });
    const cohorts = await get(app, `/v1/admin/kpi/cohorts?${window}`);
    expect(cohorts).toMatchObject({
      period: 'week',
      cohorts: [
        { size: 1, retention: [100, 100] },
        { size: 0, retention: [null] },
      ],
    });
    expect(await get(app, `/v1/admin/kpi/drop-off?${window}`)).toMatchObject({
      newUsers: 1,
      eligible: 1,
      returned: 1,
      droppedOff: 0,
      dropOffRate: 0,
    });
    expect(await get(app, `/v1/admin/kpi/adoption?${window}&event=Report%20Exported`)).toMatchObject({
      event: 'Report Exported',
      activeUsers: 2,
      adopters: 1,
      adoptionRate: 50,
    });
    // ada 1 event on 1 day, cy 3 events on 2 days, over 2 weeks.
    expect(await get(app, `/v1/admin/kpi/usage?${window}`)).toMatchObject({
      activeUsers: 2,
      events: 4,
      activeDays: 3,
      weeks: 2,
      eventsPerUserPerWeek: 1,
      activeDaysPerUserPerWeek: 0.75,
    });
  });

  it('takes the inactivity threshold from the project, overridable, and narrows to a segment', async () => {
    const app = await fixture();
    // With N = 1 day nobody had an event in (from − 1 d, from): bob's is exactly 1 day before.
    expect(await get(app, `/v1/admin/kpi/churn?${window}&inactivityDays=1`)).toMatchObject({
      inactivityDays: 1,
      customersAtStart: 0,
      churnRate: null,
      retentionRate: null,
    });
    expect(await get(app, `/v1/admin/kpi/churn?${window}&trait=plan:free`)).toMatchObject({ customersAtStart: 1, churnRate: 100 });
    expect(await get(app, `/v1/admin/kpi/churn?${window}&trait=plan:pro`)).toMatchObject({ customersAtStart: 1, churnRate: 0 });
    // segment= names the same trait segment, a lifecycle stage or a program group, judged at `to`.
    expect(await get(app, `/v1/admin/kpi/churn?${window}&segment=trait:plan:pro`)).toMatchObject({
      segment: { kind: 'trait', trait: 'plan:pro' },
      customersAtStart: 1,
    });
    // First seen in the 30 days before `to`: ada −16 d, bob −15 d, cy −10 d; none 90 days before.
    const usage = (segment: string) => get(app, `/v1/admin/kpi/usage?${window}&segment=${segment}`);
    expect(await usage('lifecycle:new')).toMatchObject({ segment: { kind: 'lifecycle', stage: 'new' }, activeUsers: 2 }); // ada, cy
    expect(await usage('lifecycle:long-time')).toMatchObject({ activeUsers: 0 });
    // At risk for 3 days: active in the 30 days before the last 3 whole days, not in them: bob (−15 d, silent since).
    expect(await get(app, `/v1/admin/kpi/churn?${window}&segment=lifecycle:at-risk&atRiskDays=3`)).toMatchObject({
      customersAtStart: 1,
      retained: 0,
    });
    expect(await usage('program:non-member')).toMatchObject({ activeUsers: 2 }); // no program: nobody earned
    expect(await usage('program:member')).toMatchObject({ activeUsers: 0 });
    // Defaults to the last 30 days: nobody was active in the 7 days before it.
    expect(await get(app, '/v1/admin/kpi/churn')).toMatchObject({ customersAtStart: 0, churnRate: null });
  });

  it('refuses bad queries naming the field, and callers without a key', async () => {
    const app = await fixture();
    const issues = async (path: string) => (await errorOf(await admin(app, 'GET', path))).issues?.map((i) => i.path);
    expect(await issues(`/v1/admin/kpi/adoption?${window}`)).toEqual(['event']);
    expect(await issues(`/v1/admin/kpi/churn?inactivityDays=0`)).toEqual(['inactivityDays']);
    expect(await issues(`/v1/admin/kpi/cohorts?period=day`)).toEqual(['period']);
    expect(await issues(`/v1/admin/kpi/usage?segment=lifecycle:old`)).toEqual(['segment']);
    expect(await issues(`/v1/admin/kpi/usage?segment=program:member&trait=plan:pro`)).toEqual(['segment']);
    expect(await issues(`/v1/admin/kpi/usage?from=${iso(NOW - 400 * D)}&to=${iso(NOW)}`)).toEqual(['to']);
    expect((await app.request('/v1/admin/kpi/active-users')).status).toBe(401);
  });
});
