import { MAX_EVENT_BYTES, redeemRequestSchema } from '@hearth/schema';
import { Hono } from 'hono';
import type { RewardsEngine } from '../../services/rewards-engine.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import { loadEarnable } from '../../services/rewards-earnable.js';
import type { Store } from '../../storage/store.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { projectCors } from '../middleware/cors.js';
import { projectKey } from '../middleware/project-key.js';
import type { RateLimit } from '../middleware/rate-limit.js';
import { identityNotVerified, resolveCaller } from '../resolve-subject.js';
import { parseJson, rewardsErrorHandler } from './rewards-errors.js';

export interface RewardsRouteDeps {
  engine: RewardsEngine;
  /** The projects as they apply now, looked up per request. */
  projects: ProjectRegistry;
  /** The prompts and facts that decide which prompt-fed rules this user can earn. */
  store: Store;
  clock: () => number;
  log?: (message: string, error: unknown) => void;
  /** The app's one rate limit, shared with the other public routes. */
  rateLimit: RateLimit;
}

/**
 * Browser endpoints (public key). Points belong to a person, so both need a verified identity: the
 * `userToken` the host's backend minted (HS256 JWT, `sub` = the user id).
 * - `GET /v1/rewards?key=…&userId=…&userToken=…[&locale=…]`: the user's rewards state, in that locale.
 * - `POST /v1/rewards/redeem?key=…` `{ userId, userToken, itemId, requestId }` (text/plain, no preflight).
 */
export function rewardsRoutes({ engine, store, projects, clock, log, rateLimit }: RewardsRouteDeps) {
  const app = new Hono<AppEnv>();
  app.onError(rewardsErrorHandler(log));
  // Public endpoints: the same per-project and per-client budgets as the other browser routes, so a
  // script hammering redeem or the rewards state cannot starve the store.
  // Hono's `/v1/rewards/*` also matches `/v1/rewards` itself: one registration, so one token each.
  app.use('/v1/rewards/*', projectKey(projects), projectCors(), rateLimit);

  // Points belong to a proven person: a token is required even where the project opts out of enforcement.
  const verify = async (
    project: AppEnv['Variables']['project'],
    userId: string | undefined,
    userToken: string | undefined,
  ): Promise<string> => {
    const message =
      'Rewards need a verified identity: pass userId and a valid userToken (HS256 JWT signed with the project secret, sub = userId, not expired).';
    if (!userId) throw identityNotVerified('userId', message);
    await resolveCaller(project, { anonymousId: '', userId, userToken }, clock(), { requireToken: true, message });
    return userId;
  };

  app.get('/v1/rewards', async (c) => {
    const userId = await verify(c.var.project, c.req.query('userId'), c.req.query('userToken'));
    // Only compared with locale tags (the program's translations, locale rules), so any value is harmless.
    const locale = c.req.query('locale') ?? null;
    const earnable = await loadEarnable(store, { project: c.var.project, userId, now: new Date(clock()), locale });
    const state = await engine.state(c.var.project.id, userId, locale, earnable);
    if (!state) throw new HttpError(404, 'rewards_not_configured', 'This project has no rewards program.');
    c.header('Cache-Control', 'no-store');
    return c.json(state);
  });

  app.post('/v1/rewards/redeem', bodyLimit({ maxBytes: MAX_EVENT_BYTES }), async (c) => {
    const request = parseJson(redeemRequestSchema, c.var.body);
    const userId = await verify(c.var.project, request.userId, request.userToken);
    const result = await engine.redeem(c.var.project.id, userId, request.itemId, request.requestId);
    const { status, redemption, balance } = result;
    return c.json(
      { status, redemption: { id: redemption.id, itemId: redemption.itemId, cost: redemption.cost, status: redemption.status }, balance },
      status === 'created' ? 201 : 200,
    );
  });

  return app;
}
