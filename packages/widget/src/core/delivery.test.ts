import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeEnv, MemoryStorage } from '../../test/fake-env.js';
import { createDelivery } from './delivery.js';
import { createOutbox, type OutboxItem } from './outbox.js';
import { createStore } from './storage.js';

const item = (id: string): OutboxItem => ({
  e: { messageId: id, type: 'track', name: 'clicked', anonymousId: 'a1', timestamp: '2025-01-01T00:00:00.000Z' },
});
const NOT_BEFORE = 'hearth:pk_test_1234:nb';

/** One page's delivery; pages built on the same `local` share it like a browser origin does. */
function setup(batchSize = 3, flushInterval = 1000, local = new MemoryStorage(), outboxKey = 'ob') {
  const fake = createFakeEnv({ local });
  const store = createStore(local, () => {});
  const outbox = createOutbox(store, outboxKey, 100, () => {});
  const sent = vi.fn();
  const dropped = vi.fn();
  const delivery = createDelivery({
    env: fake.env,
    outbox,
    url: 'https://c.test/v1/batch?key=pk_test_1234',
    batchSize,
    flushInterval,
    shared: store,
    notBeforeKey: NOT_BEFORE,
    onSent: sent,
    onDrop: dropped,
    log: () => {},
  });
  const add = (...ids: string[]) => ids.forEach((id) => (outbox.add(item(id)), delivery.notify()));
  delivery.start();
  return { fake, outbox, delivery, add, sent, dropped, local };
}
const tooManyRequests = () => new Response('', { status: 429, headers: { 'Retry-After': '5' } });
const accepted = () => Response.json({ accepted: 1, duplicates: 0, conflicts: 0 });
/** How often each messageId went out, by fetch or beacon. */
function sendsPerEvent(...fakes: Array<ReturnType<typeof createFakeEnv>>) {
  const counts = new Map<string, number>();
  const count = (body: string) => {
    for (const e of (JSON.parse(body) as { events: Array<{ messageId: string }> }).events)
      counts.set(e.messageId, (counts.get(e.messageId) ?? 0) + 1);
  };
  for (const fake of fakes) {
    fake.fetchCalls.forEach((call) => count(String(call.init.body)));
    fake.beacons.forEach((beacon) => count(beacon.body));
  }
  return counts;
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('batching', () => {
  it('waits for the time threshold when below the size threshold', async () => {
    const { fake, add, outbox } = setup();
    add('m1', 'm2');
    await vi.advanceTimersByTimeAsync(999);
    expect(fake.fetchCalls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.sentEvents().map((e) => e.messageId)).toEqual(['m1', 'm2']);
    expect(outbox.items()).toHaveLength(0);
  });

  it('sends at once when the size threshold is reached', async () => {
    const { fake, add, sent } = setup();
    add('m1', 'm2', 'm3');
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.fetchCalls).toHaveLength(1);
    // The acknowledged events go along, so the session can tell whether the user's state may have changed.
    expect(sent).toHaveBeenCalledWith({ accepted: 1, duplicates: 0, conflicts: 0 }, [item('m1'), item('m2'), item('m3')]);
  });

  it('keeps one request in flight and sends what arrived meanwhile afterwards', async () => {
    const { fake, add } = setup(2);
    let release: () => void = () => {};
    fake.respond(() => new Promise((resolve) => (release = () => resolve(Response.json({ accepted: 2, duplicates: 0, conflicts: 0 })))));
    add('m1', 'm2', 'm3', 'm4');
    await vi.advanceTimersByTimeAsync(5000);
    expect(fake.fetchCalls).toHaveLength(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.fetchCalls.map((call) => call.body.events.map((e) => e.messageId))).toEqual([
      ['m1', 'm2'],
      ['m3', 'm4'],
    ]);
  });
});

