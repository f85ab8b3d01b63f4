/**
 * The only module that touches browser globals (`window`, `document`, `navigator`, storage).
 * Everything else receives an `Env`, so tests inject fakes (throwing storage, scripted fetch,
 * a fake clock) instead of patching globals, and the host page's globals are read in one place.
 */

/** The subset of the Web Storage API the core uses. */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

export interface PageInfo {
  url: string;
  path: string;
  title: string;
  referrer: string;
  locale: string;
}

export interface Env {
  /** `localStorage`, or null when even touching it throws (sandboxed iframes, blocked cookies). */
  local: KeyValue | null;
  session: KeyValue | null;
  fetch(url: string, init: RequestInit): Promise<Response>;
  /** `navigator.sendBeacon` with a string body (sent as text/plain, so no CORS preflight). */
  beacon(url: string, body: string): boolean;
  locks: Pick<LockManager, 'request'> | undefined;
  now(): number;
  randomBytes(length: number): Uint8Array;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  page(): PageInfo;
  history: Pick<History, 'pushState' | 'replaceState'> | undefined;
  /** Listens on `document` for `visibilitychange`, on `window` for everything else. */
  listen(type: string, cb: () => void): () => void;
  hidden(): boolean;
  /** The page has an inline mount point (`<div data-hearth="checklist">`). */
  hasMountPoint(): boolean;
  /** Global Privacy Control (`navigator.globalPrivacyControl`). */
  gpc(): boolean;
  log(...args: unknown[]): void;
}

function attempt<T>(read: () => T): T | null {
  try {
    return read() ?? null;
  } catch {
    return null;
  }
}

/** False during server rendering (Node, workers, Deno): no page to report on or render into. */
export function inBrowser(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined';
}

export function browserEnv(): Env {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  return {
    local: attempt(() => window.localStorage),
    session: attempt(() => window.sessionStorage),
    // Looked up on each call so a host (or test) that swaps `fetch` later is respected.
    fetch: (url, init) => window.fetch(url, init),
    beacon: (url, body) => !!nav.sendBeacon && nav.sendBeacon(url, body),
    locks: nav.locks,
    now: () => Date.now(),
    randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id as number),
    page: () => ({
      url: location.href,
      path: location.pathname,
      title: document.title,
      referrer: document.referrer,
      locale: nav.language,
    }),
    history: window.history,
    listen(type, cb) {
      const target = type === 'visibilitychange' ? document : window;
      target.addEventListener(type, cb);
      return () => target.removeEventListener(type, cb);
    },
    hidden: () => document.visibilityState === 'hidden',
    hasMountPoint: () => !!document.querySelector('[data-hearth]'),
    gpc: () => nav.globalPrivacyControl === true,
    log: (...args) => console.log('[hearth]', ...args),
  };
}

/** The host's `window`, seen only as the slot that holds `window.Hearth`. */
export function globalSlot(): { Hearth?: unknown } {
  return window as unknown as { Hearth?: unknown };
}
