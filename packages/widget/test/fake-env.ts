import { vi } from 'vitest';
import type { Env, KeyValue, PageInfo } from '../src/core/env.js';

/** In-memory Web Storage; `failWith` makes every call throw (blocked storage, quota). */
export class MemoryStorage implements KeyValue {
  readonly data = new Map<string, string>();
  failWith: (() => Error) | null = null;
  failWrites: (() => Error) | null = null;
  get length() {
    this.check();
    return this.data.size;
  }
  key(index: number) {
    this.check();
    return [...this.data.keys()][index] ?? null;
  }
  getItem(key: string) {
    this.check();
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.check();
    if (this.failWrites) throw this.failWrites();
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.check();
    this.data.delete(key);
  }
  private check() {
    if (this.failWith) throw this.failWith();
  }
}

export const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

export type FetchHandler = (url: string, init: RequestInit) => Response | Promise<Response>;

/** A scriptable browser: fake storage, fetch, beacon, page and events; timers are Vitest's. */
export function createFakeEnv(overrides: Partial<Env> = {}) {
  const local = new MemoryStorage();
  const session = new MemoryStorage();
  const events = new EventTarget();
  const page: PageInfo = { url: 'https://app.test/', path: '/', title: 'Home', referrer: '', locale: 'en-US' };
  const state = { hidden: false, gpc: false, mountPoint: false };
  const fetchCalls: Array<{
    url: string;
    init: RequestInit;
    body: { sentAt: string; userToken?: string; events: Array<Record<string, unknown>> };
  }> = [];
  let handler: FetchHandler = () => Response.json({ accepted: 1, duplicates: 0, conflicts: 0 });
  /** `GET /v1/state` requests go here, not to `fetchCalls`. */
  const stateCalls: Array<{ url: string; init: RequestInit }> = [];
  let stateHandler: FetchHandler = () => Response.json({ prompts: [] });
  const beacons: Array<{ url: string; body: string }> = [];
  let beaconResult = true;

  const env: Env = {
    local,
    session,
    fetch: vi.fn(async (url: string, init: RequestInit) => {
      if (url.includes('/v1/state?')) {
        stateCalls.push({ url, init });
        return stateHandler(url, init);
      }
      fetchCalls.push({ url, init, body: JSON.parse(String(init.body)) });
      return handler(url, init);
    }),
    beacon: (url, body) => {
      if (beaconResult) beacons.push({ url, body });
      return beaconResult;
    },
    locks: undefined,
    now: () => Date.now(),
    randomBytes: (length) => Uint8Array.from({ length }, () => Math.floor(Math.random() * 256)),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    page: () => ({ ...page }),
    history: undefined,
    listen(type, cb) {
      events.addEventListener(type, cb);
      return () => events.removeEventListener(type, cb);
    },
    hidden: () => state.hidden,
    hasMountPoint: () => state.mountPoint,
    gpc: () => state.gpc,
    log: vi.fn(),
    ...overrides,
  };

  return {
    env,
    local,
    session,
    page,
    state,
    fetchCalls,
    stateCalls,
    beacons,
    respond(next: FetchHandler) {
      handler = next;
    },
    respondState(next: FetchHandler) {
      stateHandler = next;
    },
    failBeacons() {
      beaconResult = false;
    },
    fire(type: string) {
      events.dispatchEvent(new Event(type));
    },
    /** Every event sent so far, across batches. */
    sentEvents: () => fetchCalls.flatMap((call) => call.body.events),
  };
}
