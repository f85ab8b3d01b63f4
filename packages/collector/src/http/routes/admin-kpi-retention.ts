import type { ProjectConfig } from '@hearth/schema';
import { Hono } from 'hono';
import { z } from 'zod';
import { activeUsersSeries } from '../../kpi/active-users.js';
import { adoptionKpis } from '../../kpi/adoption.js';
import { churnKpis } from '../../kpi/churn.js';
import { dropOffKpis, FIRST_DAYS_MS } from '../../kpi/drop-off.js';
import { cohortRetention } from '../../kpi/retention-cohorts.js';
import { PERIOD_MS } from '../../kpi/retention-periods.js';
import { usageKpis } from '../../kpi/usage.js';
import type { ActivityQuery } from '../../storage/kpi/retention-store.js';
import type { Store } from '../../storage/store.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { echoedSegment, querySegment, readKpiQuery, segmentShape, type SegmentQuery } from '../kpi-query.js';
import { secretKey } from '../middleware/secret-key.js';

export interface AdminKpiRetentionDeps {
  store: Store;
  /** The projects as they apply now, looked up per request. */
  projects: ProjectRegistry;
  clock: () => number;
}

export const queryShape = {
  ...segmentShape,
  inactivityDays: z.coerce.number().int().min(1).max(365).optional(),
  period: z.enum(['week', 'month']).default('week'),
  event: z.string().min(1).max(200).optional(),
};
export const adoptionShape = { ...queryShape, event: z.string({ error: "expected the name of the feature's event" }).min(1).max(200) };

const definition = (section: string) => `docs/reference/kpi-definitions.md: ${section}`;

/**
 * The answer's common part (range, segment) and the store's query. A `trait=` segment is echoed as
 * its trait condition, a `segment=` one as the choice (`{ kind: 'lifecycle', stage: 'trial' }`).
 */
async function scope(store: Store, project: ProjectConfig, query: SegmentQuery) {
  const { range } = query;
  const activity: ActivityQuery = { ...range, segment: querySegment(project, query) };
  const echo = { range: { from: range.from.toISOString(), to: range.to.toISOString() }, segment: echoedSegment(query) };
  return { range, activity, echo };
}

/**
 * The retention dashboard's KPIs, `GET /v1/admin/kpi/<kpi>?from=&to=[&trait=key:value]` (range
 * [from, to), default the last 30 days; admin session or secret key). Definitions and formulas:
 * docs/kpis.md and the kpi/ module of each.
 */
export function adminKpiRetentionRoutes({ store, projects, clock }: AdminKpiRetentionDeps) {
  const app = new Hono<AppEnv>();
  const auth = secretKey(projects);

  app.get('/v1/admin/kpi/active-users', auth, async (c) => {
    const { range, activity, echo } = await scope(store, c.var.project, readKpiQuery(c, queryShape, clock()));
    const counts = await store.kpi.activeUserCounts(c.var.project.id, activity);
    return c.json({ definition: definition('Engagement and adoption → active users'), ...echo, ...activeUsersSeries(counts, range) });
  });

  app.get('/v1/admin/kpi/churn', auth, async (c) => {
    const query = readKpiQuery(c, queryShape, clock());
    const { activity, echo } = await scope(store, c.var.project, query);
    const inactivityDays = query.inactivityDays ?? c.var.project.inactivityDays;
    const counts = await store.kpi.retentionCounts(c.var.project.id, { ...activity, inactivityMs: inactivityDays * PERIOD_MS.day });
    return c.json({ definition: definition('Churn rate and retention rate'), ...echo, inactivityDays, ...churnKpis(counts) });
  });

  app.get('/v1/admin/kpi/cohorts', auth, async (c) => {
    const query = readKpiQuery(c, queryShape, clock());
    const { range, activity, echo } = await scope(store, c.var.project, query);
    const counts = await store.kpi.cohortCounts(c.var.project.id, { ...activity, periodMs: PERIOD_MS[query.period] });
    return c.json({
      definition: definition('Churn rate and retention rate → Cohort retention'),
      ...echo,
      period: query.period,
      cohorts: cohortRetention(counts, range, query.period),
    });
  });

  app.get('/v1/admin/kpi/drop-off', auth, async (c) => {
    const { activity, echo } = await scope(store, c.var.project, readKpiQuery(c, queryShape, clock()));
    const counts = await store.kpi.dropOffCounts(c.var.project.id, { ...activity, firstDaysMs: FIRST_DAYS_MS });
    return c.json({
      definition: definition('Churn rate and retention rate → Early drop-off'),
      ...echo,
      firstDays: 7,
      ...dropOffKpis(counts),
    });
  });

  app.get('/v1/admin/kpi/adoption', auth, async (c) => {
    const query = readKpiQuery(c, adoptionShape, clock());
    const { activity, echo } = await scope(store, c.var.project, query);
    const { activeUsers, adopters } = await store.kpi.engagementCounts(c.var.project.id, { ...activity, event: query.event });
    return c.json({
      definition: definition('Engagement and adoption → Feature adoption rate'),
      ...echo,
      event: query.event,
      ...adoptionKpis({ activeUsers, adopters }),
    });
  });

  app.get('/v1/admin/kpi/usage', auth, async (c) => {
    const { range, activity, echo } = await scope(store, c.var.project, readKpiQuery(c, queryShape, clock()));
    const { activeUsers, events, activeDays } = await store.kpi.engagementCounts(c.var.project.id, activity);
    return c.json({
      definition: definition('Engagement and adoption → Usage frequency'),
      ...echo,
      ...usageKpis({ activeUsers, events, activeDays }, range),
    });
  });
  return app;
}
