import type { RateLimitStore } from '../storage/rate-limits/rate-limit-store.js';

/** A project's limit as configured: `perSecond` sustained, counted over windows of `windowSeconds`. */
export interface ProjectLimit {
  perSecond: number;
  windowSeconds: number;
}

/** The counter's column is a 32-bit integer: a window's limit is capped well below it (still "unlimited" in practice). */
const MAX_WINDOW_LIMIT = 1_000_000_000;
/** Each claim takes this share of a window's limit: the database sees at most ~20 claims per window per instance. */
const SLICES_PER_WINDOW = 20;

interface Slice {
  window: number;
  /** Requests this instance may still admit in the window. */
  left: number;
  /** The window's allowance is all claimed (by any instance): nothing more to claim. */
  exhausted: boolean;
  claiming: Promise<void> | null;
}

/**
 * The per-project rate limit shared by every collector on the database: a fixed window of
 * `windowSeconds` admits `perSecond × windowSeconds` requests in all, whichever instances they
 * reach. Each instance claims slices of a window's allowance (a twentieth of it) from the store
 * and admits requests from its slice without a database round trip; concurrent requests wait on
 * the same claim. The trade-off: a slice an instance claimed and did not use is lost to the others
 * for that window (at most one slice per instance), and, as with any fixed window, up to twice the
 * limit can pass in a span straddling two windows.
 */
export class ProjectAllowance {
  readonly #slices = new Map<string, Slice>();

  constructor(
    private readonly store: RateLimitStore,
    private readonly log: (message: string, error: unknown) => void = console.error,
  ) {}

  /** 0 when the request is admitted; else the milliseconds until the next window opens. */
  async take(projectId: string, limit: ProjectLimit, now: number): Promise<number> {
    const windowMs = limit.windowSeconds * 1000;
    const window = Math.floor(now / windowMs) * windowMs;
    let slice = this.#slices.get(projectId);
    if (!slice || slice.window !== window) {
      slice = { window, left: 0, exhausted: false, claiming: null };
      this.#slices.set(projectId, slice);
    }
    while (slice.left <= 0) {
      if (slice.exhausted) return window + windowMs - now;
      const current = slice;
      current.claiming ??= this.#claim(projectId, current, limit).finally(() => (current.claiming = null));
      await current.claiming;
    }
    slice.left -= 1;
    return 0;
  }

  async #claim(projectId: string, slice: Slice, limit: ProjectLimit): Promise<void> {
    const windowLimit = Math.max(1, Math.min(MAX_WINDOW_LIMIT, Math.floor(limit.perSecond * limit.windowSeconds)));
    const want = Math.max(1, Math.ceil(windowLimit / SLICES_PER_WINDOW));
    try {
      const total = await this.store.claim(projectId, slice.window, want);
      const granted = Math.max(0, Math.min(want, windowLimit - (total - want)));
      slice.left += granted;
      if (granted < want) slice.exhausted = true;
    } catch (error) {
      // The store is unreachable: admit this slice rather than refuse every request (the
      // requests themselves will meet the same store, and its errors).
      this.log('hearth-collector: could not claim a rate-limit slice; admitting it', error);
      slice.left += want;
    }
  }
}
