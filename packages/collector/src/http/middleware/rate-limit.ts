import type { CollectorConfig } from '@hearth/schema';
import type { Context } from 'hono';
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { BucketMap } from '../../domain/token-bucket.js';
import type { AppEnv } from '../app-env.js';
import { retryLater } from '../http-error.js';

export interface RateLimitOptions {
  limits: CollectorConfig['rateLimit'];
  clock: () => number;
  /** The client's address; the server entry knows it, tests pass their own. */
  clientAddress: (c: Context) => string;
}

/** The one rate limit the collector's public routes share (built once per app). */
export type RateLimit = MiddlewareHandler<AppEnv>;

/**
 * Token buckets per project and per client within a project: 429 with `Retry-After`. Build it once
 * and mount the same middleware on every public route, so the documented rate is a client's total
 * across routes rather than per route.
 */
export function rateLimit({ limits, clock, clientAddress }: RateLimitOptions): RateLimit {
  const perProject = new BucketMap(limits.perProjectPerSecond, limits.perProjectPerSecond * limits.burstSeconds);
  const perClient = new BucketMap(limits.perClientPerSecond, limits.perClientPerSecond * limits.burstSeconds);
  return createMiddleware<AppEnv>(async (c, next) => {
    const now = clock();
    const projectId = c.var.project.id;
    // The client bucket first: one noisy client must not drain its project's shared budget.
    const clientWait = perClient.take(`${projectId}\u0000${clientAddress(c)}`, now);
    if (clientWait > 0)
      throw retryLater(429, 'rate_limited', 'Too many requests from this client; retry after the delay in Retry-After.', clientWait);
    const projectWait = perProject.take(projectId, now);
    if (projectWait > 0)
      throw retryLater(429, 'rate_limited', 'Too many requests for this project; retry after the delay in Retry-After.', projectWait);
    await next();
  });
}
