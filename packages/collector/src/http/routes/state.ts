import { localeTagSchema } from '@hearth/schema';
import { Hono } from 'hono';
import { z } from 'zod';
import type { RewardsEngine } from '../../services/rewards-engine.js';
import { loadUserState } from '../../services/user-state.js';
import type { Store } from '../../storage/store.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { revalidatedJson } from '../etag.js';
import { parseValue } from '../json-body.js';
import { projectCors } from '../middleware/cors.js';
import { projectKey } from '../middleware/project-key.js';
import type { RateLimit } from '../middleware/rate-limit.js';
import { resolveCaller } from '../resolve-subject.js';

export interface StateRouteDeps {
  store: Store;
  /** The projects as they apply now, looked up per request. */
  projects: ProjectRegistry;
  clock: () => number;
  /** The app's one rate limit, shared with the other public routes. */
  rateLimit: RateLimit;
  /** Adds the user's rewards (verified users only: points belong to a proven person). */
  rewards?: RewardsEngine;
}

export const stateQuerySchema = z.object({
  key: z.string(),
  anonymousId: z.string({ error: 'anonymousId is required' }).min(1, 'anonymousId is required').max(64),
  userId: z.string().min(1).max(128).optional(),
  userToken: z.string().max(4_096).optional(),
  locale: localeTagSchema.optional(),
});

/**
 * `GET /v1/state?key=<public key>&anonymousId=…[&userId=…][&userToken=…][&locale=…]`: exactly the
 * prompts this user should see now, with progress. Strong ETag + `no-cache`, so the widget's
 * revalidation costs a 304 when nothing changed.
 */
export function stateRoutes({ store, projects, clock, rateLimit, rewards }: StateRouteDeps) {
  const app = new Hono<AppEnv>();
  app.use('/v1/state', projectKey(projects), projectCors(), rateLimit);
  app.get('/v1/state', async (c) => {
    const now = clock();
    const project = c.var.project;
    const query = parseValue(c.req.query(), stateQuerySchema, {
      code: 'invalid_query',
      message: 'The state request is not valid; see issues.',
    });
    const { subject, verified } = await resolveCaller(project, query, now);
    const state = await loadUserState(store, rewards, { project, subject, verified, now: new Date(now), locale: query.locale ?? null });
    c.header('Access-Control-Expose-Headers', 'ETag');
    return revalidatedJson(c, JSON.stringify(state));
  });
  return app;
}
