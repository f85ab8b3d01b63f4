import { describe, expect, it } from 'vitest';
import { ulid } from './ids.js';

const random = (length: number) => Uint8Array.from({ length }, (_, i) => i * 7);

describe('ulid', () => {
  it('is 26 base32 characters that sort in time order', () => {
    const earlier = ulid(Date.parse('2025-01-01T00:00:00Z'), random);
    const later = ulid(Date.parse('2025-01-01T00:00:00.001Z'), random);
    expect(earlier).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(earlier < later).toBe(true);
    expect(ulid(0, random).slice(0, 10)).toBe('0000000000');
  });
});
