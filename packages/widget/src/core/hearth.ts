import { createEmitter } from './emitter.js';
import type { Env } from './env.js';
import { createSession, type Session } from './session.js';
import type { HearthCommand, HearthEventMap, InitOptions } from './types.js';

/** Commands made before `init` wait for it, in order; bounded so a missing `init` cannot leak. */
const MAX_EARLY_COMMANDS = 100;

export interface HearthHandle extends HearthCommand {
  /** Stops timers and listeners and restores `history`; for tests and single-page teardown. */
  destroy(): void;
}

/**
 * The command dispatcher behind `window.Hearth` and `createHearth()`. Every call is wrapped:
 * nothing throws into the host page; failures go to `on('error')` and, with `debug`, the console.
 */
export function createHearthWith(env: Env, defaults: Partial<InitOptions> = {}): HearthHandle {
  let debug = false;
  const log = (...args: unknown[]) => void (debug && env.log(...args));
  const events = createEmitter<HearthEventMap>((error) => log('an event listener threw', error));
  let session: Session | undefined;
  let ready = false;
  const early: unknown[][] = [];

  const report = (error: unknown) => {
    const err = error instanceof Error ? error : new Error(String(error));
    log(err.message);
    events.emit('error', err);
  };

  const init = (input: unknown) => {
    if (session) throw new Error('init: Hearth is already initialised');
    const options = { ...defaults, ...(input as InitOptions) };
    debug = !!options.debug;
    if (typeof options.projectKey !== 'string' || !options.projectKey.startsWith('pk_')) {
      throw new Error('init: projectKey must be a public key ("pk_…")');
    }
    if (typeof options.apiHost !== 'string' || !/^https?:\/\//.test(options.apiHost)) {
      throw new Error('init: apiHost must be an http(s) URL, e.g. "https://hearth.example.com"');
    }
    session = createSession(env, { ...options, apiHost: options.apiHost }, events, log);
    // Listeners registered right after `init` (same tick, or in the replayed queue) still get `ready`.
    queueMicrotask(() => {
      ready = true;
      events.emit('ready', undefined);
    });
    for (const [command, ...args] of early.splice(0)) call(command as string, ...args);
  };

  const on = (event: unknown, cb: unknown) => {
    if (typeof cb !== 'function') throw new Error('on: expected a callback function');
    const listener = cb as () => void;
    const off = events.on(event as keyof HearthEventMap, listener);
    if (event === 'ready' && ready) queueMicrotask(() => safe(listener));
    return off;
  };

  const safe = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      log('an event listener threw', error);
    }
  };

  function call(command: string, ...args: unknown[]): unknown {
    try {
      if (command === 'on') return on(args[0], args[1]);
      if (command === 'init') return init(args[0]);
      // A lazy command's refusal comes later: reported the same way as a synchronous one.
      if (session) return void session.run(command, args)?.catch(report);
      if (early.length < MAX_EARLY_COMMANDS) early.push([command, ...args]);
    } catch (error) {
      report(error);
    }
    return undefined;
  }

  const hearth = call as HearthHandle;
  hearth.destroy = () => {
    try {
      session?.destroy();
    } catch (error) {
      report(error);
    }
  };
  return hearth;
}
