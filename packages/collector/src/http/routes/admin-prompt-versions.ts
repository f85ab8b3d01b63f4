import { promptSchema } from '@hearth/schema';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AuditLog } from '../../services/audit-log.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import { parseJsonBody, parseValue } from '../json-body.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { secretKey } from '../middleware/secret-key.js';
import { answer, expectedVersion, type AdminRouteDeps } from './admin-prompts.js';

export const rollbackSchema = z.object({ version: z.number().int('version must be a whole number').min(1, 'version must be at least 1') });
const INVALID_ROLLBACK = { code: 'invalid_rollback', message: 'Name the version to roll back to; see issues.' };
const INVALID_PROMPT = { code: 'invalid_prompt', message: 'That version is not valid as the prompt today; see issues.' };

/**
 * `/v1/admin/prompts/:id/versions` (history, newest first) and `…/rollback` `{version}`. A rollback
 * never rewrites history: it saves the old configuration as a new version, keeping the prompt's
 * current status, like any edit (rolling back the texts of a live prompt must not unpublish it).
 */
export function adminPromptVersionRoutes({ store, projects, clock, audit }: AdminRouteDeps & { audit: AuditLog }) {
  const app = new Hono<AppEnv>();
  app.use('/v1/admin/prompts/*', secretKey(projects));

  const load = async (c: Context<AppEnv>) => {
    const id = c.req.param('id') ?? '';
    const record = await store.prompts.get(c.var.project.id, id);
    if (!record) throw new HttpError(404, 'prompt_not_found', `No prompt "${id}" in project ${c.var.project.id}.`);
    return record;
  };

  app.get('/v1/admin/prompts/:id/versions', async (c) => {
    const record = await load(c);
    const versions = await store.prompts.versions(c.var.project.id, record.prompt.id);
    // Who saved each version comes from the audit log (versions saved before it existed say null).
    const actors = await audit.versionActors(c.var.project.id, record.prompt.id);
    return c.json({
      promptId: record.prompt.id,
      current: record.version,
      versions: versions.map((v) => ({ ...v, savedBy: actors.get(v.version) ?? null })),
    });
  });

  app.post('/v1/admin/prompts/:id/rollback', bodyLimit({ maxBytes: 1_024 }), async (c) => {
    const { version } = parseJsonBody(c.var.body, rollbackSchema, INVALID_ROLLBACK);
    const current = await load(c);
    const target = await store.prompts.version(c.var.project.id, current.prompt.id, version);
    if (!target) throw new HttpError(404, 'version_not_found', `Prompt "${current.prompt.id}" has no stored version ${version}.`);
    const next = parseValue({ ...target.prompt, status: current.prompt.status }, promptSchema, INVALID_PROMPT);
    const saved = await store.prompts.replace(c.var.project.id, next, expectedVersion(c, current), clock());
    if (!saved) throw new HttpError(412, 'version_mismatch', `Prompt "${current.prompt.id}" changed meanwhile; read it again and retry.`);
    return answer(c, saved);
  });

  return app;
}
