import { describe, expect, it, vi } from 'vitest';
import { MemoryStorage, quotaError } from '../../test/fake-env.js';
import { createOutbox, type OutboxItem } from './outbox.js';
import { createStore } from './storage.js';

const item = (id: string): OutboxItem => ({
  e: { messageId: id, type: 'page', anonymousId: 'a1', timestamp: '2025-01-01T00:00:00.000Z' },
});
const ids = (items: readonly OutboxItem[]) => items.map((i) => i.e.messageId);

describe('outbox', () => {
  it('writes every change to storage, so a reload (or crash) finds it', () => {
    const kv = new MemoryStorage();
    const outbox = createOutbox(createStore(kv, () => {}), 'ob', 10, () => {});
    outbox.add(item('m1'));
    outbox.add(item('m2'));
    expect(ids(JSON.parse(kv.getItem('ob') ?? '[]'))).toEqual(['m1', 'm2']);
    outbox.remove(new Set(['m1']));
    const reloaded = createOutbox(createStore(kv, () => {}), 'ob', 10, () => {});
    expect(ids(reloaded.items())).toEqual(['m2']);
    reloaded.clear();
    expect(kv.getItem('ob')).toBeNull();
  });

  it('drops the oldest events past its bound and counts them', () => {
    const onDrop = vi.fn();
    const outbox = createOutbox(createStore(new MemoryStorage(), () => {}), 'ob', 3, onDrop);
    for (const id of ['m1', 'm2', 'm3', 'm4', 'm5']) outbox.add(item(id));
    expect(ids(outbox.items())).toEqual(['m3', 'm4', 'm5']);
    expect(onDrop.mock.calls).toEqual([[1], [1]]);
    outbox.adopt([item('o1'), item('o2'), item('m5')]);
    expect(ids(outbox.items())).toEqual(['m3', 'm4', 'm5']);
    expect(onDrop).toHaveBeenLastCalledWith(2);
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
    expect(createOutbox(createStore(kv, () => {}), 'ob', 10, () => {}).items()).toEqual([]);
  });
});
