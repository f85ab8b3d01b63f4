/**
 * The npm entry: `import { createHearth } from '@hearth/widget'`. Same commands as the
 * script tag, plus typed methods (`hearth.track(...)`) that call them.
 */
import { browserEnv, inBrowser, type Env } from '../core/env.js';
import { createHearthWith, type HearthHandle } from '../core/hearth.js';
import type { ConsentMode, GroupOptions, IdentifyOptions, InitOptions, Properties } from '../core/types.js';

export type {
  ConsentMode,
  DropInfo,
  GroupOptions,
  HearthCommand,
  HearthEventMap,
  IdentifyOptions,
  InitOptions,
  Properties,
} from '../core/types.js';
export type { Env, KeyValue, PageInfo } from '../core/env.js';

export interface Hearth extends HearthHandle {
  init(options: InitOptions): void;
  identify(userId: string, traits?: Properties, options?: IdentifyOptions): void;
  /** The signed-in user works in this account now; counts only with a valid `groupToken` (docs/accounts.md). */
  group(accountId: string, traits?: Properties, options?: GroupOptions): void;
  track(name: string, properties?: Properties): void;
  page(properties?: Properties): void;
  reset(): void;
  consent(mode: ConsentMode): void;
}

const METHODS = ['init', 'identify', 'group', 'track', 'page', 'reset', 'consent'] as const;

/**
 * Creates a Hearth instance (call `init` next). `env` replaces the browser globals, for tests.
 * Outside a browser (server rendering) and without an `env`, it returns an inert instance: every
 * call does nothing and returns nothing (`on` returns a no-op unsubscribe), so shared code can
 * create and call Hearth without checking where it runs.
 * @example
 * const hearth = createHearth();
 * hearth.init({ projectKey: 'pk_…', apiHost: 'https://hearth.example.com' });
 * hearth.track('Project Created', { plan: 'pro' });
 */
export function createHearth(env?: Env): Hearth {
  if (!env && !inBrowser()) return inertHearth();
  const hearth = createHearthWith(env ?? browserEnv()) as Hearth;
  const call = hearth as (command: string, ...args: unknown[]) => unknown;
  for (const name of METHODS) hearth[name] = (...args: unknown[]) => void call(name, ...args);
  return hearth;
}

function inertHearth(): Hearth {
  const noop = () => undefined;
  const hearth = ((command: string) => (command === 'on' ? noop : undefined)) as Hearth;
  for (const name of METHODS) hearth[name] = noop;
  hearth.destroy = noop;
  return hearth;
}
