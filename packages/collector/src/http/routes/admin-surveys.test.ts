import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../domain/time.js';
import { NOW } from '../../test-support/http.js';
import { admin, identify, track } from '../../test-support/prompts.js';
import { npsInput, nps, respond, surveyApp } from '../../test-support/surveys.js';

const iso = (ms: number) => new Date(ms).toISOString();
// NOW is Sunday 2026-11-22; the UTC weeks start Monday 11-09 and 11-16.
const WEEK1 = Date.parse('2026-11-10T09:00:00Z');
const WEEK2 = Date.parse('2026-11-17T09:00:00Z');

/**
 * Hand-computed: week 1 — ada (pro) 10, bob (pro) 9, cy (free) 3; week 2 — dee (free) 7, eve
 * (pro) 0 with the comment "=HYPERLINK(1)". 5 responses: promoters 2 (40 %), passives 1 (20 %),
 * detractors 2 (40 %) → NPS 0. Week 1: 2 of 3 promote, 1 detracts → 33.3; week 2: 0 − 50 = −50.
 * plan:pro → 10, 9, 0: 66.7 − 33.3 = 33.3. Shown 8 times → response rate 62.5 %.
 */
async function fixture() {
  const { app, clock } = await surveyApp([npsInput()]);
  const answers: [string, string, number, number][] = [
    ['ada', 'pro', 10, WEEK1],
    ['bob', 'pro', 9, WEEK1],
    ['cy', 'free', 3, WEEK1],
    ['dee', 'free', 7, WEEK2],
    ['eve', 'pro', 0, WEEK2],
  ];
  for (const [user, plan, score, at] of answers) {
    await identify(app, user, { plan });
    clock.now = at;
    expect((await respond(app, { userId: user, answer: nps(score), ...(user === 'eve' ? { comment: '=HYPERLINK(1)' } : {}) })).status).toBe(
      200,
    );
    clock.now = NOW;
  }
  for (const [user, , , at] of [...answers, ...answers.slice(0, 3)]) {
    await track(app, user, '$prompt_shown', { properties: { promptId: 'nps', kind: 'survey', cycle: 1 }, timestamp: iso(at - 60_000) });
  }
  return app;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON body, checked field by field below.
type Kpi = Record<string, any>;
const range = `from=${iso(NOW - 30 * DAY_MS)}&to=${iso(NOW)}`;

describe('GET /v1/admin/kpi/surveys/:id', () => {
  it('reports NPS, trend, segments, distribution and response rate as computed by hand', async () => {
    const app = await fixture();
    const res = await admin(app, 'GET', `/v1/admin/kpi/surveys/nps?${range}&by=plan`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Kpi;
    expect(body.nps).toEqual({
      count: 5,
      promoters: 2,
      passives: 1,
      detractors: 2,
      promotersPct: 40,
      passivesPct: 20,
      detractorsPct: 40,
      score: 0,
    });
    const weeks = body.trend.points.filter((p: { count: number }) => p.count > 0);
    const third = expect.closeTo(100 / 3, 9);
    expect(weeks.map((p: { start: string; score: number }) => [p.start, p.score])).toEqual([
      ['2026-11-09T00:00:00.000Z', third],
      ['2026-11-16T00:00:00.000Z', -50],
    ]);
    expect(body.byTrait.groups.map((g: { value: string; score: number }) => [g.value, g.score])).toEqual([
      ['pro', third],
      ['free', -50],
    ]);
    expect(body.distribution.filter((d: { count: number }) => d.count).map((d: { score: number }) => d.score)).toEqual([0, 3, 7, 9, 10]);
    expect(body.responseRate).toEqual({ displays: 8, responses: 5, rate: 62.5 });
    const pro = (await (await admin(app, 'GET', `/v1/admin/kpi/surveys/nps?${range}&trait=plan:pro`)).json()) as Kpi;
    expect(pro.nps).toMatchObject({ count: 3, score: expect.closeTo(100 / 3, 9) });
  });

  it('is null, never 0, with no responses; refuses other prompt kinds and bad queries', async () => {
    const { app } = await surveyApp([npsInput()]);
    const body = (await (await admin(app, 'GET', '/v1/admin/kpi/surveys/nps')).json()) as Kpi;
    expect(body.nps).toMatchObject({ count: 0, score: null, promotersPct: null });
    expect(body.responseRate.rate).toBeNull();
    expect((await admin(app, 'GET', '/v1/admin/kpi/surveys/missing')).status).toBe(404);
    expect((await admin(app, 'GET', '/v1/admin/kpi/surveys/nps?interval=day')).status).toBe(400);
    expect((await app.request('/v1/admin/kpi/surveys/nps')).status).toBe(401);
  });
});

describe('GET /v1/admin/surveys/:id/responses.csv', () => {
  it('exports the responses as RFC 4180 CSV with chosen traits, formula cells defused', async () => {
    const app = await fixture();
    const res = await admin(app, 'GET', `/v1/admin/surveys/nps/responses.csv?${range}&traits=plan&trait=plan:pro`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('answered_at,updated_at,survey_id,user_id,cycle,type,score,nps_group,comment,locale,trait:plan');
    expect(lines.slice(1).map((line) => line.split(',')[3])).toEqual(['ada', 'bob', 'eve']);
    expect(lines[3]).toContain(",'=HYPERLINK(1),");
  });
});
