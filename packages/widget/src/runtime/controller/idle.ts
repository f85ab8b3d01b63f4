import type { Chunks, LoadChunk } from '../../core/registry.js';

/** Longest a widget waits for an idle moment before it renders anyway. */
export const IDLE_TIMEOUT_MS = 500;

/**
 * Resolves in a task of its own once the main thread is idle (`requestIdleCallback`, at most
 * `IDLE_TIMEOUT_MS` later; a zero-delay timer where it is missing). Each widget's first render
 * waits for it, so rendering never runs inside the task that delivered the state or loaded a
 * chunk, nor beside another widget's render: each stays a short task of its own instead of one
 * long task (and long animation frame) on the host page.
 */
export function whenIdle(win: (Window & typeof globalThis) | null): Promise<void> {
  return new Promise((resolve) => {
    if (win?.requestIdleCallback) win.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 0);
  });
}

export type Chunk<K extends keyof Chunks> = Awaited<ReturnType<Chunks[K]>>;
/** Loads a widget kind's chunk and runs `mount` with it in a task of its own. */
export type MountLane = <K extends keyof Chunks & string, T>(kind: K, mount: (chunk: Chunk<K>) => Promise<T>) => Promise<T>;

/**
 * One widget's first render at a time, each in a task of its own. Chunks load in parallel, but
 * two widgets whose chunks arrive together (they share the runtime chunk, so they often do) would
 * otherwise both render in the task that resolved them: a long task on the host page. Each mount
 * waits for the previous one to finish, then for an idle moment (a fresh task), then renders.
 */
export function mountLane(load: LoadChunk, doc: Document): MountLane {
  let tail: Promise<unknown> = Promise.resolve();
  return (kind, mount) => {
    const run = Promise.all([load(kind), tail]).then(([chunk]) => whenIdle(doc.defaultView).then(() => mount(chunk as never)));
    tail = run.catch(() => undefined);
    return run;
  };
}
