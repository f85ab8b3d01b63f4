import { Hono } from 'hono';
import { kpiOverview } from '../../services/kpi-overview.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { Store } from '../../storage/store.js';
import type { AppEnv } from '../app-env.js';
import { readKpiQuery } from '../kpi-query.js';
import { secretKey } from '../middleware/secret-key.js';

export interface AdminKpiOverviewDeps {
  store: Store;
  projects: ProjectRegistry;
  clock: () => number;
}

/**
 * `GET /v1/admin/kpi/overview?from=&to=`: the dashboard's headline cards (NPS, CLI, retention,
 * churn, MRR, CLV, program ROI), each for the range, the period of the same length before it and
 * a short series of earlier periods (services/kpi-overview.ts), in one request.
 */
export function adminKpiOverviewRoutes({ store, projects, clock }: AdminKpiOverviewDeps) {
  const app = new Hono<AppEnv>();
  app.get('/v1/admin/kpi/overview', secretKey(projects), async (c) => {
    const { range } = readKpiQuery(c, {}, clock());
    return c.json(await kpiOverview(store, c.var.project, range));
  });
  return app;
}
