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

/** A widget kind's chunk, resolved once it has loaded and the page is idle (both awaited at once). */
export function loadWhenIdle<K extends keyof Chunks & string>(load: LoadChunk, kind: K, doc: Document): ReturnType<Chunks[K]> {
  return Promise.all([load(kind), whenIdle(doc.defaultView)]).then(([chunk]) => chunk) as ReturnType<Chunks[K]>;
}
