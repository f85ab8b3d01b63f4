/** Addresses remembered before those without recent failures are swept. */
const MAX_TRACKED_CLIENTS = 10_000;

export interface SignInLimits {
  /** Failed sign-ins one address may make per window. */
  perClient: number;
  /** Failures across all addresses per window past which each address gets `perClientUnderAttack`. */
  overall: number;
  /** What each address may fail per window while the overall count is past `overall`. */
  perClientUnderAttack: number;
  /** Password checks running at once (each costs an scrypt's memory and CPU). */
  concurrent: number;
  windowMs: number;
}

/** What `reserve` hands out: settle it once the password was checked. */
export interface SignInAttempt {
  /** The password matched: the attempt counts against nothing. */
  succeeded(): void;
  /** The password was wrong: the attempt stays counted for the window. */
  failed(): void;
}

/**
 * Failed sign-ins per address within a sliding window, reserved before the password is hashed so
 * concurrent guesses cannot all slip past the check. The collector-wide limit degrades instead of
 * locking out: past `overall` failures in the window every address is held to
 * `perClientUnderAttack`, so a distributed guesser is slowed while the admin, from an address that
 * has not failed, still signs in. `concurrent` bounds the password checks running at once.
 */
export class SignInLimiter {
  readonly #failures = new Map<string, number[]>();
  readonly #all: number[] = [];
  #checking = 0;

  constructor(
    private readonly limits: SignInLimits,
    private readonly clock: () => number,
  ) {}

  /**
   * Counts an attempt for `client` before its password is checked; `{ wait }` (milliseconds) when
   * it must not be checked now.
   */
  reserve(client: string): SignInAttempt | { wait: number } {
    const now = this.clock();
    if (this.#failures.size > MAX_TRACKED_CLIENTS) this.#forgetQuiet(now);
    const all = this.#recent(this.#all, now);
    const mine = this.#recent(this.#failures.get(client) ?? [], now);
    const allowed = all.length >= this.limits.overall ? this.limits.perClientUnderAttack : this.limits.perClient;
    if (mine.length >= allowed) return { wait: (mine[mine.length - allowed] ?? now) + this.limits.windowMs - now };
    if (this.#checking >= this.limits.concurrent) return { wait: 1_000 };
    // Counted as a failure until proven otherwise, so attempts in flight count too.
    mine.push(now);
    all.push(now);
    this.#failures.set(client, mine);
    this.#checking += 1;
    let settled = false;
    const settle = (success: boolean) => {
      if (settled) return;
      settled = true;
      this.#checking -= 1;
      if (!success) return;
      remove(mine, now);
      remove(all, now);
      if (mine.length === 0) this.#failures.delete(client);
    };
    return { succeeded: () => settle(true), failed: () => settle(false) };
  }

  #forgetQuiet(now: number): void {
    for (const [client, times] of this.#failures) if (this.#recent(times, now).length === 0) this.#failures.delete(client);
  }

  #recent(times: number[], now: number): number[] {
    while (times.length > 0 && (times[0] ?? 0) <= now - this.limits.windowMs) times.shift();
    return times;
  }
}

function remove(times: number[], at: number): void {
  const index = times.lastIndexOf(at);
  if (index >= 0) times.splice(index, 1);
}
