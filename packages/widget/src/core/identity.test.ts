import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../test/fake-env.js';
import { createIdentity } from './identity.js';
import { createStore } from './storage.js';

let counter = 0;
const newId = () => `anon${++counter}`;

describe('identity', () => {
  it('persists the anonymous id across page loads', () => {
    const kv = new MemoryStorage();
    const first = createIdentity(
      createStore(kv, () => {}),
      'id',
      newId,
    ).get().anonymousId;
    expect(
      createIdentity(
        createStore(kv, () => {}),
        'id',
        newId,
      ).get().anonymousId,
    ).toBe(first);
  });

  it('falls back to memory when storage throws', () => {
    const kv = new MemoryStorage();
    kv.failWith = () => new DOMException('blocked', 'SecurityError');
    const identity = createIdentity(
      createStore(kv, () => {}),
      'id',
      newId,
    );
    identity.identify('u1', { plan: 'pro' }, 'tok');
    expect(identity.get()).toMatchObject({ userId: 'u1', traits: { plan: 'pro' }, userToken: 'tok' });
    expect(kv.data.size).toBe(0);
  });

  it('merges traits for the same user and starts clean for another', () => {
    const identity = createIdentity(
      createStore(new MemoryStorage(), () => {}),
      'id',
      newId,
    );
    const anonymousId = identity.get().anonymousId;
    identity.identify('u1', { plan: 'pro' }, 'tok1');
    identity.identify('u1', { seats: 3 });
    expect(identity.get()).toEqual({ anonymousId, userId: 'u1', traits: { plan: 'pro', seats: 3 }, userToken: 'tok1' });
    identity.identify('u2', { seats: 1 });
    expect(identity.get()).toEqual({ anonymousId, userId: 'u2', traits: { seats: 1 } });
  });

  it('reset forgets the user and starts a new anonymous id, persisted', () => {
    const kv = new MemoryStorage();
    const identity = createIdentity(
      createStore(kv, () => {}),
      'id',
      newId,
    );
    const before = identity.get().anonymousId;
    identity.identify('u1');
    identity.reset();
    expect(identity.get().userId).toBeUndefined();
    expect(identity.get().anonymousId).not.toBe(before);
    expect(JSON.parse(kv.getItem('id') ?? '{}')).toEqual(identity.get());
  });
});
