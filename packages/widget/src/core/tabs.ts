import type { Delivery } from './delivery.js';
import type { Env } from './env.js';
import type { Outbox } from './outbox.js';
import { readJson, type Store } from './storage.js';

/** A tab's heartbeat: last sign of life, and whether the page was hidden for good (`pagehide`). */
interface Beat {
  t: number;
  c?: 1;
}
const isBeat = (value: unknown): value is Beat => typeof (value as Beat | null)?.t === 'number';

// Background tabs may run timers only once a minute, so "stale" must be well past that.
export const BEAT_MS = 15_000;
export const STALE_MS = 180_000;
/** A closed tab's outbox waits this long, so a reload takes its own outbox back first. */
export const CLOSED_GRACE_MS = 10_000;

/** What adoption tells: whether this tab can deliver now, and that it has new events. */
type Sink = Pick<Delivery, 'notify' | 'failing'>;

export interface Tabs {
  readonly id: string;
  start(outbox: Outbox, delivery: Sink): void;
  /** `forget` (consent denied) also removes this tab's heartbeat and id from storage. */
  stop(forget?: boolean): void;
}

/**
 * Cross-tab safety without duplicate storms: every tab owns one outbox key and flushes only that.
 * The tab id lives in sessionStorage, so a reload keeps its outbox. The outbox of a tab that died
 * (stale heartbeat) is adopted — moved, not copied — by one live tab holding a Web Lock, as far as
 * its bounded outbox has room; the rest stays under the dead tab's key for a later round. Adoption
 * waits while this tab's own sends fail: it could not deliver them either, and its own new events
 * would push adopted ones over the bound. Dead tabs' heartbeats are removed.
 */
export function createTabs(env: Env, local: Store, session: Store, prefix: string, newId: () => string): Tabs {
  const beatKey = (tab: string) => `${prefix}hb:${tab}`;
  const outboxPrefix = `${prefix}ob:`;
  const readBeat = (tab: string) => readJson(local, beatKey(tab), isBeat);
  const isDead = (beat: Beat | null) => !beat || env.now() - beat.t > (beat.c ? CLOSED_GRACE_MS : STALE_MS);

  let id = session.get(`${prefix}tab`);
  const previous = id ? readBeat(id) : null;
  // A live, open beat under our id means a duplicated tab copied our sessionStorage (a reload
  // closed its beat on `pagehide`): take a new id rather than share an outbox.
  if (!id || (previous && !previous.c && !isDead(previous))) id = newId();
  const tabId = id;

  const beat = (closed?: boolean) => local.set(beatKey(tabId), JSON.stringify(closed ? { t: env.now(), c: 1 } : { t: env.now() }));

  const adoptOrphans = (outbox: Outbox, delivery: Sink) => {
    for (const key of local.keys()) {
      const isOutbox = key.startsWith(outboxPrefix);
      // `hb:` and `ob:` are the same length, so one slice yields the tab id of either key.
      const tab = isOutbox || key.startsWith(beatKey('')) ? key.slice(outboxPrefix.length) : '';
      if (!tab || tab === tabId || !isDead(readBeat(tab))) continue;
      if (!isOutbox) local.remove(key);
      else if (!delivery.failing()) outbox.adopt(key);
    }
    // Adopted events go out now, not with this tab's next own event.
    delivery.notify();
  };

  const sweep = (outbox: Outbox, delivery: Sink) => {
    // `ifAvailable`: when another tab is adopting right now, skip this round instead of queueing.
    if (env.locks) {
      env.locks
        .request(`${prefix}adopt`, { ifAvailable: true }, (lock) => lock && adoptOrphans(outbox, delivery))
        .catch(() => adoptOrphans(outbox, delivery));
    } else adoptOrphans(outbox, delivery);
  };

  let timer: unknown;
  let unlisten: Array<() => void> = [];
  return {
    id: tabId,
    start(outbox, delivery) {
      session.set(`${prefix}tab`, tabId);
      const tick = () => {
        beat();
        sweep(outbox, delivery);
        timer = env.setTimeout(tick, BEAT_MS);
      };
      tick();
      unlisten = [env.listen('pagehide', () => beat(true)), env.listen('pageshow', () => beat())];
    },
    stop(forget) {
      env.clearTimeout(timer);
      unlisten.forEach((off) => off());
      if (forget) {
        local.remove(beatKey(tabId));
        session.remove(`${prefix}tab`);
      }
    },
  };
}
