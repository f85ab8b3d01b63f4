import { Hono } from 'hono';
import { z } from 'zod';
import type { AccountKpis } from '../../services/account-kpis.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { readKpiQuery } from '../kpi-query.js';
import { secretKey } from '../middleware/secret-key.js';

export const accountKpiShape = {
  inactivityDays: z.coerce.number().int().min(1).max(365).optional(),
  period: z.enum(['week', 'month']).default('week'),
};

const definition = (section: string) => `docs/reference/kpi-definitions.md: ${section}`;

/**
 * Account KPIs, `GET /v1/admin/kpi/accounts/<kpi>?from=&to=` (range [from, to), default the last 30
 * days; admin session or secret key): active accounts, churn (by inactivity and by subscription
 * end), NPS per account, cohorts. Definitions: docs/reference/kpi-definitions.md, "Accounts".
 */
export function adminKpiAccountRoutes({ kpis, projects, clock }: { kpis: AccountKpis; projects: ProjectRegistry; clock: () => number }) {
  const app = new Hono<AppEnv>();
  app.use('/v1/admin/kpi/accounts/*', secretKey(projects));
  const read = (c: Parameters<typeof readKpiQuery>[0]) => {
    const query = readKpiQuery(c, accountKpiShape, clock());
    return { ...query, echo: { range: { from: query.range.from.toISOString(), to: query.range.to.toISOString() } } };
  };
  app.get('/v1/admin/kpi/accounts/active', async (c) => {
    const { range, echo } = read(c);
    return c.json({ definition: definition('Accounts → Active accounts'), ...echo, ...(await kpis.active(c.var.project.id, range)) });
  });
  app.get('/v1/admin/kpi/accounts/churn', async (c) => {
    const { range, echo, inactivityDays } = read(c);
    const days = inactivityDays ?? c.var.project.inactivityDays;
    return c.json({
      definition: definition('Accounts → Account churn and retention'),
      ...echo,
      ...(await kpis.churn(c.var.project.id, range, days)),
    });
  });
  app.get('/v1/admin/kpi/accounts/nps', async (c) => {
    const { range, echo } = read(c);
    return c.json({ definition: definition('Accounts → NPS per account'), ...echo, ...(await kpis.nps(c.var.project.id, range)) });
  });
  app.get('/v1/admin/kpi/accounts/cohorts', async (c) => {
    const { range, echo, period } = read(c);
    return c.json({
      definition: definition('Accounts → Account cohorts'),
      ...echo,
      ...(await kpis.cohorts(c.var.project.id, range, period)),
    });
  });
  return app;
}
