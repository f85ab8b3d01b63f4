import type { BatchResult, JsonValue } from '@hearth/schema';
import type { Corner, Theme } from '../runtime/theme.js';

export type ConsentMode = 'granted' | 'pending' | 'denied';
export type Properties = Record<string, JsonValue>;

export interface InitOptions {
  /** The project's public key (`pk_…`). */
  projectKey: string;
  /** Collector origin, e.g. `https://hearth.example.com`. The script tag defaults it to its own origin. */
  apiHost?: string;
  /** `pending`: nothing is sent or stored until `consent('granted')`. Default `granted`. */
  consent?: ConsentMode;
  /** Logs every step and error to the console. */
  debug?: boolean;
  /** Overrides the browser's language in event context. */
  locale?: string;
  /** When true, a browser sending Global Privacy Control starts with consent `denied`. */
  respectGlobalPrivacyControl?: boolean;
  /** Records a `page` event at init and on every SPA navigation. Default true. */
  trackPages?: boolean;
  /** Events that trigger an immediate send. Default 20. */
  batchSize?: number;
  /** Longest wait before queued events are sent, in ms. Default 3000. */
  flushInterval?: number;
  /** Per-tab outbox bound; past it the events with the oldest event time are dropped (and counted). Default 500. */
  maxQueueSize?: number;
  /** Brand colour, radius, font and light/dark/auto for every widget; `--hearth-*` CSS properties override it. */
  theme?: Theme;
  /** The floating launcher, used when the page has no inline mount point. Default corner `bottom-right`. */
  launcher?: { corner?: Corner };
}

export interface IdentifyOptions {
  /** HS256 JWT `{ sub: userId, exp }` minted by the host's backend (identity verification). */
  userToken?: string;
}

export interface GroupOptions {
  /** HS256 JWT `{ sub: userId, account: accountId, traits?, exp }` minted by the host's backend: without it the call changes nothing. */
  groupToken?: string;
}

export interface DropInfo {
  /** `queue-full`, `invalid`, or `http-<status>` for batches the collector refused. */
  reason: string;
  count: number;
}

/** Payloads of `Hearth('on', event, cb)`. */
export interface HearthEventMap {
  ready: void;
  sent: BatchResult;
  drop: DropInfo;
  error: Error;
}

/** The command function installed as `window.Hearth` and returned by `createHearth()`. */
export interface HearthCommand {
  (command: 'init', options: InitOptions): void;
  (command: 'identify', userId: string, traits?: Properties, options?: IdentifyOptions): void;
  (command: 'group', accountId: string, traits?: Properties, options?: GroupOptions): void;
  (command: 'track', name: string, properties?: Properties): void;
  (command: 'page', properties?: Properties): void;
  (command: 'reset'): void;
  (command: 'consent', mode: ConsentMode): void;
  <K extends keyof HearthEventMap>(command: 'on', event: K, cb: (payload: HearthEventMap[K]) => void): () => void;
}
