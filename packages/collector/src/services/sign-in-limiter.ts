import type { TeamStore } from '../storage/team/team-store.js';

export interface SignInLimits {
  /** Failed sign-ins one client may make against one account per window. */
  perClient: number;
  /** Failures across everyone per window past which each account and client gets `perClientUnderAttack`. */
  overall: number;
  /** What each account and client may fail per window while the overall count is past `overall`. */
  perClientUnderAttack: number;
  /** Password checks running at once in this process (each costs a hash's memory and CPU). */
  concurrent: number;
  windowMs: number;
}

/** What `reserve` hands out: settle it once the password was checked. */
export interface SignInAttempt {
  /** The password matched: the attempt counts against nothing. */
  succeeded(): Promise<void>;
  /** The password was wrong: the attempt stays counted for the window. */
  failed(): void;
}

/** The one key every failure also counts under. */
const EVERYONE = '*';

/**
 * Failed sign-ins in fixed windows, counted in the store so every collector sees the same
 * numbers: five guesses are five whether they reach one instance or five. Each attempt is counted
 * before its password is hashed, so concurrent guesses cannot all slip past the check, and taken
 * back when the password matched. Past `overall` failures across everyone, every account and
 * client is held to `perClientUnderAttack`: a distributed guesser is slowed while the owner,
 * from a client that has not failed, still signs in. `concurrent` bounds this process's hashing.
 */
export class SignInLimiter {
  #checking = 0;

  constructor(
    private readonly team: TeamStore,
    private readonly limits: SignInLimits,
    private readonly clock: () => number,
  ) {}

  /** Counts an attempt on `account` from `client`; `{ wait }` (ms) when it must not be checked now. */
  async reserve(account: string, client: string): Promise<SignInAttempt | { wait: number }> {
    if (this.#checking >= this.limits.concurrent) return { wait: 1_000 };
    const now = this.clock();
    const windowStart = now - (now % this.limits.windowMs);
    const key = `${account} ${client}`;
    this.#checking += 1;
    let settled = false;
    const release = () => {
      if (settled) return false;
      settled = true;
      this.#checking -= 1;
      return true;
    };
    try {
      await this.team.pruneFailures(windowStart - this.limits.windowMs);
      const mine = await this.team.addFailure(key, windowStart);
      const everyone = await this.team.addFailure(EVERYONE, windowStart);
      const allowed = everyone - 1 >= this.limits.overall ? this.limits.perClientUnderAttack : this.limits.perClient;
      if (mine > allowed) {
        release();
        return { wait: windowStart + this.limits.windowMs - now };
      }
    } catch (error) {
      release();
      throw error;
    }
    return {
      succeeded: async () => {
        if (!release()) return;
        await this.team.forgiveFailure(key, windowStart);
        await this.team.forgiveFailure(EVERYONE, windowStart);
      },
      failed: () => void release(),
    };
  }
}
