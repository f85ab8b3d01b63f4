import { ANNOUNCEMENT_EVENTS, PROMPT_EVENTS, collectorConfigSchema, type JsonValue } from '@hearth/schema';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { record } from '../../domain/announcements/test-fixtures.js';
import { DAY_MS } from '../../domain/time.js';
import { ProjectRegistry } from '../../services/project-registry.js';
import type { Store } from '../../storage/store.js';
import { bothStores } from '../../test-support/both-stores.js';
import { newEvent, uniqueProjectId } from '../../test-support/events.js';
import type { AppEnv } from '../app-env.js';
import { errorHandler } from '../middleware/error-handler.js';
import { announcementKpiRoutes } from './announcements-kpi.js';

const SECRET = 'sk_test_acme_secret_0123456789';

/**
 * Announcement "reports" published 10 days before "now" (test-fixtures NOW), for pro users, feature
 * event `report_exported`; the route asked at publication + 10 days. Users (identified 30 days
 * before publication): a {pro, big}, b {pro, big}, c {pro, big}, d {pro, small}, e {free, big}.
 * - a reads it on day 1, clicks its call to action, reacts up with feedback, adopts on day 2;
 * - b is shown it boosted on day 1 (reached, not read) and reads another announcement; never adopts;
 * - c (a control) adopts on day 3, d (a control) never; e adopts on day 3 but is not in the audience.
 */
async function fixture(store: Store) {
  const projectId = uniqueProjectId();
  const config = collectorConfigSchema.parse({
    projects: [{ id: projectId, name: 'Acme', publicKey: 'pk_test_acme', secretKeys: [SECRET] }],
  });
  const r = record('reports', 10, {
    featureEvent: 'report_exported',
    audience: { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' },
  });
  expect(await store.announcements.create(projectId, r.announcement, r.texts, 0)).toMatchObject({ version: 1 });
  const published = Date.parse(r.announcement.publishAt!);
  const day = (n: number) => published + n * DAY_MS;
  const write = (
    userId: string,
    at: number,
    fields: { name?: string; properties?: Record<string, JsonValue>; traits?: Record<string, JsonValue> },
  ) =>
    store.writeEvents([
      newEvent({
        projectId,
        type: fields.traits ? 'identify' : 'track',
        name: fields.name ?? null,
        userId,
        anonymousId: `anon-${userId}`,
        properties: fields.properties ?? {},
        traits: fields.traits ?? null,
        timestamp: at,
        receivedAt: at,
      }),
    ]);
  for (const [userId, plan, team] of [
    ['a', 'pro', 'big'],
    ['b', 'pro', 'big'],
    ['c', 'pro', 'big'],
    ['d', 'pro', 'small'],
    ['e', 'free', 'big'],
  ] as const)
    await write(userId, day(-30), { traits: { plan, team } });
  const reports = { announcementId: 'reports' };
  await write('a', day(1), { name: ANNOUNCEMENT_EVENTS.read, properties: reports });
  await write('a', day(1), { name: ANNOUNCEMENT_EVENTS.ctaClicked, properties: reports });
  await write('a', day(1), { name: ANNOUNCEMENT_EVENTS.reacted, properties: { ...reports, reaction: 'up', feedback: 'nice' } });
  await write('a', day(2), { name: 'report_exported' });
  await write('b', day(1), { name: PROMPT_EVENTS.shown, properties: { promptId: 'reports', kind: 'announcement' } });
  await write('b', day(1), { name: ANNOUNCEMENT_EVENTS.read, properties: { announcementId: 'other' } });
  await write('c', day(3), { name: 'report_exported' });
  await write('e', day(3), { name: 'report_exported' });

  const app = new Hono<AppEnv>();
  app.onError(errorHandler());
  app.route(
    '/',
    announcementKpiRoutes({
      announcements: store.announcements,
      projects: new ProjectRegistry(config.projects),
      clock: () => day(10),
    }),
  );
  const get = (path: string) => app.request(path, { headers: { Authorization: `Bearer ${SECRET}` } });
  return { get, to: new Date(day(10)).toISOString() };
}

describe.each(bothStores('hearth_announcement_kpi'))('GET /v1/admin/announcements/:id/kpis ($name)', (kind) => {
  it('folds stored users and events into the hand-computed figures', async () => {
    const { get, to } = await fixture(await kind.open());
    const response = await get('/v1/admin/announcements/reports/kpis?adoptionDays=7');
    expect(response.status).toBe(200);
    // Reached: a (read) and b (boosted); controls: c and d, the audience's pro users it never reached.
    expect(await response.json()).toEqual({
      announcementId: 'reports',
      to,
      segment: null,
      reach: 2,
      read: 1,
      readRate: 50,
      ctaClicks: 1,
      ctaClickRate: 50,
      reactions: { up: 1, down: 0, feedback: 1 },
      adoption: {
        days: 7,
        exposed: { users: 2, adopted: 1, rate: 50, alreadyUsing: 0 },
        control: { users: 2, adopted: 1, rate: 50, alreadyUsing: 0 },
        lift: 0,
        // 1/2 against 1/2: Wilson (0.0945, 0.9055) each, so 0 ± √2 × 0.4055 = ±57.34 points.
        comparison: expect.objectContaining({
          difference: 0,
          low: expect.closeTo(-57.342, 3),
          high: expect.closeTo(57.342, 3),
          verdict: 'too-small',
        }),
      },
    });
    expect((await get('/v1/admin/announcements/reports/kpis?adoptionDays=0')).status).toBe(400);
    expect((await get('/v1/admin/announcements/nope/kpis')).status).toBe(404);
  });

  it('keeps a segment on both sides: reached and control users of the audience with the trait', async () => {
    const { get, to } = await fixture(await kind.open());
    const response = await get(`/v1/admin/announcements/reports/kpis?adoptionDays=7&segment=${encodeURIComponent('trait:team:big')}`);
    expect(response.status).toBe(200);
    // team "big": a and b reached, c the only control (d is "small"; e is "big" but not in the audience).
    expect(await response.json()).toEqual({
      announcementId: 'reports',
      to,
      segment: { kind: 'trait', trait: 'team:big' },
      reach: 2,
      read: 1,
      readRate: 50,
      ctaClicks: 1,
      ctaClickRate: 50,
      reactions: { up: 1, down: 0, feedback: 1 },
      adoption: {
        days: 7,
        exposed: { users: 2, adopted: 1, rate: 50, alreadyUsing: 0 },
        control: { users: 1, adopted: 1, rate: 100, alreadyUsing: 0 },
        lift: -50,
        // 1/2 against 1/1: Wilson (0.0945, 0.9055) and (0.2065, 1), so
        // low = −0.5 − √(0.4055² + 0²) = −90.55, high = −0.5 + √(0.4055² + 0.7935²) = +39.10 points.
        comparison: expect.objectContaining({
          difference: -50,
          low: expect.closeTo(-90.547, 3),
          high: expect.closeTo(39.105, 3),
          verdict: 'too-small',
        }),
      },
    });
    // team "small": d alone, a control who never adopted; nobody reached, so every rate is null.
    const small = await get(`/v1/admin/announcements/reports/kpis?adoptionDays=7&segment=${encodeURIComponent('trait:team:small')}`);
    expect(await small.json()).toMatchObject({
      reach: 0,
      readRate: null,
      ctaClickRate: null,
      adoption: {
        exposed: { users: 0, adopted: 0, rate: null },
        control: { users: 1, adopted: 0, rate: 0 },
        lift: null,
        comparison: expect.objectContaining({ difference: null, low: null, high: null }),
      },
    });
  });
});
