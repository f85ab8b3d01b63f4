/**
 * Lazy UI chunks, by name: the prompt controller (`ui`) and one entry per widget kind. The core
 * never imports UI code statically (lint enforces it); each `import()` here becomes its own chunk
 * in `dist/chunks/`, fetched the first time it is needed.
 */
export const chunks = {
  ui: () => import('../runtime/controller/index.js'),
  commands: () => import('../runtime/commands.js'),

  checklist: () => import('../widgets/checklist/index.js'),
  announcements: () => import('../widgets/announcements/index.js'),
  survey: () => import('../widgets/survey/index.js'),
  rewards: () => import('../widgets/rewards/index.js'),
};

export type ChunkLoader<M = unknown> = () => Promise<M>;
export type ChunkRegistry = Readonly<Record<string, ChunkLoader>>;
export type Chunks = typeof chunks;
/** Loads a chunk by name; typed per name, so callers get that chunk's exports. */
export type LoadChunk<R extends ChunkRegistry = Chunks> = <K extends keyof R & string>(name: K) => ReturnType<R[K]>;

/** Returns a loader that imports each chunk once and rejects clearly for an unknown name. */
export function createChunkLoader<R extends ChunkRegistry>(registry: R): LoadChunk<R> {
  const loaded = new Map<string, Promise<unknown>>();
  return ((name: string) => {
    const load = Object.prototype.hasOwnProperty.call(registry, name) ? registry[name] : undefined;
    if (!load) return Promise.reject(new Error(`no chunk for kind "${name}"`));
    const promise = loaded.get(name) ?? load();
    loaded.set(name, promise);
    // A failed load (offline) may be retried later instead of being cached forever.
    promise.catch(() => loaded.delete(name));
    return promise;
  }) as LoadChunk<R>;
}
