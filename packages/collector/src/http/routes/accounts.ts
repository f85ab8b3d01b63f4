import { accountIdSchema, accountMemberRequestSchema, accountTraitsRequestSchema, MAX_EVENT_BYTES } from '@hearth/schema';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AccountDetails } from '../../services/account-details.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { Store } from '../../storage/store.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import { pageLimitSchema } from '../page-query.js';
import { parseJsonBody, parseValue } from '../json-body.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { secretKey } from '../middleware/secret-key.js';
import { secretKeyAuth } from './server-api-auth.js';

export interface AccountRouteDeps {
  store: Store;
  details: AccountDetails;
  projects: ProjectRegistry;
  clock: () => number;
}

export const accountListQuerySchema = z.object({
  q: z.string().trim().max(128, 'q must be at most 128 characters').optional(),
  limit: pageLimitSchema,
  after: accountIdSchema.optional().describe('The nextAfter of the previous page.'),
});

const param = (c: Context<AppEnv>, name: 'accountId' | 'userId') => {
  const value = c.req.param(name) ?? '';
  if (value.length === 0 || value.length > 128)
    throw new HttpError(400, `invalid_${name === 'accountId' ? 'account' : 'user'}_id`, `${name} must be 1–128 characters.`);
  return value;
};
const invalid = { code: 'invalid_request', message: 'The request body is invalid; see issues.' };

/**
 * Accounts (docs/accounts.md). The host's backend, with its secret key, sets an account's traits
 * and its members (`/v1/server/accounts/…`): these are trusted, like traits signed into a group
 * token. The console (session or secret key) lists accounts and opens one (`/v1/admin/accounts…`).
 */
export function accountRoutes({ store, details, projects, clock }: AccountRouteDeps) {
  const app = new Hono<AppEnv>();
  app.use('/v1/server/accounts/*', secretKeyAuth(projects));
  app.use('/v1/admin/accounts', secretKey(projects));
  app.use('/v1/admin/accounts/*', secretKey(projects));

  app.put('/v1/server/accounts/:accountId', bodyLimit({ maxBytes: MAX_EVENT_BYTES }), async (c) => {
    const accountId = param(c, 'accountId');
    const { traits } = parseJsonBody(c.var.body, accountTraitsRequestSchema, invalid);
    await store.accounts.setTraits(c.var.project.id, accountId, traits, clock());
    return c.json(await store.accounts.get(c.var.project.id, accountId));
  });
  app.get('/v1/server/accounts/:accountId', async (c) => {
    const account = await store.accounts.get(c.var.project.id, param(c, 'accountId'));
    if (!account) throw new HttpError(404, 'account_not_found', 'No account with this id.');
    return c.json(account);
  });
  app.put('/v1/server/accounts/:accountId/members/:userId', bodyLimit({ maxBytes: MAX_EVENT_BYTES }), async (c) => {
    const [accountId, userId] = [param(c, 'accountId'), param(c, 'userId')];
    const { joinedAt } = c.var.body.trim() ? parseJsonBody(c.var.body, accountMemberRequestSchema, invalid) : { joinedAt: undefined };
    const now = clock();
    const at = joinedAt === undefined ? now : Date.parse(joinedAt);
    await store.accounts.addMember(c.var.project.id, accountId, userId, { joinedAt: at, activeAt: at });
    return c.json({ accountId, userId, joinedAt: new Date(at).toISOString() });
  });
  app.delete('/v1/server/accounts/:accountId/members/:userId', async (c) => {
    const [accountId, userId] = [param(c, 'accountId'), param(c, 'userId')];
    if (!(await store.accounts.removeMember(c.var.project.id, accountId, userId)))
      throw new HttpError(404, 'member_not_found', 'This user is not a member of this account.');
    return c.body(null, 204);
  });

  app.get('/v1/admin/accounts', async (c) => {
    const query = parseValue(c.req.query(), accountListQuerySchema, {
      code: 'invalid_query',
      message: 'The account list query is not valid; see issues.',
    });
    return c.json(
      await store.accounts.list(c.var.project.id, {
        limit: query.limit,
        ...(query.q ? { idPrefix: query.q } : {}),
        ...(query.after ? { after: query.after } : {}),
      }),
    );
  });
  app.get('/v1/admin/accounts/:accountId', async (c) => {
    const account = await details.get(c.var.project, param(c, 'accountId'));
    if (!account) throw new HttpError(404, 'account_not_found', 'No account with this id.');
    return c.json(account);
  });
  return app;
}
