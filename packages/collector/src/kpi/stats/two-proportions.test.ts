import { describe, expect, it } from 'vitest';
import { proportionDifference } from './two-proportions.js';

describe('difference of two proportions with its 95 % interval', () => {
  it('matches the Wald interval computed by hand', () => {
    // 30/100 − 20/100 = 0.10; se = sqrt(.3·.7/100 + .2·.8/100) = 0.0608276
    const d = proportionDifference(30, 100, 20, 100);
    expect(d.difference).toBeCloseTo(0.1, 10);
    expect(d.low).toBeCloseTo(0.1 - 1.959964 * 0.0608276, 5);
    expect(d.high).toBeCloseTo(0.1 + 1.959964 * 0.0608276, 5);
  });

  it('answers nothing below the minimum group size or for an empty group', () => {
    expect(proportionDifference(3, 10, 1, 10, 30)).toEqual({ difference: null, low: null, high: null });
    expect(proportionDifference(0, 0, 1, 10)).toEqual({ difference: null, low: null, high: null });
  });
});
