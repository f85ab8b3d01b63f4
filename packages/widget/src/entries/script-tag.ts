/**
 * `dist/hearth.js`: the script-tag core. The snippet defines `window.Hearth` as a queue
 * (`Hearth.q`) and injects this module; we replay the queue in order, then put the live
 * command function in its place. apiHost defaults to the origin this file was served from.
 */
import { browserEnv, globalSlot } from '../core/env.js';
import { createHearthWith, type HearthHandle } from '../core/hearth.js';

type Stub = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[]; live?: true };

const slot = globalSlot();
const previous = slot.Hearth as Stub | undefined;

// Loaded twice (two snippets, or the snippet plus a stray tag): keep the first live instance.
if (!previous?.live) {
  const hearth = createHearthWith(browserEnv(), { apiHost: new URL(import.meta.url).origin }) as HearthHandle & Stub;
  hearth.live = true;
  const queue = previous?.q ?? [];
  // Index loop: a call made during replay (through the stub) is appended and replayed too.
  for (let i = 0; i < queue.length; i++) {
    const args = Array.from(queue[i] ?? []);
    hearth(...(args as Parameters<typeof hearth>));
  }
  slot.Hearth = hearth;
}
