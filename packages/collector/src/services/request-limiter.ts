import type { TeamStore } from '../storage/team/team-store.js';

export interface RequestLimits {
  /** Requests one key may make per window. */
  perWindow: number;
  /**
   * The window's length. Keep it the sign-in limiter's (15 minutes): both count in the same table,
   * and its pruning drops every window older than one of its own.
   */
  windowMs: number;
}

/**
 * A fixed-window request counter kept in the store next to the sign-in failures, so every
 * collector counts the same requests: for routes that answer without a session or that a person
 * could repeat in a loop (invitation links, single sign-on starts, new invitations).
 */
export class RequestLimiter {
  constructor(
    private readonly team: TeamStore,
    private readonly limits: RequestLimits,
    private readonly clock: () => number,
  ) {}

  /** Counts a request under `key`: 0 when it may go ahead, else the milliseconds until the next window. */
  async take(key: string): Promise<number> {
    const now = this.clock();
    const windowStart = now - (now % this.limits.windowMs);
    const made = await this.team.addFailure(key, windowStart);
    return made > this.limits.perWindow ? windowStart + this.limits.windowMs - now : 0;
  }
}
