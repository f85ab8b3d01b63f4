import { ANNOUNCEMENT_EVENTS, PROMPT_EVENTS, collectorConfigSchema } from '@hearth/schema';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { record } from '../../domain/announcements/test-fixtures.js';
import { DAY_MS } from '../../domain/time.js';
import { testAnnouncementStore } from '../../storage/announcements/test-store.js';
import type { Store } from '../../storage/store.js';
import type { AppEnv } from '../app-env.js';
import { errorHandler } from '../middleware/error-handler.js';
import { announcementKpiRoutes } from './announcements-kpi.js';
import { ProjectRegistry } from '../../services/project-registry.js';

const SECRET = 'sk_test_acme_secret_0123456789';
const config = collectorConfigSchema.parse({ projects: [{ id: 'acme', name: 'Acme', publicKey: 'pk_test_acme', secretKeys: [SECRET] }] });

describe('GET /v1/admin/announcements/:id/kpis', () => {
  it('folds stored users and events into the hand-computed figures', async () => {
    const { store, track, addUser } = testAnnouncementStore();
    // Published 10 days before "now" (test-fixtures NOW); pro users only; feature event `report_exported`.
    const r = record('reports', 10, {
      featureEvent: 'report_exported',
      audience: { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' },
    });
    await store.create('acme', r.announcement, r.texts, 0);
    const published = Date.parse(r.announcement.publishAt!);
    const day = (n: number) => published + n * DAY_MS;
    for (const [userId, plan] of [
      ['a', 'pro'],
      ['b', 'pro'],
      ['c', 'pro'],
      ['d', 'pro'],
      ['e', 'free'],
    ] as const)
      addUser('acme', userId, { plan }, day(-30));
    // a: read on day 1, clicked, reacted up with feedback, adopted day 2. b: boosted shown, never adopted.
    track('acme', ANNOUNCEMENT_EVENTS.read, { userId: 'a' }, { announcementId: 'reports' }, day(1));
    track('acme', ANNOUNCEMENT_EVENTS.ctaClicked, { userId: 'a' }, { announcementId: 'reports' }, day(1));
    track('acme', ANNOUNCEMENT_EVENTS.reacted, { userId: 'a' }, { announcementId: 'reports', reaction: 'up', feedback: 'nice' }, day(1));
    track('acme', 'report_exported', { userId: 'a' }, {}, day(2));
    track('acme', PROMPT_EVENTS.shown, { userId: 'b' }, { promptId: 'reports', kind: 'announcement' }, day(1));
    track('acme', ANNOUNCEMENT_EVENTS.read, { userId: 'b' }, { announcementId: 'other' }, day(1));
    // Controls: c adopted day 3, d never; e is not in the audience (free plan).
    track('acme', 'report_exported', { userId: 'c' }, {}, day(3));
    track('acme', 'report_exported', { userId: 'e' }, {}, day(3));

    const app = new Hono<AppEnv>();
    app.onError(errorHandler());
    // No segment is asked here (segments are pinned on both real stores in kpi-segment-split.test.ts), so `kpi` is never read.
    const kpi = {} as Store['kpi'];
    app.route(
      '/',
      announcementKpiRoutes({ announcements: store, store: { kpi }, projects: new ProjectRegistry(config.projects), clock: () => day(10) }),
    );
    const response = await app.request('/v1/admin/announcements/reports/kpis?adoptionDays=7', {
      headers: { Authorization: `Bearer ${SECRET}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      announcementId: 'reports',
      to: new Date(day(10)).toISOString(),
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
    const bad = await app.request('/v1/admin/announcements/reports/kpis?adoptionDays=0', {
      headers: { Authorization: `Bearer ${SECRET}` },
    });
    expect(bad.status).toBe(400);
    expect((await app.request('/v1/admin/announcements/nope/kpis', { headers: { Authorization: `Bearer ${SECRET}` } })).status).toBe(404);
  });
});
