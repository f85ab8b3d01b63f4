/**
 * Lazy UI chunks, by widget kind: `kind → () => import('../widgets/<kind>/index.js')`.
 * The core never imports widget code statically; each entry here becomes its own chunk in
 * `dist/chunks/`, loaded the first time a widget of that kind is shown.
 */
export type ChunkLoader<M = unknown> = () => Promise<M>;
export type ChunkRegistry = Readonly<Record<string, ChunkLoader>>;

/** Filled in by the UI runtime as widget kinds are added. */
export const chunkRegistry: ChunkRegistry = {};

/** Returns a loader that imports each kind once and rejects clearly for an unknown kind. */
export function createChunkLoader(registry: ChunkRegistry = chunkRegistry): (kind: string) => Promise<unknown> {
  const loaded = new Map<string, Promise<unknown>>();
  return (kind) => {
    const load = Object.prototype.hasOwnProperty.call(registry, kind) ? registry[kind] : undefined;
    if (!load) return Promise.reject(new Error(`no widget chunk is registered for kind "${kind}"`));
    const promise = loaded.get(kind) ?? load();
    loaded.set(kind, promise);
    // A failed load (offline) may be retried later instead of being cached forever.
    promise.catch(() => loaded.delete(kind));
    return promise;
  };
}
