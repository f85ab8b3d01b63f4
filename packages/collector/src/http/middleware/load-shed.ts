import { createMiddleware } from 'hono/factory';
import type { Store } from '../../storage/store.js';
import { retryLater } from '../http-error.js';

/**
 * When the store falls behind, refuse new work at once (503 + Retry-After) rather than queue it:
 * waiting requests hold memory and sockets, and clients retry later anyway.
 */
export function loadShed(store: Pick<Store, 'pendingEvents'>, maxPendingEvents: number) {
  return createMiddleware(async (_c, next) => {
    if (store.pendingEvents() > maxPendingEvents) {
      throw retryLater(503, 'overloaded', 'The collector is busy writing earlier events; retry after the delay in Retry-After.', 2_000);
    }
    await next();
  });
}