describe('retries', () => {
  it('backs off exponentially on 5xx and network errors, keeping the events', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const { fake, add, outbox } = setup(1);
    let failures = 3;
    fake.respond(() => {
      if (failures-- > 0) return failures % 2 ? new Response('', { status: 503 }) : Promise.reject(new TypeError('offline'));
      return Response.json({ accepted: 1, duplicates: 0, conflicts: 0 });
    });
    add('m1');
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.fetchCalls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(fake.fetchCalls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.fetchCalls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(fake.fetchCalls).toHaveLength(3);
    expect(outbox.items()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(4000);
    expect(fake.fetchCalls).toHaveLength(4);
    expect(outbox.items()).toHaveLength(0);
    // The same messageId on every attempt, with a fresh sentAt for clock-skew correction.
    expect(new Set(fake.sentEvents().map((e) => e.messageId))).toEqual(new Set(['m1']));
  });

  it('honours Retry-After on 429', async () => {
    const { fake, add } = setup(1);
    fake.respond(() => new Response('', { status: 429, headers: { 'Retry-After': '30' } }));
    add('m1');
    await vi.advanceTimersByTimeAsync(29_999);
    expect(fake.fetchCalls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.fetchCalls).toHaveLength(2);
  });

  it('treats Retry-After as a not-before time that a page filling batches cannot cut short', async () => {
    const { fake, add } = setup(3);
    fake.respond(tooManyRequests);
    add('m1', 'm2', 'm3');
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.fetchCalls).toHaveLength(1);
    fake.respond(accepted);
    for (let n = 4; n < 40; n++) {
      add(`m${n}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(fake.fetchCalls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(fake.fetchCalls.length).toBeGreaterThan(1);
  });

  it('holds every tab of the origin to the not-before time one of them was given', async () => {
    const local = new MemoryStorage();
    const first = setup(1, 1000, local, 'ob:1');
    const second = setup(1, 1000, local, 'ob:2');
    first.fake.respond(tooManyRequests);
    first.add('a1');
    await vi.advanceTimersByTimeAsync(0);
    first.fake.respond(accepted);
    second.add('b1');
    second.add('b2');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(second.fake.fetchCalls).toHaveLength(0);
    // Nor does it escape by leaving the page: no beacon before that time either.
    second.fake.fire('pagehide');
    expect(second.fake.beacons).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(second.fake.fetchCalls).toHaveLength(1);
  });

  it('a server-named wait counts as failing, so this tab adopts nothing meanwhile', async () => {
    const { fake, add, delivery } = setup(1);
    expect(delivery.failing()).toBe(false);
    fake.respond(tooManyRequests);
    add('m1');
    await vi.advanceTimersByTimeAsync(0);
    expect(delivery.failing()).toBe(true);
    fake.respond(accepted);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(delivery.failing()).toBe(false);
  });

  it('ignores a stored not-before time further away than Retry-After may ask (a clock moved back)', async () => {
    const local = new MemoryStorage();
    local.setItem(NOT_BEFORE, String(Date.now() + 3_600_000));
    const { fake, add } = setup(1, 1000, local);
    add('m1');
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.fetchCalls).toHaveLength(1);
  });

  it('drops and counts a batch the collector refuses with 4xx', async () => {
    const { fake, add, outbox, dropped } = setup(2);
    fake.respond(() => new Response('{"error":{}}', { status: 422 }));
    add('m1', 'm2');
    await vi.advanceTimersByTimeAsync(0);
    expect(dropped).toHaveBeenCalledWith({ reason: 'http-422', count: 2 });
    expect(outbox.items()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.fetchCalls).toHaveLength(1);
  });

  it('retries at once when the browser comes back online after a network error', async () => {
    const { fake, add } = setup(1);
    fake.respond(() => Promise.reject(new TypeError('offline')));
    add('m1');
    await vi.advanceTimersByTimeAsync(0);
    fake.respond(() => Response.json({ accepted: 1, duplicates: 0, conflicts: 0 }));
    fake.fire('online');
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.fetchCalls).toHaveLength(2);
  });
});

describe('page hidden', () => {
  it('beacons queued events in chunks, once each, and keeps them until a fetch confirms', async () => {
    const { fake, add, outbox } = setup(100, 60_000);
    add('m1', 'm2');
    fake.state.hidden = true;
    fake.fire('visibilitychange');
    fake.fire('pagehide');
    expect(fake.beacons).toHaveLength(1);
    expect(JSON.parse(fake.beacons[0]?.body ?? '{}').events).toHaveLength(2);
    expect(outbox.items()).toHaveLength(2);
  });

  it('beacons an event once across fast page loads, until a normal send has had its chance', async () => {
    const local = new MemoryStorage();
    const pages = [];
    for (let n = 0; n < 6; n++) {
      // Each page lives half a second: less than the flush interval, so only beacons go out.
      const page = setup(20, 3000, local);
      page.add(`p${n}`);
      await vi.advanceTimersByTimeAsync(500);
      page.fake.state.hidden = true;
      page.fake.fire('visibilitychange');
      page.fake.fire('pagehide');
      page.delivery.stop();
      pages.push(page.fake);
    }
    expect(Math.max(...sendsPerEvent(...pages).values())).toBe(1);
    const settled = setup(20, 3000, local);
    await vi.advanceTimersByTimeAsync(3000);
    const counts = sendsPerEvent(...pages, settled.fake);
    expect(counts.size).toBe(6);
    expect(Math.max(...counts.values())).toBe(2);
    expect(settled.outbox.items()).toHaveLength(0);
  });

  it('beacons again, once the backoff is over, what a failed send could not deliver', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const local = new MemoryStorage();
    const first = setup(2, 1000, local);
    first.fake.respond(() => new Response('', { status: 503 }));
    first.add('m1');
    first.fake.state.hidden = true;
    first.fake.fire('visibilitychange');
    expect(first.fake.beacons).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(first.fake.fetchCalls).toHaveLength(1);
    // Within the backoff (500 ms here) nothing goes out, not even a beacon.
    first.fake.fire('pagehide');
    expect(first.fake.beacons).toHaveLength(1);
    first.delivery.stop();
    await vi.advanceTimersByTimeAsync(500);
    const next = setup(2, 3000, local);
    next.fake.fire('pagehide');
    expect(next.fake.beacons).toHaveLength(1);
    expect(JSON.parse(next.fake.beacons[0]?.body ?? '{}').events[0].messageId).toBe('m1');
  });

  it('leaves to a keepalive fetch in flight the events it carries', async () => {
    const { fake, add } = setup(2, 60_000);
    fake.respond(() => new Promise(() => {}));
    add('m1', 'm2', 'm3');
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.fetchCalls).toHaveLength(1);
    fake.fire('pagehide');
    expect(fake.beacons.map((beacon) => JSON.parse(beacon.body).events.map((e: { messageId: string }) => e.messageId))).toEqual([['m3']]);
  });

  it('does not beacon while visible', () => {
    const { fake, add } = setup(100, 60_000);
    add('m1');
    fake.fire('visibilitychange');
    expect(fake.beacons).toHaveLength(0);
  });
});
