import type { BatchResult } from '@hearth/schema';
import type { Env } from './env.js';
import type { Outbox, OutboxItem } from './outbox.js';
import { backoff, send, takeBatch } from './transport.js';
import type { DropInfo } from './types.js';

export interface DeliveryOptions {
  env: Env;
  outbox: Outbox;
  url: string;
  batchSize: number;
  flushInterval: number;
  /** The collector stored the batch; `items` are its events. */
  onSent(result: BatchResult, items: readonly OutboxItem[]): void;
  onDrop(info: DropInfo): void;
  log(...args: unknown[]): void;
}

export interface Delivery {
  /** Call after every enqueue: sends at once past `batchSize`, else within `flushInterval`. */
  notify(): void;
  start(): void;
  stop(): void;
}

/** Batching, one request in flight per tab, retries with backoff, and the unload beacon. */
export function createDelivery(o: DeliveryOptions): Delivery {
  const { env, outbox } = o;
  let running = false;
  let busy = false;
  let attempt = 0;
  let lastStatus = -1;
  let timer: unknown;
  let unlisten: Array<() => void> = [];
  // Beaconed events stay queued until a fetch confirms them (the collector de-duplicates), but
  // each is beaconed once per page so repeated hide/show cycles do not resend everything.
  const beaconed = new Set<string>();

  const schedule = (ms: number, replace = false) => {
    if (timer !== undefined && !replace) return;
    env.clearTimeout(timer);
    timer = env.setTimeout(() => {
      timer = undefined;
      void flush();
    }, ms);
  };

  const flush = async (): Promise<void> => {
    const batch = running && !busy ? takeBatch(outbox.items(), env.now()) : null;
    if (!batch) return;
    busy = true;
    env.clearTimeout(timer);
    timer = undefined;
    const outcome = await send(env, o.url, batch.body);
    busy = false;
    lastStatus = outcome.kind === 'ok' ? 200 : outcome.status;
    if (!running) return;
    if (outcome.kind === 'retry') {
      const delay = outcome.after ?? backoff(++attempt);
      o.log(`send failed (${outcome.status || 'network'}), retrying in ${Math.round(delay)} ms`);
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

  const unload = (always: boolean) => {
    if (!running || !(always || env.hidden())) return;
    let rest = outbox.items().filter((item) => !beaconed.has(item.e.messageId));
    for (let batch; (batch = takeBatch(rest, env.now())); rest = rest.slice(batch.items.length)) {
      if (!env.beacon(o.url, batch.body)) break;
      batch.ids.forEach((id) => beaconed.add(id));
    }
  };

  return {
    notify: () => running && !attempt && next(),
    start() {
      if (running) return;
      running = true;
      unlisten = [
        env.listen('visibilitychange', () => unload(false)),
        env.listen('pagehide', () => unload(true)),
        // Back online after a network failure: no reason to sit out the backoff.
        env.listen('online', () => lastStatus === 0 && ((attempt = 0), void flush())),
      ];
      next();
    },
    stop() {
      running = false;
      env.clearTimeout(timer);
      timer = undefined;
      unlisten.forEach((off) => off());
    },
  };
}
