import type { CollectorConfig } from '@hearth/schema';
import { Hono, type Context } from 'hono';
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
import type { AppEnv } from '../app-env.js';
import { parseValue } from '../json-body.js';
import { kpiQueryShape, kpiRange, rangeInOrder, RANGE_ORDER_ERROR, segmentOf, traitSegmentOf } from '../kpi-query.js';
import { secretKey } from '../middleware/secret-key.js';

export interface AdminKpiRetentionDeps {
  store: Store;
  config: CollectorConfig;
  clock: () => number;
}

/** Daily series and cohort matrices grow with the range: a year and a day is plenty for a dashboard. */
const MAX_RANGE_DAYS = 366;

const querySchema = z
  .object({
    ...kpiQueryShape,
    inactivityDays: z.coerce.number().int().min(1).max(365).optional(),
    period: z.enum(['week', 'month']).default('week'),
    event: z.string().min(1).max(200).optional(),
  })
  .refine(rangeInOrder, RANGE_ORDER_ERROR)
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= MAX_RANGE_DAYS * PERIOD_MS.day, {
    message: `the range must not exceed ${MAX_RANGE_DAYS} days`,
    path: ['to'],
  });
const adoptionSchema = querySchema.and(z.object({ event: z.string({ error: 'expected the name of the feature\'s event' }) }));

const definition = (section: string) => `docs/reference/kpi-definitions.md: ${section}`;

/** Parses the query; the answer's common part (range, segment) and the store's query. */
function read<S extends z.ZodType<z.output<typeof querySchema>>>(c: Context<AppEnv>, schema: S, now: Date) {
  const query = parseValue(c.req.query(), schema, { code: 'invalid_query', message: 'The KPI query is not valid; see issues.' });
  const range = kpiRange(query, now);
  const segment = segmentOf(query.trait);
  const activity: ActivityQuery = { ...range, segment: traitSegmentOf(segment) };
  const echo = { range: { from: range.from.toISOString(), to: range.to.toISOString() }, segment: segment ?? null };
  return { query, range, activity, echo };
}

/**
 * The retention dashboard's KPIs, `GET /v1/admin/kpi/<kpi>?from=&to=[&trait=key:value]` (range
 * [from, to), default the last 30 days; admin session or secret key). Definitions and formulas:
 * docs/kpis.md and the kpi/ module of each.
 */
export function adminKpiRetentionRoutes({ store, config, clock }: AdminKpiRetentionDeps) {
  const app = new Hono<AppEnv>();
  const auth = secretKey(config.projects);
  const now = () => new Date(clock());

  app.get('/v1/admin/kpi/active-users', auth, async (c) => {
    const { range, activity, echo } = read(c, querySchema, now());
    const counts = await store.kpi.activeUserCounts(c.var.project.id, activity);
    return c.json({ definition: definition('Engagement and adoption → active users'), ...echo, ...activeUsersSeries(counts, range) });
  });

  app.get('/v1/admin/kpi/churn', auth, async (c) => {
    const { query, activity, echo } = read(c, querySchema, now());
    const inactivityDays = query.inactivityDays ?? c.var.project.inactivityDays;
    const counts = await store.kpi.retentionCounts(c.var.project.id, { ...activity, inactivityMs: inactivityDays * PERIOD_MS.day });
    return c.json({ definition: definition('Churn rate and retention rate'), ...echo, inactivityDays, ...churnKpis(counts) });
  });

  app.get('/v1/admin/kpi/cohorts', auth, async (c) => {
    const { query, range, activity, echo } = read(c, querySchema, now());
    const counts = await store.kpi.cohortCounts(c.var.project.id, { ...activity, periodMs: PERIOD_MS[query.period] });
    return c.json({
      definition: definition('Churn rate and retention rate → Cohort retention'),
      ...echo,
      period: query.period,
      cohorts: cohortRetention(counts, range, query.period),
    });
  });

  app.get('/v1/admin/kpi/drop-off', auth, async (c) => {
    const { activity, echo } = read(c, querySchema, now());
    const counts = await store.kpi.dropOffCounts(c.var.project.id, { ...activity, firstDaysMs: FIRST_DAYS_MS });
    return c.json({ definition: definition('Churn rate and retention rate → Early drop-off'), ...echo, firstDays: 7, ...dropOffKpis(counts) });
  });

  app.get('/v1/admin/kpi/adoption', auth, async (c) => {
    const { query, activity, echo } = read(c, adoptionSchema, now());
    const { activeUsers, adopters } = await store.kpi.engagementCounts(c.var.project.id, { ...activity, event: query.event });
    return c.json({ definition: definition('Engagement and adoption → Feature adoption rate'), ...echo, event: query.event, ...adoptionKpis({ activeUsers, adopters }) });
  });

  app.get('/v1/admin/kpi/usage', auth, async (c) => {
    const { range, activity, echo } = read(c, querySchema, now());
    const { activeUsers, events, activeDays } = await store.kpi.engagementCounts(c.var.project.id, activity);
    return c.json({ definition: definition('Engagement and adoption → Usage frequency'), ...echo, ...usageKpis({ activeUsers, events, activeDays }, range) });
  });
  return app;
}
