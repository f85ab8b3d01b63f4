/**
 * Stable sampling: a user is in a `percent` sample when `bucket(salt:userId) < percent × 100`.
 *
 * Why FNV-1a + a murmur3 finalizer rather than a cryptographic hash: the bucket must be identical on
 * every store, every run and any runtime (a SQL function or the console's preview can reproduce it
 * in a few lines), synchronous, and cheap enough to evaluate for every prompt on every state request.
 * Unpredictability is not needed — users gain nothing by guessing their bucket. Plain FNV-1a mixes its
 * low bits poorly for ids that differ only in their last characters (`user-1`, `user-2`), which would
 * skew `% 10000`; the fmix32 finalizer spreads every input bit over the whole word.
 * Salting with the prompt id keeps one prompt's 10 % independent of another's.
 */
export const SAMPLE_BUCKETS = 10_000;

const encoder = new TextEncoder();

/** 32-bit FNV-1a over the UTF-8 bytes of `input`, finalized with murmur3's fmix32. */
export function stableHash(input: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(input)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The user's bucket in [0, 10000) for this salt (normally the prompt id). */
export function sampleBucket(salt: string, userId: string): number {
  return stableHash(`${salt}:${userId}`) % SAMPLE_BUCKETS;
}

export function inSample(percent: number, salt: string, userId: string): boolean {
  return sampleBucket(salt, userId) < percent * (SAMPLE_BUCKETS / 100);
}
