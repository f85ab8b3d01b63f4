import type { ProjectConfig, SurveyPrompt } from '@hearth/schema';
import { Hono } from 'hono';
import { z } from 'zod';
import { responsesCsv } from '../../export/survey-responses.js';
import { selectRows } from '../../kpi/survey-rows.js';
import type { Store } from '../../storage/store.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import { surveyKpis } from '../../services/survey-kpis.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import { segmentOf } from '../../kpi/segment.js';
import { echoedSegment, readKpiQuery, segmentChoiceOf, segmentShape } from '../kpi-query.js';
import { resolveSegment } from '../../services/kpi-segments.js';
import { secretKey } from '../middleware/secret-key.js';

export interface AdminSurveyDeps {
  store: Store;
  /** The projects as they apply now, looked up per request. */
  projects: ProjectRegistry;
  clock: () => number;
}

const traitName = z.string().min(1).max(100);
export const surveyKpiShape = {
  ...segmentShape,
  interval: z.enum(['week', 'month']).default('week'),
  /** NPS per value of this answer-time trait (`plan` → free / pro / …). */
  by: traitName.optional(),
};
export const csvShape = {
  ...segmentShape,
  /** Answer-time traits to add as columns, comma-separated. */
  traits: z
    .string()
    .max(1_000)
    .optional()
    .transform((list) =>
      list
        ? list
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean)
        : [],
    ),
  bom: z.enum(['0', '1']).optional(),
};

async function surveyOf(store: Store, projectId: string, id: string): Promise<SurveyPrompt> {
  const record = await store.prompts.get(projectId, id);
  if (!record) throw new HttpError(404, 'prompt_not_found', `No prompt "${id}" in project ${projectId}.`);
  if (record.prompt.kind !== 'survey') throw new HttpError(400, 'not_a_survey', `Prompt "${id}" is a ${record.prompt.kind}, not a survey.`);
  return record.prompt;
}

/**
 * Survey analytics for the admin API (secret key or console session), per docs/reference/kpi-definitions.md and
 * docs/surveys.md "KPI formulas":
 * - `GET /v1/admin/kpi/surveys/:id?from=&to=[&segment=…|&trait=key:value][&interval=week|month][&by=trait]`:
 *   NPS (groups, %, score; null with no responses), trend, NPS by trait, 0–10 distribution,
 *   response rate, and CLI or CSAT for those survey types. Ranges are `[from, to)` by answer time.
 *   `segment=` keeps the responses and displays of the users in it at `to` (the KPIs' one segment
 *   filter); `trait=` here keeps the responses whose answer-time traits match (the snapshot).
 * - `GET /v1/admin/surveys/:id/responses.csv?from=&to=[&segment=…|&trait=key:value][&traits=plan,role][&bom=1]`:
 *   the responses as RFC 4180 CSV, formula-injection safe; `segment=` and `trait=` keep the rows
 *   the KPI route above keeps.
 */
export function adminSurveyRoutes({ store, projects, clock }: AdminSurveyDeps) {
  const app = new Hono<AppEnv>();
  app.use('/v1/admin/kpi/surveys/*', secretKey(projects));
  app.use('/v1/admin/surveys/*', secretKey(projects));

  /**
   * The users of a `segment=` at `to`, or undefined without one. `trait=` filters by the
   * answer-time snapshot instead (selectRows), so only a `segment=` is resolved to its users.
   */
  const segmentUsers = async (query: z.output<z.ZodObject<typeof segmentShape>>, project: ProjectConfig, to: Date) => {
    segmentChoiceOf(query);
    const chosen = query.segment && resolveSegment(project, query.segment, to, query.atRiskDays);
    return chosen && new Set(await store.kpi.segmentUserIds(project.id, chosen, to));
  };

  app.get('/v1/admin/kpi/surveys/:id', async (c) => {
    const project = c.var.project;
    const now = new Date(clock());
    const query = readKpiQuery(c, surveyKpiShape, now.getTime());
    const survey = await surveyOf(store, project.id, c.req.param('id'));
    const { range } = query;
    const users = await segmentUsers(query, project, range.to);
    const segment = segmentOf(query.trait);
    const kpis = await surveyKpis(store, project.id, survey, {
      range,
      now,
      ...(segment ? { segment } : {}),
      interval: query.interval,
      by: query.by,
      users,
    });
    return c.json({
      surveyId: survey.id,
      type: survey.content.type,
      definition: 'docs/reference/kpi-definitions.md: Net Promoter Score, Customer Loyalty Index, CSAT, survey response rate',
      range: { from: range.from.toISOString(), to: range.to.toISOString() },
      segment: echoedSegment(query),
      ...kpis,
    });
  });

  app.get('/v1/admin/surveys/:id/responses.csv', async (c) => {
    const project = c.var.project;
    const now = new Date(clock());
    const query = readKpiQuery(c, csvShape, now.getTime());
    const survey = await surveyOf(store, project.id, c.req.param('id'));
    const { range } = query;
    const users = await segmentUsers(query, project, range.to);
    const segment = segmentOf(query.trait);
    const responses = (await store.responses.list(project.id, survey.id, range)).filter(
      (r) => !users || (!r.anonymous && users.has(r.userId)),
    );
    const selected = selectRows(responses, { range, now, ...(segment ? { segment } : {}) });
    const csv = responsesCsv(selected, {
      traits: query.traits,
      questionIds: survey.content.type === 'cli' ? survey.content.questions.map((q) => q.id) : [],
      bom: query.bom === '1',
    });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${survey.id}-responses.csv"`);
    return c.body(csv);
  });
  return app;
}
