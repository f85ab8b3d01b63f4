import type { CollectorConfig } from '@hearth/schema';
import type { Context } from 'hono';
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { BucketMap } from '../../domain/token-bucket.js';
import type { ProjectAllowance } from '../../services/project-allowance.js';
import type { AppEnv } from '../app-env.js';
import { retryLater } from '../http-error.js';

export interface RateLimitOptions {
  limits: CollectorConfig['rateLimit'];
  clock: () => number;
  /** The client's address; the server entry knows it, tests pass their own. */
  clientAddress: (c: Context) => string;
  /** The per-project limit, shared through the store by every collector on the database. */
  projectAllowance: ProjectAllowance;
}

/** The one rate limit the collector's public routes share (built once per app). */
export type RateLimit = MiddlewareHandler<AppEnv>;

/**
 * A token bucket per client within a project (kept in this process: with N collectors behind a
 * balancer a client may get up to N times its rate, less with sticky sessions), then the project's
 * limit, shared through the store: N collectors admit the project's limit once, in fixed windows
 * of `burstSeconds` (see `services/project-allowance.ts`). 429 with `Retry-After`. Build it once
 * and mount the same middleware on every public route, so the documented rate is a client's total
 * across routes rather than per route.
 */
export function rateLimit({ limits, clock, clientAddress, projectAllowance }: RateLimitOptions): RateLimit {
  const perClient = new BucketMap(limits.perClientPerSecond, limits.perClientPerSecond * limits.burstSeconds);
  const projectLimit = { perSecond: limits.perProjectPerSecond, windowSeconds: limits.burstSeconds };
  return createMiddleware<AppEnv>(async (c, next) => {
    const now = clock();
    const projectId = c.var.project.id;
    // The client bucket first: one noisy client must not drain its project's shared budget.
    const clientWait = perClient.take(`${projectId}\u0000${clientAddress(c)}`, now);
    if (clientWait > 0)
      throw retryLater(429, 'rate_limited', 'Too many requests from this client; retry after the delay in Retry-After.', clientWait);
    const projectWait = await projectAllowance.take(projectId, projectLimit, now);
    if (projectWait > 0)
      throw retryLater(429, 'rate_limited', 'Too many requests for this project; retry after the delay in Retry-After.', projectWait);
    await next();
  });
}
