/** A tiny typed emitter; a throwing listener never breaks the SDK or other listeners. */
export interface Emitter<M> {
  on<K extends keyof M>(event: K, cb: (payload: M[K]) => void): () => void;
  emit<K extends keyof M>(event: K, payload: M[K]): void;
}

export function createEmitter<M>(onListenerError: (error: unknown) => void): Emitter<M> {
  const listeners = new Map<keyof M, Set<(payload: never) => void>>();
  return {
    on(event, cb) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(cb);
      return () => void set.delete(cb);
    },
    emit(event, payload) {
      for (const cb of listeners.get(event) ?? []) {
        try {
          (cb as (payload: M[typeof event]) => void)(payload);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
  };
}
