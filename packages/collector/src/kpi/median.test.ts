import { describe, expect, it } from 'vitest';
import { median, percent } from './median.js';

describe('median / percent', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([10, 1, 4, 2])).toBe(3);
    expect(median([0, 0, Number.MAX_SAFE_INTEGER])).toBe(0);
  });

  it('is a percentage, or null for an empty denominator', () => {
    expect(percent(1, 4)).toBe(25);
    expect(percent(0, 4)).toBe(0);
    expect(percent(0, 0)).toBeNull();
  });
});
