import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterMs } from './backoff.js';

describe('backoffDelay', () => {
  it('doubles the ceiling per retry, capped, with full jitter below it', () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, 1_000, 10_000, top))).toEqual([999, 1_999, 3_999, 7_999, 9_999]);
    expect(backoffDelay(3, 1_000, 10_000, () => 0)).toBe(0);
    expect(backoffDelay(3, 1_000, 10_000, () => 0.5)).toBe(2_000);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-03-15T12:00:00Z');
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 15 Mar 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('Sun, 15 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
