import type { UserState } from '@hearth/schema';
import type { Env } from './env.js';

/** After a tracked event is acknowledged: long enough to coalesce a burst, short enough to feel instant. */
export const ACK_DEBOUNCE_MS = 300;
/** A tab coming back after this long since the last fetch refreshes (progress may come from another device). */
export const STALE_AFTER_MS = 60_000;

export interface StateClient {
  /** Fetches on the next tick; calls in the same tick (init, then identify) share one request. */
  refresh(): void;
  /** Fetches `ACK_DEBOUNCE_MS` after the last call. */
  soon(): void;
  /** Forgets the last state (reset, consent change) so the next answer is delivered even if equal. */
  forget(): void;
  stop(): void;
}

/**
 * Keeps the per-user state (`GET /v1/state`) fresh. `cache: 'no-cache'` makes the browser revalidate
 * with the ETag itself (a 304 reaches us as the cached 200) without custom headers, so no CORS
 * preflight. An unchanged body is not delivered again, and an answer overtaken by a newer
 * request is ignored.
 */
export function createStateClient(
  env: Env,
  url: () => string,
  allowed: () => boolean,
  deliver: (state: UserState) => void,
  log: (...args: unknown[]) => void,
): StateClient {
  let timer: unknown;
  let last = -STALE_AFTER_MS;
  let seq = 0;
  let body = '';

  const fetchState = async () => {
    timer = undefined;
    if (!allowed()) return;
    const mine = ++seq;
    last = env.now();
    try {
      const response = await env.fetch(url(), { cache: 'no-cache', credentials: 'omit' });
      if (!response.ok) return log('state refresh failed: HTTP', response.status);
      const text = await response.text();
      if (mine !== seq || text === body) return;
      body = text;
      // A malformed body throws here or in `deliver`, and is only logged.
      deliver(JSON.parse(text) as UserState);
    } catch (error) {
      log('state refresh failed', error);
    }
  };

  const schedule = (ms: number) => {
    env.clearTimeout(timer);
    timer = env.setTimeout(fetchState, ms);
  };
  const onReturn = () => !env.hidden() && env.now() - last >= STALE_AFTER_MS && ((last = env.now()), schedule(0));
  const unlisten = [env.listen('visibilitychange', onReturn), env.listen('focus', onReturn)];

  return {
    refresh: () => schedule(0),
    soon: () => schedule(ACK_DEBOUNCE_MS),
    forget() {
      seq++;
      body = '';
    },
    stop() {
      env.clearTimeout(timer);
      unlisten.forEach((off) => off());
    },
  };
}
