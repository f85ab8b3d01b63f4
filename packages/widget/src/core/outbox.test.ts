import { describe, expect, it, vi } from 'vitest';
import { MemoryStorage, quotaError } from '../../test/fake-env.js';
import { createOutbox, type OutboxItem } from './outbox.js';
import { createStore } from './storage.js';

const item = (id: string, second = 0): OutboxItem => ({
  e: { messageId: id, type: 'page', anonymousId: 'a1', timestamp: new Date(Date.UTC(2025, 0, 1, 0, 0, second)).toISOString() },
});
const ids = (items: readonly OutboxItem[]) => items.map((i) => i.e.messageId);

describe('outbox', () => {
  it('writes every change to storage, so a reload (or crash) finds it', () => {
    const kv = new MemoryStorage();
    const outbox = createOutbox(
      createStore(kv, () => {}),
      'ob',
      10,
      () => {},
    );
    outbox.add(item('m1'));
    outbox.add(item('m2'));
    expect(ids(JSON.parse(kv.getItem('ob') ?? '[]'))).toEqual(['m1', 'm2']);
    outbox.remove(new Set(['m1']));
    const reloaded = createOutbox(
      createStore(kv, () => {}),
      'ob',
      10,
      () => {},
    );
    expect(ids(reloaded.items())).toEqual(['m2']);
    reloaded.clear();
    expect(kv.getItem('ob')).toBeNull();
  });

  it('drops the oldest events past its bound and counts them', () => {
    const onDrop = vi.fn();
    const outbox = createOutbox(
      createStore(new MemoryStorage(), () => {}),
      'ob',
      3,
      onDrop,
    );
    for (const id of ['m1', 'm2', 'm3', 'm4', 'm5']) outbox.add(item(id));
    expect(ids(outbox.items())).toEqual(['m3', 'm4', 'm5']);
    expect(onDrop.mock.calls).toEqual([[1], [1]]);
  });

  it('adopts only what fits, oldest first, and leaves the rest under the other key without dropping any', () => {
    const kv = new MemoryStorage();
    const store = createStore(kv, () => {});
    const onDrop = vi.fn();
    const outbox = createOutbox(store, 'ob:mine', 4, onDrop);
    outbox.add(item('m1', 10));
    outbox.add(item('m2', 11));
    kv.setItem('ob:dead', JSON.stringify([item('d3', 3), item('d1', 1), item('m2', 11), item('d2', 2)]));
    outbox.adopt('ob:dead');
    // Merged by event time; m2, already ours, is not taken twice.
    expect(ids(outbox.items())).toEqual(['d1', 'd2', 'm1', 'm2']);
    expect(ids(JSON.parse(kv.getItem('ob:dead') ?? '[]'))).toEqual(['d3']);
    expect(onDrop).not.toHaveBeenCalled();
    outbox.remove(new Set(['d1', 'd2', 'm1']));
    outbox.adopt('ob:dead');
    expect(ids(outbox.items())).toEqual(['d3', 'm2']);
    expect(kv.getItem('ob:dead')).toBeNull();
  });

  it('past its bound drops the events with the oldest event time, wherever they sit', () => {
    const kv = new MemoryStorage();
    const onDrop = vi.fn();
    const outbox = createOutbox(
      createStore(kv, () => {}),
      'ob:mine',
      3,
      onDrop,
    );
    outbox.add(item('m1', 1));
    kv.setItem('ob:dead', JSON.stringify([item('d5', 5), item('d6', 6)]));
    outbox.adopt('ob:dead');
    outbox.add(item('m7', 7));
    expect(ids(outbox.items())).toEqual(['d5', 'd6', 'm7']);
    expect(onDrop).toHaveBeenCalledWith(1);
  });

  it('survives QuotaExceededError by keeping events in memory, persisting once space returns', () => {
    const kv = new MemoryStorage();
    const onError = vi.fn();
    const outbox = createOutbox(createStore(kv, onError), 'ob', 10, () => {});
    kv.failWrites = quotaError;
    expect(() => outbox.add(item('m1'))).not.toThrow();
    expect(ids(outbox.items())).toEqual(['m1']);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ name: 'QuotaExceededError' });
    kv.failWrites = null;
    outbox.add(item('m2'));
    expect(ids(JSON.parse(kv.getItem('ob') ?? '[]'))).toEqual(['m1', 'm2']);
  });

  it('ignores corrupt stored data', () => {
    const kv = new MemoryStorage();
    kv.setItem('ob', '{"not":"a list"');
    expect(
      createOutbox(
        createStore(kv, () => {}),
        'ob',
        10,
        () => {},
      ).items(),
    ).toEqual([]);
  });
});
