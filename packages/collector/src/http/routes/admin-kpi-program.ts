import { Hono } from 'hono';
import { z } from 'zod';
import { programImpact } from '../../services/program-impact.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { Store } from '../../storage/store.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import { readKpiQuery } from '../kpi-query.js';
import { secretKey } from '../middleware/secret-key.js';

export interface AdminKpiProgramDeps {
  store: Store;
  projects: ProjectRegistry;
  clock: () => number;
}

export const programImpactShape = {
  inactivityDays: z.coerce.number().int().min(1).max(365).optional(),
  survey: z.string().min(1).max(200).optional(),
};

/**
 * `GET /v1/admin/kpi/program-impact?from=&to=[&inactivityDays=][&survey=]`: the rewards program's
 * figures, members against non-members (overall and per tier) and exposed against the holdout,
 * each difference with its 95 % interval (services/program-impact.ts). 404 without a program.
 */
export function adminKpiProgramRoutes({ store, projects, clock }: AdminKpiProgramDeps) {
  const app = new Hono<AppEnv>();
  app.get('/v1/admin/kpi/program-impact', secretKey(projects), async (c) => {
    const project = c.var.project;
    const query = readKpiQuery(c, programImpactShape, clock());
    if (!project.rewards) throw new HttpError(404, 'no_rewards_program', `Project ${project.id} has no rewards program.`);
    const inactivityDays = query.inactivityDays ?? project.inactivityDays;
    return c.json(await programImpact(store, project, { range: query.range, inactivityDays, surveyId: query.survey }));
  });
  return app;
}
