/**
 * `store.rateLimits`: per-project fixed-window counters every collector on the database shares
 * (`rate_limit_windows`). A collector claims a slice of a window's allowance at a time and admits
 * requests from it locally, so the database sees one write per slice, not per request.
 */
export interface RateLimitStore {
  /**
   * Adds `amount` to the allowance claimed for the project's window starting at `windowStart`
   * (epoch ms) and returns the window's total claimed, this claim included: the caller was granted
   * whatever of `amount` still fitted under its limit, `limit − (total − amount)`.
   */
  claim(projectId: string, windowStart: number, amount: number): Promise<number>;
  /** Deletes windows that started before `before`; how many. */
  purge(before: number): Promise<number>;
}
