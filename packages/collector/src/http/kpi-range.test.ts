import { describe, expect, it } from 'vitest';
import { NOW, SECRET, errorOf } from '../test-support/http.js';
import { rewardsTestApp } from '../test-support/rewards-test-app.js';

const D = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Every route that computes KPIs over a range (validation runs before any prompt lookup). */
const RANGE_ROUTES = [
  '/v1/admin/kpi/active-users',
  '/v1/admin/kpi/churn',
  '/v1/admin/kpi/cohorts',
  '/v1/admin/kpi/drop-off',
  '/v1/admin/kpi/adoption?event=x',
  '/v1/admin/kpi/usage',
  '/v1/admin/kpi/checklists/setup',
  '/v1/admin/kpi/surveys/nps',
  '/v1/admin/surveys/nps/responses.csv',
  '/v1/admin/kpi/rewards',
  '/v1/server/rewards/kpis',
];

/** Each refused query, and the field its error must name. */
const REFUSED: { name: string; query: string; field: string }[] = [
  { name: 'year 1, to defaulted', query: 'from=0001-01-01T00:00:00Z', field: 'from' },
  { name: 'a bare number', query: 'from=1', field: 'from' },
  { name: 'February 30th', query: `from=2026-02-30T00:00:00Z&to=${iso(NOW)}`, field: 'from' },
  { name: 'no offset', query: `from=2026-11-01T00:00:00&to=${iso(NOW)}`, field: 'from' },
  { name: 'to not a date', query: 'to=tomorrow', field: 'to' },
  { name: 'from after to', query: `from=${iso(NOW)}&to=${iso(NOW - D)}`, field: 'from' },
  { name: 'from in the future, to defaulted', query: `from=${iso(NOW + D)}`, field: 'from' },
  { name: '367 days, both given', query: `from=${iso(NOW - 367 * D)}&to=${iso(NOW)}`, field: 'to' },
  { name: '367 days, to defaulted', query: `from=${iso(NOW - 367 * D)}`, field: 'from' },
  { name: 'year 1 to year 9999', query: `from=0001-01-01T00:00:00Z&to=9999-12-31T00:00:00Z`, field: 'to' },
];

const get = (app: ReturnType<typeof rewardsTestApp>['app'], path: string, query: string) =>
  app.request(`${path}${path.includes('?') ? '&' : '?'}${query}`, { headers: { Authorization: `Bearer ${SECRET}` } });

describe('KPI ranges: one rule for every KPI route', () => {
  it.each(REFUSED)('$name → 400 naming $field on every route', async ({ query, field }) => {
    const { app } = rewardsTestApp();
    for (const path of RANGE_ROUTES) {
      const res = await get(app, path, query);
      expect(res.status, path).toBe(400);
      const error = await errorOf(res);
      expect(error.code, path).toBe('invalid_query');
      expect(
        error.issues?.map((issue) => issue.path),
        path,
      ).toEqual([field]);
    }
  });

  it('accepts 366 days with to given or defaulted, any explicit offset, and echoes the range', async () => {
    const { app } = rewardsTestApp();
    for (const query of [
      `from=${iso(NOW - 366 * D)}&to=${iso(NOW)}`,
      `from=${iso(NOW - 366 * D)}`,
      'from=2026-02-28T23:00:00-01:00&to=2026-03-01T03:00:00%2B02:00',
    ]) {
      for (const path of RANGE_ROUTES.filter((p) => !p.includes('checklists') && !p.includes('surveys'))) {
        const res = await get(app, path, query);
        expect(res.status, `${path} ${query}`).toBe(200);
      }
    }
    const body = (await (
      await get(app, '/v1/admin/kpi/active-users', 'from=2026-02-28T23:00:00-01:00&to=2026-03-01T03:00:00%2B02:00')
    ).json()) as {
      range: { from: string; to: string };
    };
    expect(body.range).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-01T01:00:00.000Z' });
  });

  it('bounds the answer: the longest daily series and cohort matrix stay small', async () => {
    const { app } = rewardsTestApp();
    const query = `from=${iso(NOW - 366 * D)}&to=${iso(NOW)}`;
    for (const path of ['/v1/admin/kpi/active-users', '/v1/admin/kpi/cohorts']) {
      const res = await get(app, path, query);
      expect(res.status).toBe(200);
      expect((await res.text()).length, path).toBeLessThan(64 * 1024);
    }
  });

  it('announcement KPIs read `to` by the same instant rule', async () => {
    const { app } = rewardsTestApp();
    for (const to of ['2026-02-30T00:00:00Z', '2026-11-01T00:00:00', '1']) {
      const res = await get(app, '/v1/admin/announcements/launch/kpis', `to=${to}`);
      expect(res.status, to).toBe(400);
      expect(
        (await errorOf(res)).issues?.map((issue) => issue.path),
        to,
      ).toEqual(['to']);
    }
  });
});
