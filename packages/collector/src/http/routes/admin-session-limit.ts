/**
 * Failed sign-ins per client within a sliding window, plus a collector-wide cap so guessing from
 * many addresses is slowed too. Successful sign-ins do not count.
 */
export class SignInLimiter {
  readonly #failures = new Map<string, number[]>();
  readonly #all: number[] = [];

  constructor(
    private readonly limits: { perClient: number; overall: number; windowMs: number },
    private readonly clock: () => number,
  ) {}

  #recent(times: number[], now: number): number[] {
    while (times.length > 0 && (times[0] ?? 0) <= now - this.limits.windowMs) times.shift();
    return times;
  }

  /** Milliseconds until this client may try again; 0 when it may try now. */
  waitFor(client: string): number {
    const now = this.clock();
    const mine = this.#recent(this.#failures.get(client) ?? [], now);
    if (mine.length === 0) this.#failures.delete(client);
    const all = this.#recent(this.#all, now);
    const waits = [0];
    if (mine.length >= this.limits.perClient) waits.push((mine[0] ?? now) + this.limits.windowMs - now);
    if (all.length >= this.limits.overall) waits.push((all[0] ?? now) + this.limits.windowMs - now);
    return Math.max(...waits);
  }

  fail(client: string): void {
    const now = this.clock();
    this.#failures.set(client, [...(this.#failures.get(client) ?? []), now]);
    this.#all.push(now);
  }
}
