import { createMiddleware } from 'hono/factory';
import type { Store } from '../../storage/store.js';
import { retryLater } from '../http-error.js';

/** When the collector stops taking new requests (503 + Retry-After); docs/collector.md, "Overload". */
export interface OverloadLimits {
  /** Requests being handled at once, all routes together. */
  maxInFlight: number;
  /** The oldest event write still waiting: longer means the database is stalled (a lock held elsewhere). */
  maxWriteWaitMs: number;
  /** How late the event loop runs: longer means the CPU is saturated or something blocks it. */
  maxEventLoopDelayMs: number;
}

export const DEFAULT_OVERLOAD_LIMITS: OverloadLimits = { maxInFlight: 512, maxWriteWaitMs: 2_000, maxEventLoopDelayMs: 1_000 };

const RETRY_AFTER_MS = 2_000;

/**
 * Refuses new work at once rather than queue it behind a stall: waiting requests hold memory and
 * sockets, and clients retry later anyway. Three signals, checked per request: requests in
 * flight, the store's write wait, and (when the server measures it) event-loop delay. Health
 * checks are mounted before this, so they keep answering.
 */
export function overload(store: Store, limits: OverloadLimits, eventLoopDelayMs: () => number = () => 0) {
  let inFlight = 0;
  return createMiddleware(async (_c, next) => {
    if (inFlight >= limits.maxInFlight) {
      throw retryLater(
        503,
        'overloaded',
        'The collector is handling too many requests at once; retry after the delay in Retry-After.',
        RETRY_AFTER_MS,
      );
    }
    if (store.writeWaitMs() > limits.maxWriteWaitMs) {
      throw retryLater(
        503,
        'overloaded',
        'The database is not taking writes right now; retry after the delay in Retry-After.',
        RETRY_AFTER_MS,
      );
    }
    if (eventLoopDelayMs() > limits.maxEventLoopDelayMs) {
      throw retryLater(
        503,
        'overloaded',
        'The collector is too busy to answer in time; retry after the delay in Retry-After.',
        RETRY_AFTER_MS,
      );
    }
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
    }
  });
}
