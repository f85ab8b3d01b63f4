/**
 * A token bucket: `ratePerSecond` sustained, `capacity` burst. Pure: time is passed in, so tests
 * drive it with a fake clock.
 */
export class TokenBucket {
  #tokens: number;
  #updatedAt: number;

  constructor(
    readonly ratePerSecond: number,
    readonly capacity: number,
    now: number,
  ) {
    this.#tokens = capacity;
    this.#updatedAt = now;
  }

  /** Takes one token; returns 0 when granted, else the milliseconds until one is available. */
  take(now: number): number {
    this.#refill(now);
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return 0;
    }
    return ((1 - this.#tokens) / this.ratePerSecond) * 1000;
  }

  /** True when the bucket has refilled completely, so forgetting it changes nothing. */
  isFull(now: number): boolean {
    this.#refill(now);
    return this.#tokens >= this.capacity;
  }

  #refill(now: number): void {
    const elapsed = Math.max(0, now - this.#updatedAt) / 1000;
    this.#tokens = Math.min(this.capacity, this.#tokens + elapsed * this.ratePerSecond);
    this.#updatedAt = now;
  }
}

/** Buckets by key, forgetting full ones when many accumulate so memory stays bounded. */
export class BucketMap {
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(
    readonly ratePerSecond: number,
    readonly capacity: number,
    readonly maxEntries = 10_000,
  ) {}

  get size(): number {
    return this.#buckets.size;
  }

  take(key: string, now: number): number {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= this.maxEntries) this.#prune(now);
      bucket = new TokenBucket(this.ratePerSecond, this.capacity, now);
      this.#buckets.set(key, bucket);
    }
    return bucket.take(now);
  }

  #prune(now: number): void {
    for (const [key, bucket] of this.#buckets) if (bucket.isFull(now)) this.#buckets.delete(key);
    // Still full of active clients: drop the oldest entries (they restart with a full burst).
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size < this.maxEntries) break;
      this.#buckets.delete(key);
    }
  }
}
