import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeEnv, MemoryStorage } from '../../test/fake-env.js';
import type { Env } from './env.js';
import { createOutbox, type OutboxItem } from './outbox.js';
import { createStore } from './storage.js';
import { CLOSED_GRACE_MS, createTabs, STALE_MS } from './tabs.js';

const PREFIX = 'hearth:pk_test_1234:';
const item = (id: string): OutboxItem => ({
  e: { messageId: id, type: 'page', anonymousId: 'a1', timestamp: '2025-01-01T00:00:00.000Z' },
});

let ids = 0;
/** One browser tab: its own sessionStorage and events, the origin's shared localStorage. */
function openTab(local: MemoryStorage, session = new MemoryStorage(), overrides: Partial<Env> = {}, max = 100) {
  const fake = createFakeEnv({ local, session, ...overrides });
  const localStore = createStore(local, () => {});
  const tabs = createTabs(
    fake.env,
    localStore,
    createStore(session, () => {}),
    PREFIX,
    () => `tab${++ids}`,
  );
  const dropped = vi.fn();
  const outbox = createOutbox(localStore, `${PREFIX}ob:${tabs.id}`, max, dropped);
  const delivery = { notify: vi.fn(), failing: vi.fn(() => false) };
  tabs.start(outbox, delivery);
  return { fake, tabs, outbox, session, delivery, dropped };
}
/** The events of every outbox in `local`, whichever tab holds them. */
const allQueued = (local: MemoryStorage) =>
  [...local.data].filter(([key]) => key.startsWith(`${PREFIX}ob:`)).flatMap(([, value]) => JSON.parse(value) as OutboxItem[]);
