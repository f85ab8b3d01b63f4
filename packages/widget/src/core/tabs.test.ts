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
function openTab(local: MemoryStorage, session = new MemoryStorage(), overrides: Partial<Env> = {}) {
  const fake = createFakeEnv({ local, session, ...overrides });
  const localStore = createStore(local, () => {});
  const tabs = createTabs(fake.env, localStore, createStore(session, () => {}), PREFIX, () => `tab${++ids}`);
  const outbox = createOutbox(localStore, `${PREFIX}ob:${tabs.id}`, 100, () => {});
  tabs.start(outbox);
  return { fake, tabs, outbox, session };
}
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
});
