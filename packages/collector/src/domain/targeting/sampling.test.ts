import { describe, expect, it } from 'vitest';
import { SAMPLE_BUCKETS, inSample, sampleBucket, stableHash } from './sampling.js';

describe('stable sampling', () => {
  it('hashes UTF-8 bytes deterministically, independent of call order', () => {
    const first = ['', 'a', 'onboarding:user-1', 'ﬁ:ユーザー'].map(stableHash);
    const again = ['ﬁ:ユーザー', 'onboarding:user-1', 'a', ''].map(stableHash).reverse();
    expect(first).toEqual(again);
    expect(new Set(first).size).toBe(4);
    for (const hash of first) expect(hash >>> 0).toBe(hash);
  });

  it('pins the algorithm: FNV-1a then fmix32 (stores and previews must reproduce it)', () => {
    // FNV-1a("a") = 0xe40c292c; fmix32 of that, computed by hand with BigInt below.
    const fmix = (h: bigint) => {
      const mask = 0xffffffffn;
      h ^= h >> 16n;
      h = (h * 0x85ebca6bn) & mask;
      h ^= h >> 13n;
      h = (h * 0xc2b2ae35n) & mask;
      return Number(h ^ (h >> 16n));
    };
    expect(stableHash('a')).toBe(fmix(0xe40c292cn));
  });

  it('keeps a user in the same bucket for the same salt', () => {
    expect(sampleBucket('nps', 'user-7')).toBe(sampleBucket('nps', 'user-7'));
    expect(sampleBucket('nps', 'user-7')).toBeLessThan(SAMPLE_BUCKETS);
  });

  it('a larger percentage keeps everyone a smaller one had (monotone)', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `user-${i}`);
    const at10 = ids.filter((id) => inSample(10, 'p', id));
    const at30 = new Set(ids.filter((id) => inSample(30, 'p', id)));
    expect(at10.every((id) => at30.has(id))).toBe(true);
  });

  it('spreads sequential ids evenly (each tenth within ±15 % of its share)', () => {
    const users = 20_000;
    const deciles = new Array<number>(10).fill(0);
    for (let i = 0; i < users; i++) {
      const bucket = sampleBucket('welcome-tour', `user-${i}`);
      deciles[Math.floor(bucket / 1000)]! += 1;
    }
    for (const count of deciles) expect(Math.abs(count - users / 10)).toBeLessThan((users / 10) * 0.15);
    const fivePercent = Array.from({ length: users }, (_, i) => inSample(5, 'nps', `user-${i}`)).filter(Boolean).length;
    expect(fivePercent / users).toBeGreaterThan(0.04);
    expect(fivePercent / users).toBeLessThan(0.06);
  });
});
