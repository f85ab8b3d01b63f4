import { Hono } from 'hono';
import type { Store } from '../../storage/store.js';
import { checklistKpisOf } from '../../services/checklist-kpis.js';
import { checklistUplift } from '../../services/checklist-uplift.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import { echoedSegment, querySegment, readKpiQuery, segmentShape } from '../kpi-query.js';
import { secretKey } from '../middleware/secret-key.js';

export interface AdminKpiDeps {
  store: Store;
  /** The projects as they apply now, looked up per request. */
  projects: ProjectRegistry;
  clock: () => number;
}

/**
 * `GET /v1/admin/kpi/checklists/:id?from=&to=[&segment=…|&trait=key:value]`: docs/reference/kpi-definitions.md, "Engagement
 * and adoption → Onboarding / checklist" (started rate, completion rate, per-item completion
 * funnel, median time to complete), for users first shown the checklist in [from, to); with a
 * holdout, the uplift against its control for users assigned in [from, to) (same document, "Loyalty
 * program impact"). Defaults: the last 30 days up to now. The segment (kpi-query.ts) keeps the
 * users in it at `to`.
 */
export function adminKpiRoutes({ store, projects, clock }: AdminKpiDeps) {
  const app = new Hono<AppEnv>();
  app.use('/v1/admin/kpi/*', secretKey(projects));
  app.get('/v1/admin/kpi/checklists/:id', async (c) => {
    const project = c.var.project;
    const id = c.req.param('id');
    const now = new Date(clock());
    const query = readKpiQuery(c, segmentShape, now.getTime());
    const record = await store.prompts.get(project.id, id);
    if (!record) throw new HttpError(404, 'prompt_not_found', `No prompt "${id}" in project ${project.id}.`);
    const { prompt } = record;
    if (prompt.kind !== 'checklist') throw new HttpError(400, 'not_a_checklist', `Prompt "${id}" is a ${prompt.kind}, not a checklist.`);

    const { from, to } = query.range;
    const segment = querySegment(project, query);
    const [kpis, uplift] = await Promise.all([
      checklistKpisOf(store, project.id, prompt, { range: { from, to }, segment }),
      checklistUplift(store, project.id, prompt, { range: { from, to }, segment }),
    ]);
    return c.json({
      promptId: id,
      definition: 'docs/reference/kpi-definitions.md: Engagement and adoption → Onboarding / checklist',
      range: { from: from.toISOString(), to: to.toISOString() },
      segment: echoedSegment(query),
      ...kpis,
      uplift,
    });
  });
  return app;
}
