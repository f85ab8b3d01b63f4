import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeEnv } from '../../test/fake-env.js';
import { createDelivery } from './delivery.js';
import { createOutbox, type OutboxItem } from './outbox.js';
import { createStore } from './storage.js';

const item = (id: string): OutboxItem => ({
  e: { messageId: id, type: 'track', name: 'clicked', anonymousId: 'a1', timestamp: '2025-01-01T00:00:00.000Z' },
});

function setup(batchSize = 3, flushInterval = 1000) {
  const fake = createFakeEnv();
  const outbox = createOutbox(createStore(fake.local, () => {}), 'ob', 100, () => {});
  const sent = vi.fn();
  const dropped = vi.fn();
  const delivery = createDelivery({
    env: fake.env,
    outbox,
    url: 'https://c.test/v1/batch?key=pk_test_1234',
    batchSize,
    flushInterval,
    onSent: sent,
    onDrop: dropped,
    log: () => {},
  });
  const add = (...ids: string[]) => ids.forEach((id) => (outbox.add(item(id)), delivery.notify()));
  delivery.start();
  return { fake, outbox, delivery, add, sent, dropped };
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
    expect(fake.fetchCalls.map((call) => call.body.events.map((e) => e.messageId))).toEqual([['m1', 'm2'], ['m3', 'm4']]);
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

  it('does not beacon while visible', () => {
    const { fake, add } = setup(100, 60_000);
    add('m1');
    fake.fire('visibilitychange');
    expect(fake.beacons).toHaveLength(0);
  });
});
