import { readJson, type Store } from './storage.js';
import type { Properties } from './types.js';

export interface IdentityState {
  anonymousId: string;
  userId?: string;
  traits?: Properties;
  userToken?: string;
}

const isState = (value: unknown): value is IdentityState => typeof (value as IdentityState | null)?.anonymousId === 'string';

export interface Identity {
  get(): IdentityState;
  identify(userId: string, traits?: Properties, userToken?: string): void;
  /** Logout: forget the user and start a new anonymous id, so the next person is not linked. */
  reset(): void;
  /** Consent denied: a fresh anonymous id in memory, nothing left in storage. */
  forget(): void;
  /** Consent granted after `forget`: store the current state again. */
  persist(): void;
}

/** The anonymous id and the identified user, persisted in one key (memory when storage fails). */
export function createIdentity(store: Store, key: string, newId: () => string): Identity {
  let state = readJson(store, key, isState) ?? { anonymousId: newId() };
  const save = (next: IdentityState) => store.set(key, JSON.stringify((state = next)));
  save(state);

  return {
    get: () => state,
    identify(userId, traits, userToken) {
      const same = state.userId === userId;
      save({
        anonymousId: state.anonymousId,
        userId,
        // Traits accumulate for one user; a different user starts clean, as does their token.
        traits: { ...(same ? state.traits : undefined), ...traits },
        userToken: userToken ?? (same ? state.userToken : undefined),
      });
    },
    reset: () => save({ anonymousId: newId() }),
    forget() {
      state = { anonymousId: newId() };
      store.remove(key);
    },
    persist: () => save(state),
  };
}
