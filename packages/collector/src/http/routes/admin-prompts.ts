import { localeTagSchema, promptSchema, type ExplainAnswer, type Prompt, type PromptStatus } from '@hearth/schema';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { explainPrompt } from '../../domain/targeting/explain.js';
import type { Subject } from '../../storage/facts/fact-store.js';
import { loadDecisionContext } from '../../services/decision-context.js';
import type { PromptRecord } from '../../storage/prompts/prompt-store.js';
import type { Store } from '../../storage/store.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { archiveEach } from '../bulk-archive.js';
import { HttpError } from '../http-error.js';
import { parseJsonBody, parseValue } from '../json-body.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { secretKey } from '../middleware/secret-key.js';

export interface AdminRouteDeps {
  store: Store;
  /** The projects as they apply now, looked up per request. */
  projects: ProjectRegistry;
  clock: () => number;
}

const MAX_PROMPT_BYTES = 256 * 1024;
const INVALID_PROMPT = { code: 'invalid_prompt', message: 'The prompt is not valid; see issues.' };

export const explainQuerySchema = z
  .object({
    userId: z.string().min(1).max(128).optional(),
    anonymousId: z.string().min(1).max(64).optional(),
    locale: localeTagSchema.optional(),
  })
  .refine((q) => (q.userId === undefined) !== (q.anonymousId === undefined), {
    message: 'pass exactly one of userId or anonymousId',
    path: ['userId'],
  });

/** The record as JSON, with its version as the ETag a later `If-Match` can send back. */
export function answer(c: Context, record: PromptRecord, status: 200 | 201 = 200): Response {
  c.header('ETag', `"${record.version}"`);
  return c.json(record, status);
}

/** `If-Match: "<version>"` makes a change conditional; without it, the version just read is used. */
export function expectedVersion(c: Context, current: PromptRecord): number {
  const header = c.req.header('If-Match');
  if (header === undefined) return current.version;
  const version = Number(/^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header)?.[1]);
  if (!Number.isInteger(version)) throw new HttpError(400, 'invalid_if_match', 'If-Match must be a prompt version, e.g. "3".');
  return version;
}

/**
 * `/v1/admin/prompts…`: create, update (each change is a new version), publish, pause, archive (one
 * or several), list, read, and "why is this (not) showing?". Secret key only, never from a browser.
 */
export function adminPromptRoutes({ store, projects, clock }: AdminRouteDeps) {
  const app = new Hono<AppEnv>();
  const body = bodyLimit({ maxBytes: MAX_PROMPT_BYTES });
  app.use('/v1/admin/*', secretKey(projects));

  const load = async (c: Context<AppEnv>): Promise<PromptRecord> => {
    const id = c.req.param('id') ?? '';
    const record = await store.prompts.get(c.var.project.id, id);
    if (!record) throw new HttpError(404, 'prompt_not_found', `No prompt "${id}" in project ${c.var.project.id}.`);
    return record;
  };
  const save = async (c: Context<AppEnv>, current: PromptRecord, next: Prompt): Promise<Response> => {
    const saved = await store.prompts.replace(c.var.project.id, next, expectedVersion(c, current), clock());
    if (!saved)
      throw new HttpError(
        412,
        'version_mismatch',
        `Prompt "${next.id}" changed meanwhile (now version ${(await load(c)).version}); read it again and retry.`,
      );
    return answer(c, saved);
  };
  const withStatus = (c: Context<AppEnv>, current: PromptRecord, status: PromptStatus) =>
    save(c, current, parseValue({ ...current.prompt, status }, promptSchema, INVALID_PROMPT));

  app.get('/v1/admin/prompts', async (c) => c.json({ prompts: await store.prompts.list(c.var.project.id) }));

  app.post('/v1/admin/prompts', body, async (c) => {
    const prompt = parseJsonBody(c.var.body, promptSchema, INVALID_PROMPT);
    const created = await store.prompts.create(c.var.project.id, prompt, clock());
    if (!created)
      throw new HttpError(409, 'prompt_exists', `A prompt "${prompt.id}" already exists; PUT /v1/admin/prompts/${prompt.id} to change it.`);
    return answer(c, created, 201);
  });

  app.get('/v1/admin/prompts/:id', async (c) => answer(c, await load(c)));

  app.put('/v1/admin/prompts/:id', body, async (c) => {
    const id = c.req.param('id');
    const input = parseJsonBody(c.var.body, z.record(z.string(), z.unknown()), INVALID_PROMPT);
    if (input.id !== undefined && input.id !== id) {
      throw new HttpError(400, 'invalid_prompt', 'The prompt id cannot change.', [
        { path: 'id', message: `must be "${id}" (the id in the URL)` },
      ]);
    }
    const current = await load(c);
    // A body without `status` keeps the current one: editing a live prompt must not unpublish it.
    const prompt = parseValue({ status: current.prompt.status, ...input, id }, promptSchema, INVALID_PROMPT);
    return save(c, current, prompt);
  });

  // Publishing a prompt whose start lies ahead makes it `scheduled`; it goes live by itself then.
  app.post('/v1/admin/prompts/:id/publish', async (c) => {
    const current = await load(c);
    const startAt = current.prompt.schedule.startAt;
    return withStatus(c, current, startAt && Date.parse(startAt) > clock() ? 'scheduled' : 'live');
  });

  app.post('/v1/admin/prompts/:id/archive', async (c) => withStatus(c, await load(c), 'archived'));

  // Pausing takes a live or scheduled prompt back to draft: nobody sees it until it is published again.
  app.post('/v1/admin/prompts/:id/pause', async (c) => withStatus(c, await load(c), 'draft'));

  app.post('/v1/admin/prompts/archive', body, async (c) => {
    const project = c.var.project.id;
    return c.json(
      await archiveEach(c.var.body, {
        noun: 'Prompt',
        get: (id) => store.prompts.get(project, id),
        isArchived: (record) => record.prompt.status === 'archived',
        archive: async (record) =>
          Boolean(await store.prompts.replace(project, { ...record.prompt, status: 'archived' }, record.version, clock())),
      }),
    );
  });

  app.get('/v1/admin/prompts/:id/explain', async (c) => {
    const project = c.var.project;
    const query = parseValue(c.req.query(), explainQuerySchema, {
      code: 'invalid_query',
      message: 'Name the user to explain for; see issues.',
    });
    const target = await load(c);
    const subject: Subject = query.userId !== undefined ? { userId: query.userId } : { anonymousId: query.anonymousId ?? '' };
    const prompts = (await store.prompts.list(project.id)).map((record) => record.prompt);
    const now = new Date(clock());
    const ctx = await loadDecisionContext(store, { project, subject, prompts, now, locale: query.locale ?? null });
    const explanation = explainPrompt(target.prompt.id, prompts, ctx);
    // `load` found it, and prompts are never deleted: only a prompt missing from the list gets here.
    if (!explanation) throw new HttpError(404, 'prompt_not_found', `No prompt "${target.prompt.id}" in project ${project.id}.`);
    return c.json({ subject, at: now.toISOString(), ...explanation } satisfies ExplainAnswer);
  });

  return app;
}