const heartbeats = (local: MemoryStorage) => [...local.data.keys()].filter((key) => key.startsWith(`${PREFIX}hb:`));
const messageIds = (outbox: { items(): readonly OutboxItem[] }) => outbox.items().map((i) => i.e.messageId);

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('tabs', () => {
  it('a live tab adopts (moves) the outbox of a crashed tab once its heartbeat is stale', async () => {
    const local = new MemoryStorage();
    const dead = openTab(local);
    dead.outbox.add(item('d1'));
    dead.tabs.stop(); // crash: no pagehide, no more heartbeats
    const live = openTab(local);
    expect(messageIds(live.outbox)).toEqual([]);
    await vi.advanceTimersByTimeAsync(STALE_MS + 15_000);
    expect(messageIds(live.outbox)).toEqual(['d1']);
    expect(local.getItem(`${PREFIX}ob:${dead.tabs.id}`)).toBeNull();
    live.tabs.stop();
  });

  it('leaves the outbox of a tab that is still beating alone', async () => {
    const local = new MemoryStorage();
    const other = openTab(local);
    other.outbox.add(item('o1'));
    const live = openTab(local);
    await vi.advanceTimersByTimeAsync(STALE_MS * 2);
    expect(messageIds(live.outbox)).toEqual([]);
    expect(messageIds(other.outbox)).toEqual(['o1']);
    other.tabs.stop();
    live.tabs.stop();
  });

  it('a reload keeps its tab id and outbox; a closed tab is adopted after a short grace', async () => {
    const local = new MemoryStorage();
    const first = openTab(local);
    first.outbox.add(item('r1'));
    first.fake.fire('pagehide');
    first.tabs.stop();
    const reloaded = openTab(local, first.session);
    expect(reloaded.tabs.id).toBe(first.tabs.id);
    expect(messageIds(reloaded.outbox)).toEqual(['r1']);
    reloaded.fake.fire('pagehide');
    reloaded.tabs.stop();
    const other = openTab(local);
    await vi.advanceTimersByTimeAsync(CLOSED_GRACE_MS + 15_000);
    expect(messageIds(other.outbox)).toEqual(['r1']);
    other.tabs.stop();
  });

  it('a duplicated tab (copied sessionStorage, original alive) takes a new id', () => {
    const local = new MemoryStorage();
    const original = openTab(local);
    const copy = new MemoryStorage();
    for (const [key, value] of original.session.data) copy.setItem(key, value);
    const duplicate = openTab(local, copy);
    expect(duplicate.tabs.id).not.toBe(original.tabs.id);
    original.tabs.stop();
    duplicate.tabs.stop();
  });

  it('adopts only under the Web Lock, and skips when another tab holds it', async () => {
    const local = new MemoryStorage();
    const dead = openTab(local);
    dead.outbox.add(item('d1'));
    dead.tabs.stop();
    vi.advanceTimersByTime(STALE_MS + 1);
    let held = true;
    const request = vi.fn((_name: string, _options: LockOptions, cb: (lock: Lock | null) => unknown) =>
      Promise.resolve(cb(held ? null : ({ name: 'adopt', mode: 'exclusive' } as Lock))),
    );
    const live = openTab(local, new MemoryStorage(), { locks: { request } as unknown as Env['locks'] });
    await vi.advanceTimersByTimeAsync(0);
    expect(request).toHaveBeenCalledWith(`${PREFIX}adopt`, { ifAvailable: true }, expect.any(Function));
    expect(messageIds(live.outbox)).toEqual([]);
    held = false;
    await vi.advanceTimersByTimeAsync(15_000);
    expect(messageIds(live.outbox)).toEqual(['d1']);
    live.tabs.stop();
  });

  it('closing full tabs while offline loses nothing: what does not fit waits for a later round', async () => {
    const local = new MemoryStorage();
    const idle = openTab(local, undefined, {}, 500);
    idle.outbox.add(item('idle-page'));
    for (const n of [1, 2]) {
      const closing = openTab(local, undefined, {}, 500);
      for (let i = 0; i < 300; i++) closing.outbox.add(item(`t${n}-${i}`));
      closing.fake.fire('pagehide');
      closing.tabs.stop();
    }
    await vi.advanceTimersByTimeAsync(CLOSED_GRACE_MS + 15_000);
    expect(idle.outbox.items()).toHaveLength(500);
    expect(idle.dropped).not.toHaveBeenCalled();
    // 601 recorded, 601 still queued somewhere: 500 here, 101 under the closed tab's key.
    expect(new Set(allQueued(local).map((i) => i.e.messageId)).size).toBe(601);
    expect(idle.delivery.notify).toHaveBeenCalled();
    // Delivered, the live tab has room again and the next round takes the rest.
    idle.outbox.remove(new Set(idle.outbox.items().map((i) => i.e.messageId)));
    await vi.advanceTimersByTimeAsync(15_000);
    expect(idle.outbox.items()).toHaveLength(101);
    expect(allQueued(local)).toHaveLength(101);
    idle.tabs.stop();
  });

  it('tells delivery when it adopted, so an idle tab sends them without a new event', async () => {
    const local = new MemoryStorage();
    const live = openTab(local);
    const dead = openTab(local);
    dead.outbox.add(item('d1'));
    dead.fake.fire('pagehide');
    dead.tabs.stop();
    live.delivery.notify.mockClear();
    await vi.advanceTimersByTimeAsync(CLOSED_GRACE_MS + 15_000);
    expect(messageIds(live.outbox)).toEqual(['d1']);
    expect(live.delivery.notify).toHaveBeenCalled();
    live.tabs.stop();
  });

  it('does not adopt while its own sends fail, and does once they get through', async () => {
    const local = new MemoryStorage();
    const live = openTab(local);
    live.delivery.failing.mockReturnValue(true);
    const dead = openTab(local);
    dead.outbox.add(item('d1'));
    dead.fake.fire('pagehide');
    dead.tabs.stop();
    await vi.advanceTimersByTimeAsync(CLOSED_GRACE_MS + 30_000);
    expect(messageIds(live.outbox)).toEqual([]);
    expect(allQueued(local).map((i) => i.e.messageId)).toEqual(['d1']);
    live.delivery.failing.mockReturnValue(false);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(messageIds(live.outbox)).toEqual(['d1']);
    live.tabs.stop();
  });

  it('removes the heartbeats of tabs that closed or died with an empty outbox', async () => {
    const local = new MemoryStorage();
    const live = openTab(local);
    for (let n = 0; n < 5; n++) {
      const closed = openTab(local);
      closed.fake.fire('pagehide');
      closed.tabs.stop();
    }
    const crashed = openTab(local);
    crashed.tabs.stop();
    expect(heartbeats(local)).toHaveLength(7);
    await vi.advanceTimersByTimeAsync(CLOSED_GRACE_MS + 15_000);
    expect(heartbeats(local)).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(STALE_MS);
    expect(heartbeats(local)).toEqual([`${PREFIX}hb:${live.tabs.id}`]);
    live.tabs.stop();
  });
});
