import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Store } from '../../storage/store.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import { pageLimitSchema } from '../page-query.js';
import { parseValue } from '../json-body.js';
import { secretKey } from '../middleware/secret-key.js';
import { userDetail, userExport } from './admin-users-data.js';
import { secretKeyAuth } from './server-api-auth.js';

export interface AdminUserDeps {
  store: Store;
  /** The projects as they apply now, looked up per request. */
  projects: ProjectRegistry;
  clock: () => number;
}

/** Enough names for a suggestion list; a project with more is better served by typing. */
const VOCABULARY_LIMIT = 200;

const cursor = {
  encode: (userId: string) => Buffer.from(userId, 'utf8').toString('base64url'),
  decode: (text: string) => Buffer.from(text, 'base64url').toString('utf8'),
};

export const searchQuerySchema = z.object({
  q: z.string().trim().max(128, 'q must be at most 128 characters').optional(),
  trait: z
    .string()
    .max(300)
    .regex(/^[^:]+:.*$/, 'expected key:value, e.g. plan:pro')
    .optional(),
  limit: pageLimitSchema,
  cursor: z
    .string()
    .max(400)
    .regex(/^[A-Za-z0-9_-]+$/, 'cursor must be the nextCursor of a previous page')
    .optional(),
});

const userIdOf = (c: Context<AppEnv>) => {
  const userId = c.req.param('userId') ?? '';
  if (userId.length === 0 || userId.length > 128) throw new HttpError(400, 'invalid_user_id', 'userId must be 1–128 characters.');
  return userId;
};

/** `hearth-user-<id>.json`, with anything unsafe in a file name replaced. */
const exportFileName = (userId: string) => `hearth-user-${userId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;

/**
 * Users and privacy (docs/privacy.md). Console session or secret key on `/v1/admin/users…`:
 * - `GET /v1/admin/users?q=<id prefix>&trait=key:value&limit=&cursor=`: find users, by id order;
 * - `GET /v1/admin/users/:userId`: traits, recent events, checklist progress, answers, points;
 * - `GET /v1/admin/users/:userId/export`: everything held about the user, as a JSON download;
 * - `DELETE /v1/admin/users/:userId`: erase the user; idempotent, answers what was removed;
 * - `GET /v1/admin/vocabulary`: event names and trait keys received, for the editors' suggestions.
 * The host's backend gets the same export and erasure at `/v1/server/users/:userId[/export]`.
 */
export function adminUserRoutes({ store, projects, clock }: AdminUserDeps) {
  const app = new Hono<AppEnv>();
  app.use('/v1/admin/users', secretKey(projects));
  app.use('/v1/admin/users/*', secretKey(projects));
  app.use('/v1/server/users/*', secretKeyAuth(projects));
  app.use('/v1/admin/vocabulary', secretKey(projects));

  app.get('/v1/admin/vocabulary', async (c) => c.json(await store.users.vocabulary(c.var.project.id, VOCABULARY_LIMIT)));

  app.get('/v1/admin/users', async (c) => {
    const query = parseValue(c.req.query(), searchQuerySchema, {
      code: 'invalid_query',
      message: 'The user search is not valid; see issues.',
    });
    const at = query.trait?.indexOf(':') ?? -1;
    const page = await store.users.search(c.var.project.id, {
      limit: query.limit,
      ...(query.q ? { idPrefix: query.q } : {}),
      ...(query.trait ? { trait: { key: query.trait.slice(0, at), value: query.trait.slice(at + 1) } } : {}),
      ...(query.cursor ? { after: cursor.decode(query.cursor) } : {}),
    });
    return c.json({ users: page.users, nextCursor: page.nextAfter === null ? null : cursor.encode(page.nextAfter) });
  });

  app.get('/v1/admin/users/:userId', async (c) => c.json(await userDetail(store, c.var.project, userIdOf(c), new Date(clock()))));

  const exportHandler = async (c: Context<AppEnv>) => {
    const userId = userIdOf(c);
    const body = await userExport(store, c.var.project, userId, new Date(clock()));
    c.header('Content-Disposition', `attachment; filename="${exportFileName(userId)}"`);
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  };
  const eraseHandler = async (c: Context<AppEnv>) => {
    const userId = userIdOf(c);
    const removed = await store.users.erase(c.var.project.id, userId);
    return c.json({ userId, removed });
  };
  app.get('/v1/admin/users/:userId/export', exportHandler);
  app.delete('/v1/admin/users/:userId', eraseHandler);
  app.get('/v1/server/users/:userId/export', exportHandler);
  app.delete('/v1/server/users/:userId', eraseHandler);
  return app;
}
