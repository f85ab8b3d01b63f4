import type { BatchResult } from '@hearth/schema';
import type { Env } from './env.js';
import type { Outbox, OutboxItem } from './outbox.js';
import type { Store } from './storage.js';
import { backoff, RETRY_AFTER_CAP_MS, send, takeBatch } from './transport.js';
import type { DropInfo } from './types.js';

export interface DeliveryOptions {
  env: Env;
  outbox: Outbox;
  url: string;
  batchSize: number;
  flushInterval: number;
  /** Storage every tab of the origin shares, and the key there of the time before which no tab sends. */
  shared: Store;
  notBeforeKey: string;
  /** The collector stored the batch; `items` are its events. */
  onSent(result: BatchResult, items: readonly OutboxItem[]): void;
  onDrop(info: DropInfo): void;
  log(...args: unknown[]): void;
}

export interface Delivery {
  /** Call after every enqueue: sends at once past `batchSize`, else within `flushInterval`. */
  notify(): void;
  /** The last send failed, or some tab must still wait before sending. */
  failing(): boolean;
  start(): void;
  /** Resets the backoff exponent; `forget` (consent denied) also removes the shared not-before time. */
  stop(forget?: boolean): void;
}

/**
 * Batching, one request in flight per tab, retries with backoff, and the unload beacon.
 * A failed send stores a not-before time (the collector's `Retry-After`, else the backoff) shared by
 * all tabs: none sends a batch or a beacon before it, whatever asks (a full batch, a timer, an
 * adoption, a page hide).
 */
export function createDelivery(o: DeliveryOptions): Delivery {
  const { env, outbox, shared, notBeforeKey } = o;
  let running = false;
  let inflight: ReadonlySet<string> | undefined;
  let attempt = 0;
  let lastStatus = -1;
  let timer: unknown;
  let unlisten: Array<() => void> = [];

  /** Milliseconds every tab must still wait; a time beyond the cap (the clock moved back) is ignored. */
  const wait = () => {
    const ms = Number(shared.get(notBeforeKey)) - env.now();
    return ms > 0 && ms <= RETRY_AFTER_CAP_MS ? ms : 0;
  };

  const schedule = (ms: number, replace = false) => {
    if (timer !== undefined && !replace) return;
    env.clearTimeout(timer);
    timer = env.setTimeout(() => {
      timer = undefined;
      void flush();
    }, ms);
  };

  const flush = async (): Promise<void> => {
    if (!running || inflight) return;
    const ms = wait();
    if (ms) return schedule(ms, true);
    const batch = takeBatch(outbox.items(), env.now());
    if (!batch) return;
    inflight = batch.ids;
    env.clearTimeout(timer);
    timer = undefined;
    const outcome = await send(env, o.url, batch.body);
    inflight = undefined;
    lastStatus = outcome.kind === 'ok' ? 200 : outcome.status;
    if (!running) return;
    if (outcome.kind === 'retry') {
      const delay = outcome.after ?? backoff(++attempt);
      shared.set(notBeforeKey, String(env.now() + delay));
      // This send had its chance: a later page hide may beacon these events again.
      outbox.mark(batch.ids);
      o.log('send failed, retry in ms', delay, outcome);
      return schedule(delay, true);
    }
    attempt = 0;
    outbox.remove(batch.ids);
    if (outcome.kind === 'ok') o.onSent(outcome.result, batch.items);
    else o.onDrop({ reason: `http-${outcome.status}`, count: batch.ids.size });
    next();
  };

  const next = () => {
    const size = outbox.items().length;
    if (size >= o.batchSize) void flush();
    else if (size) schedule(o.flushInterval);
  };

  // A beacon's answer cannot be read, so beaconed events stay queued until a fetch confirms them
  // (the collector de-duplicates). Events already beaconed, or riding a keepalive fetch that
  // outlives the page, are left to that fetch: fast navigation would otherwise resend everything.
  const unload = (always: boolean) => {
    if (!running || !(always || env.hidden()) || wait()) return;
    let rest = outbox.items().filter((item) => !item.b && !inflight?.has(item.e.messageId));
    for (let batch; (batch = takeBatch(rest, env.now())); rest = rest.slice(batch.items.length)) {
      if (!env.beacon(o.url, batch.body)) break;
      outbox.mark(batch.ids, 1);
    }
  };

  return {
    notify: () => running && next(),
    failing: () => attempt > 0 || wait() > 0,
    start() {
      if (running) return;
      running = true;
      unlisten = [
        env.listen('visibilitychange', () => unload(false)),
        env.listen('pagehide', () => unload(true)),
        // Back online after a network failure: no reason to sit out our own backoff.
        env.listen('online', () => lastStatus === 0 && (shared.remove(notBeforeKey), (attempt = 0), void flush())),
      ];
      next();
    },
    stop(forget) {
      running = false;
      env.clearTimeout(timer);
      timer = undefined;
      unlisten.forEach((off) => off());
      attempt = 0;
      if (forget) shared.remove(notBeforeKey);
    },
  };
}
